//! Custom controls in Rego end to end: `--policy` on scan, review, rules and explain, the
//! bundled example policies, errors at file:line, and `wasp model`.
#![cfg(feature = "rego")]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn wasp() -> Command {
    let mut c = Command::cargo_bin("wasp").expect("binary");
    c.current_dir(root()).env_remove("NO_COLOR");
    c
}

/// stdout, stderr, exit code.
fn run(args: &[&str]) -> (String, String, i32) {
    let out = wasp().args(args).output().expect("runs");
    (
        String::from_utf8(out.stdout).expect("utf-8"),
        String::from_utf8(out.stderr).expect("utf-8"),
        out.status.code().expect("exit code"),
    )
}

fn json(args: &[&str]) -> Value {
    let (out, err, _) = run(args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}\n{err}"))
}

const POLICIES: &str = "examples/policies";

#[test]
fn custom_findings_appear_in_json_like_built_ins() {
    let j = json(&[
        "scan",
        "--no-config",
        "--format",
        "json",
        "--policy",
        POLICIES,
        "examples/insecure",
    ]);
    let findings = j["findings"].as_array().unwrap();
    let lambda: Vec<&Value> = findings
        .iter()
        .filter(|f| f["control_id"] == "ACME-LAMBDA-001")
        .collect();
    // python3.8 in the CloudFormation template and in the Terraform module.
    assert_eq!(lambda.len(), 2, "{lambda:#?}");
    let f = lambda
        .iter()
        .find(|f| f["resource"]["address"] == "aws_lambda_function.resize")
        .expect("the Terraform function");
    assert_eq!(f["location"]["file"], "examples/insecure/terraform/main.tf");
    assert_eq!(f["severity"], "medium");
    assert_eq!(f["control_name"], "lambda-approved-runtime");
    assert_eq!(
        f["message"],
        "runtime python3.8 is not supported by the platform team"
    );
    assert_eq!(f["best_practices"], serde_json::json!(["SEC06-BP01"]));
    assert!(f["location"]["line"].as_u64().unwrap() > 0);
    assert_eq!(
        f["fingerprint"].as_str().unwrap().len(),
        16,
        "fingerprinted like built-ins"
    );
    let s3: Vec<&Value> = findings
        .iter()
        .filter(|f| f["control_id"] == "ACME-S3-001")
        .collect();
    assert!(!s3.is_empty());
    assert!(s3.iter().all(|f| f["severity"] == "high"));
    // Built-in findings are still there.
    assert!(findings
        .iter()
        .any(|f| f["control_id"].as_str().unwrap().starts_with("WASP-")));
}

#[test]
fn custom_findings_appear_in_text() {
    let (text, _, code) = run(&[
        "scan",
        "--no-config",
        "--color",
        "never",
        "--policy",
        POLICIES,
        "examples/insecure/terraform",
    ]);
    assert_eq!(code, 1);
    assert!(text.contains("ACME-LAMBDA-001"), "{text}");
    assert!(
        text.contains("runtime python3.8 is not supported by the platform team"),
        "{text}"
    );
}

#[test]
fn hardened_example_passes_the_custom_controls_or_says_why_not() {
    let j = json(&[
        "scan",
        "--no-config",
        "--format",
        "json",
        "--verbose",
        "--policy",
        POLICIES,
        "examples/hardened",
    ]);
    assert_eq!(
        j["findings"].as_array().unwrap().len(),
        0,
        "{:#}",
        j["findings"]
    );
    let suppressed = j["suppressed"].as_array().unwrap();
    let s3: Vec<&Value> = suppressed
        .iter()
        .filter(|s| s["finding"]["control_id"] == "ACME-S3-001")
        .collect();
    assert!(
        !s3.is_empty(),
        "the access-log bucket is suppressed with its reason"
    );
    assert!(s3
        .iter()
        .all(|s| !s["reason"].as_str().unwrap_or("").is_empty()));
    let passed = j["passed"].as_array().expect("--verbose lists passes");
    assert!(passed.iter().any(|p| p["control_id"] == "ACME-LAMBDA-001"));
    assert!(passed.iter().any(|p| p["control_id"] == "ACME-S3-001"));
}

