//! `wasp scan` end to end: the bundled examples, output formats, exit codes, bad input.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn wasp() -> Command {
    let mut c = Command::cargo_bin("wasp").expect("binary");
    c.current_dir(root()).env_remove("NO_COLOR");
    c
}

fn stdout(args: &[&str]) -> (String, i32) {
    let out = wasp().args(args).output().expect("runs");
    (
        String::from_utf8(out.stdout).expect("utf-8"),
        out.status.code().expect("exit code"),
    )
}

#[test]
fn insecure_examples_text() {
    let (text, code) = stdout(&["scan", "--color", "never", "examples/insecure"]);
    assert_eq!(code, 1, "high findings fail the run by default");
    insta::assert_snapshot!(text);
}

#[test]
fn insecure_examples_json() {
    let (text, code) = stdout(&["scan", "--format", "json", "examples/insecure"]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(json["schema"], "wasp-scan/2");
    insta::assert_snapshot!(text);
}

/// The insecure example is a catalogue of mistakes: every control that checks one of its
/// resources fails there at least once, in each format; and the first controls (the
/// foundation set) all apply to it in both formats.
#[test]
fn every_control_that_checks_the_insecure_example_fails_there() {
    let (text, _) = stdout(&["scan", "--format", "json", "--verbose", "examples/insecure"]);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let format_of = |r: &serde_json::Value| {
        let file = r["location"]["file"].as_str().unwrap_or("");
        if file.contains("/cloudformation/") {
            "cloudformation"
        } else {
            "terraform"
        }
    };
    let mut failed = std::collections::BTreeSet::new();
    for f in json["findings"].as_array().unwrap() {
        failed.insert((format_of(f), f["control_id"].as_str().unwrap().to_string()));
    }
    let mut not_failing = Vec::new();
    for key in ["passed", "unknown"] {
        for r in json[key].as_array().unwrap() {
            let k = (format_of(r), r["control_id"].as_str().unwrap().to_string());
            if !failed.contains(&k) {
                not_failing.push(format!("{} in {}", k.1, k.0));
            }
        }
    }
    not_failing.sort();
    not_failing.dedup();
    assert!(
        not_failing.is_empty(),
        "checked but never failing: {not_failing:?}"
    );
    let mut missing = Vec::new();
    // The first controls of the library: every one fires on the insecure example in both
    // formats.
    const FOUNDATION: &[&str] = &[
        "WASP-S3-001",
        "WASP-S3-002",
        "WASP-S3-003",
        "WASP-S3-004",
        "WASP-S3-005",
        "WASP-S3-006",
        "WASP-EC2-001",
        "WASP-EC2-002",
        "WASP-EC2-003",
        "WASP-EC2-004",
        "WASP-EC2-005",
        "WASP-EC2-006",
        "WASP-RDS-001",
        "WASP-RDS-002",
        "WASP-KMS-001",
        "WASP-IAM-001",
        "WASP-CT-001",
        "WASP-CT-002",
        "WASP-CT-003",
        "WASP-ELB-001",
        "WASP-ELB-002",
        "WASP-LAMBDA-001",
        "WASP-LAMBDA-002",
    ];
    for id in FOUNDATION {
        assert!(wasp_controls::find(id).is_some(), "{id} is not a control");
        for format in ["cloudformation", "terraform"] {
            if !failed.contains(&(format, id.to_string())) {
                missing.push(format!("{id} in {format}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "foundation controls that did not fire: {missing:?}"
    );
    assert!(
        failed.len() > 150,
        "{} control × format pairs fire",
        failed.len()
    );
}

#[test]
fn hardened_examples_have_no_findings() {
    for format in ["text", "json"] {
        let (text, code) = stdout(&["scan", "--format", format, "examples/hardened"]);
        assert_eq!(code, 0, "{text}");
        if format == "json" {
            let json: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(json["findings"].as_array().unwrap().len(), 0, "{text}");
            assert!(json["summary"]["passed"].as_u64().unwrap() > 30);
        } else {
            assert!(text.contains("0 findings"), "{text}");
        }
    }
}

#[test]
fn fail_on_threshold_sets_the_exit_code() {
    let (_, code) = stdout(&["scan", "--fail-on", "critical", "examples/insecure"]);
    assert_eq!(code, 1, "the insecure example has critical findings");
    let (_, code) = stdout(&["scan", "--fail-on", "critical", "examples/hardened"]);
    assert_eq!(code, 0);
}

#[test]
fn malformed_files_are_reported_and_the_scan_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("broken.yaml"),
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: [unclosed\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("dup.json"),
        "{\"Resources\": {\"V\": {\"Type\": \"AWS::EC2::Volume\"}, \"V\": {\"Type\": \"AWS::EC2::Volume\"}}}",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("good.yaml"),
        "Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("other.yaml"), "just: some config\n").unwrap();
    let out = wasp()
        .args(["scan", "--color", "never"])
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "input errors without findings: 2\n{text}"
    );
    assert!(
        text.contains("broken.yaml:6:1: while parsing a flow sequence"),
        "{text}"
    );
    assert!(
        text.contains("dup.json:1:") && text.contains("duplicate key `V`"),
        "{text}"
    );
    assert!(
        text.contains(" passed") && !text.contains(" 0 passed"),
        "the good template was still checked: {text}"
    );
    assert!(
        !text.contains("other.yaml"),
        "unrelated YAML is skipped quietly: {text}"
    );

    // Findings at the threshold win over input errors.
    std::fs::write(
        dir.path().join("bad.yaml"),
        "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      PubliclyAccessible: true\n",
    )
    .unwrap();
    let out = wasp().arg("scan").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn missing_path_is_an_input_error() {
    let out = wasp().args(["scan", "no/such/dir"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("no such file or directory"));
}

#[test]
fn usage_errors_exit_2() {
    let out = wasp()
        .args(["scan", "--fail-on", "severe"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn review_of_the_examples() {
    let (text, code) = stdout(&["review", "--color", "never", "examples/"]);
    assert_eq!(code, 0, "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn review_json_of_the_hardened_example_meets_what_it_evidences() {
    let (text, code) = stdout(&["review", "--format", "json", "examples/hardened"]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["schema"], "wasp-review/2");
    let questions = json["questions"].as_array().unwrap();
    assert_eq!(questions.len(), 11);
    let status = |bp: &str| {
        questions
            .iter()
            .flat_map(|q| q["best_practices"].as_array().unwrap())
            .find(|b| b["id"] == bp)
            .map(|b| b["status"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_eq!(status("SEC08-BP02"), "met");
    assert_eq!(status("SEC09-BP02"), "met");
    assert_eq!(status("SEC10-BP07"), "manual");
    let (text, _) = stdout(&["review", "--format", "json", "examples/insecure"]);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let sec08 = &json["questions"][7];
    assert_eq!(sec08["id"], "sec08");
    assert_eq!(
        sec08["risk"], "HIGH",
        "unencrypted data stores make SEC08 high risk"
    );
}

#[test]
fn suppressions_are_listed_with_their_reasons_never_dropped() {
    let (text, code) = stdout(&["scan", "--format", "json", "examples/hardened"]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let suppressed = json["suppressed"].as_array().unwrap();
    assert_eq!(
        json["summary"]["suppressed"].as_u64().unwrap() as usize,
        suppressed.len()
    );
    let ids: std::collections::BTreeSet<&str> = suppressed
        .iter()
        .map(|s| s["finding"]["control_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids.into_iter().collect::<Vec<_>>(),
        [
            // The custom control of examples/policies (loaded by examples/.wasp.toml).
            "ACME-S3-001",
            "WASP-CT-009",
            "WASP-S3-008",
            "WASP-S3-011",
            "WASP-SECRETS-001"
        ]
    );
    assert!(suppressed
        .iter()
        .all(|s| !s["reason"].as_str().unwrap().is_empty()));
    let (text, _) = stdout(&["scan", "--color", "never", "-v", "examples/hardened"]);
    assert!(text.contains("WASP-S3-011 suppressed"), "{text}");
    assert!(text.contains("suppressed"), "{text}");
    // Without the comment the finding comes back.
    let dir = tempfile::tempdir().unwrap();
    let body = "Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: false\n";
    let suppressed_body = body.replace(
        "  Key:",
        "  # wasp:ignore kms-key-rotation-disabled HSM-backed key, rotated by hand\n  Key:",
    );
    std::fs::write(dir.path().join("t.yaml"), suppressed_body).unwrap();
    let out = wasp()
        .args(["scan", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["control_id"] != "WASP-KMS-001"));
    std::fs::write(dir.path().join("t.yaml"), body).unwrap();
    let out = wasp()
        .args(["scan", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["control_id"] == "WASP-KMS-001"));
}

#[test]
fn manual_answers_merge_with_evidence_and_bad_answers_fail_with_a_position() {
    let (text, code) = stdout(&[
        "review",
        "--format",
        "json",
        "--answers",
        "examples/hardened/answers.yaml",
        "examples/hardened",
    ]);
    assert_eq!(code, 0, "{text}");
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let status = |bp: &str| {
        json["questions"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|q| q["best_practices"].as_array().unwrap())
            .find(|b| b["id"] == bp)
            .map(|b| b["status"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_eq!(status("SEC01-BP01"), "met", "manual answer");
    assert_eq!(status("SEC10-BP07"), "not_met", "manual answer");
    assert_eq!(status("SEC11-BP01"), "not_applicable", "manual answer");
    assert_eq!(
        status("SEC08-BP02"),
        "met",
        "automated evidence still counts"
    );
    assert_eq!(status("SEC10-BP02"), "manual", "unanswered");

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("answers.yaml");
    std::fs::write(
        &bad,
        "version: 1\nanswers:\n  SEC99-BP01:\n    status: met\n",
    )
    .unwrap();
    let out = wasp()
        .args(["review", "--answers"])
        .arg(&bad)
        .arg("examples/hardened")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("answers.yaml:3:"), "{err}");
}