#[test]
fn review_counts_custom_controls_under_their_best_practice() {
    let j = json(&[
        "review",
        "--no-config",
        "-f",
        "json",
        "--policy",
        POLICIES,
        "examples/insecure",
    ]);
    let bp = j["questions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|q| q["best_practices"].as_array().unwrap())
        .find(|b| b["id"] == "SEC06-BP01")
        .expect("SEC06-BP01");
    assert!(
        bp["controls"]
            .as_array()
            .unwrap()
            .contains(&Value::from("ACME-LAMBDA-001")),
        "{bp:#}"
    );
    assert!(bp["failing"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["control_id"] == "ACME-LAMBDA-001"));
    assert_eq!(bp["status"], "not_met");
}

#[test]
fn rules_and_explain_know_custom_controls() {
    let (text, _, code) = run(&["rules", "--policy", POLICIES]);
    assert_eq!(code, 0);
    let line = text
        .lines()
        .find(|l| l.starts_with("ACME-S3-001"))
        .expect("listed");
    assert!(line.contains("high"), "{line}");
    assert!(line.contains("data-at-rest"), "{line}");
    assert!(line.contains("SEC08-BP01,SEC08-BP02"), "{line}");
    let (plain, _, _) = run(&["rules"]);
    let count = |t: &str| -> usize {
        t.lines()
            .last()
            .and_then(|l| l.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .unwrap()
    };
    assert_eq!(count(&text), count(&plain) + 2);

    let (only, _, _) = run(&["rules", "--policy", POLICIES, "--area", "compute"]);
    assert!(only.contains("ACME-LAMBDA-001"));
    assert!(!only.contains("ACME-S3-001"));

    let j = json(&["rules", "--policy", POLICIES, "--format", "json"]);
    let c = j["controls"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "ACME-LAMBDA-001")
        .expect("in JSON");
    assert_eq!(c["custom"]["package"], "acme.lambda_approved_runtime");
    assert_eq!(c["custom"]["kinds"], serde_json::json!(["function"]));

    let (doc, _, code) = run(&["explain", "ACME-S3-001", "--policy", POLICIES]);
    assert_eq!(code, 0);
    assert!(doc.starts_with(
        "# ACME-S3-001 s3-kms-key-in-stack: S3 buckets must be encrypted with a KMS key managed in the same stack"
    ), "{doc}");
    assert!(doc.contains("- Severity: high"), "{doc}");
    assert!(doc.contains("s3_kms_key_in_stack.rego:1"), "{doc}");
    let (_, err, code) = run(&["explain", "ACME-S3-001"]);
    assert_eq!(code, 2);
    assert!(err.contains("no control `ACME-S3-001`"), "{err}");
}

#[test]
fn policy_errors_point_at_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.rego");
    std::fs::write(
        &bad,
        "# METADATA\n# title: t\n# custom:\n#   id: ACME-X-1\n#   severity: high\npackage acme.bad\n\ndeny contains \"x\" if {\n  input.versioning ==\n}\n",
    )
    .unwrap();
    let (out, err, code) = run(&[
        "scan",
        "--no-config",
        "--policy",
        bad.to_str().unwrap(),
        "examples/insecure",
    ]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    let expected = format!("error: {}:", bad.display());
    assert!(err.starts_with(&expected), "{err}");
    let line: u32 = err[expected.len()..]
        .split(':')
        .next()
        .and_then(|l| l.parse().ok())
        .unwrap_or_else(|| panic!("{err}"));
    assert!(line >= 9, "{err}");

    let clash = dir.path().join("clash.rego");
    std::fs::write(
        &clash,
        "# METADATA\n# title: t\n# custom:\n#   id: WASP-S3-001\n#   severity: high\npackage acme.clash\n\ndeny contains \"x\" if false\n",
    )
    .unwrap();
    std::fs::remove_file(&bad).unwrap();
    let (_, err, code) = run(&["rules", "--policy", dir.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("clash.rego:1: "), "{err}");
    assert!(err.contains("reserved for built-in controls"), "{err}");
}

#[test]
fn model_prints_the_json_policies_read() {
    let j = json(&["model", "--no-config", "examples/hardened/terraform"]);
    assert_eq!(j["schema"], "wasp-model/1");
    let resources = j["resources"].as_array().unwrap();
    let bucket = resources
        .iter()
        .find(|r| r["kind"] == "bucket")
        .expect("a bucket");
    assert_eq!(bucket["format"], "terraform");
    assert_eq!(bucket["type"], "aws_s3_bucket");
    assert_eq!(bucket["versioning"], true);
    assert!(bucket["address"]
        .as_str()
        .unwrap()
        .starts_with("aws_s3_bucket."));
    assert!(bucket.get("pos").is_none());
}

#[test]
fn custom_controls_are_selected_like_built_ins() {
    let j = json(&[
        "scan",
        "--no-config",
        "--format",
        "json",
        "--policy",
        POLICIES,
        "--select",
        "ACME-LAMBDA-001",
        "examples/insecure",
    ]);
    let ids: std::collections::BTreeSet<&str> = j["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["control_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["ACME-LAMBDA-001"].into());

    let j = json(&[
        "scan",
        "--no-config",
        "--format",
        "json",
        "--policy",
        POLICIES,
        "--ignore",
        "s3-kms-key-in-stack",
        "examples/insecure",
    ]);
    let findings = j["findings"].as_array().unwrap();
    assert!(findings.iter().all(|f| f["control_id"] != "ACME-S3-001"));
    assert!(findings
        .iter()
        .any(|f| f["control_id"] == "ACME-LAMBDA-001"));
}
