//! Output formats end to end: several formats from one run, each to its own file; the usage
//! errors of `--format` / `--output`; SARIF valid against the OASIS schema; JUnit XML that a
//! real parser reads.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

#[path = "../../wasp-report/tests/support/sarif_schema.rs"]
mod sarif_schema;
use sarif_schema::sarif_schema_errors;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn wasp() -> Command {
    let mut c = Command::cargo_bin("wasp").expect("binary");
    c.current_dir(root()).env_remove("NO_COLOR");
    c
}

fn read_json(p: &Path) -> Value {
    let text = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn several_formats_from_one_scan() {
    let dir = tempfile::tempdir().unwrap();
    let file = |name: &str| dir.path().join(name);
    let out = wasp()
        .args([
            "scan",
            "examples/insecure",
            "--color",
            "never",
            "-f",
            "text",
        ])
        .args(["-f", "sarif", "-o"])
        .arg(file("out.sarif"))
        .args(["-f", "junit", "--output"])
        .arg(file("junit.xml"))
        .args(["--format", "markdown", "-o"])
        .arg(file("pr.md"))
        .args(["-f", "json", "-o"])
        .arg(file("out.json"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // Text alone on stdout, exactly as a text-only run prints it.
    let text_only = wasp()
        .args(["scan", "--color", "never", "examples/insecure"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(text_only.stdout).unwrap()
    );

    let json = read_json(&file("out.json"));
    assert_eq!(json["schema"], "wasp-scan/2");
    let findings = json["findings"].as_array().unwrap().len();
    assert!(findings > 100);

    let sarif = read_json(&file("out.sarif"));
    let errors = sarif_schema_errors(&sarif);
    assert!(errors.is_empty(), "SARIF schema errors: {errors:#?}");
    let run = &sarif["runs"][0];
    assert_eq!(run["results"].as_array().unwrap().len(), findings);
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    // Every built-in control, and the two custom controls of examples/policies that
    // examples/.wasp.toml loads.
    assert_eq!(rules.len(), wasp_controls::REGISTRY.len() + 2);
    for id in ["ACME-S3-001", "ACME-LAMBDA-001"] {
        assert!(rules.iter().any(|r| r["id"] == id), "{id} is not a rule");
    }
    for r in run["results"].as_array().unwrap() {
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], r["ruleId"]);
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(uri.starts_with("examples/insecure/"), "{uri}");
    }
    let s3_001 = rules.iter().find(|r| r["id"] == "WASP-S3-001").unwrap();
    assert!(s3_001["help"]["markdown"]
        .as_str()
        .unwrap()
        .contains("## Remediation"));
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);

    let xml = std::fs::read_to_string(file("junit.xml")).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("JUnit XML parses");
    let failures = doc
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .count();
    assert_eq!(failures, findings);
    assert_eq!(
        doc.root_element().attribute("failures"),
        Some(findings.to_string().as_str())
    );
    let passed = json["summary"]["passed"].as_u64().unwrap() as usize;
    let cases = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .count();
    let unknown = json["summary"]["unknown"].as_u64().unwrap() as usize;
    assert_eq!(cases, findings + passed + unknown);

    let md = std::fs::read_to_string(file("pr.md")).unwrap();
    assert!(md.starts_with("## wasp scan"));
    assert!(md.len() <= 65_536);
    assert!(md.contains(&format!(
        "| {} | {} |",
        json["summary"]["files_scanned"], json["summary"]["resources"]
    )));
}

#[test]
fn two_formats_on_stdout_is_a_usage_error() {
    let out = wasp()
        .args(["scan", "examples/insecure", "-f", "text", "-f", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("2 formats would go to stdout (text, json)"),
        "{err}"
    );

    let out = wasp()
        .args(["review", "examples/", "-f", "markdown", "-f", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn output_pairing_errors() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    // Two files for one format.
    let out = wasp()
        .args(["scan", "examples/insecure", "-f", "json", "-o"])
        .arg(&a)
        .arg("-o")
        .arg(&b)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("more than one `--output`"));
    // An output before every format, with several formats.
    let out = wasp()
        .args(["scan", "examples/insecure", "-o"])
        .arg(&a)
        .args(["-f", "json", "-f", "sarif"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // Two formats into one file.
    let out = wasp()
        .args(["scan", "examples/insecure", "-f", "json", "-o"])
        .arg(&a)
        .args(["-f", "sarif", "-o"])
        .arg(&a)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        !a.exists() && !b.exists(),
        "nothing is written on a usage error"
    );
    // A format the command does not have.
    let out = wasp()
        .args(["review", "examples/", "-f", "sarif"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_single_output_pairs_with_a_single_format_in_either_order() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("scan.json");
    let out = wasp()
        .args(["scan", "examples/hardened", "-o"])
        .arg(&p)
        .args(["-f", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert_eq!(read_json(&p)["schema"], "wasp-scan/2");
    // No format at all: the default (text) goes to the file.
    let t = dir.path().join("scan.txt");
    let out = wasp()
        .args(["scan", "examples/hardened", "--color", "always", "-o"])
        .arg(&t)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string(&t).unwrap();
    assert!(text.contains("0 findings"), "{text}");
    assert!(!text.contains('\x1b'), "no terminal colors in a file");
}

#[test]
fn an_unwritable_output_is_an_error_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("no/such/dir/out.sarif");
    let good = dir.path().join("out.json");
    let out = wasp()
        .args(["scan", "examples/hardened", "-f", "sarif", "-o"])
        .arg(&bad)
        .args(["-f", "json", "-o"])
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(&format!("cannot write {}", bad.display())),
        "{err}"
    );
    assert_eq!(
        read_json(&good)["schema"],
        "wasp-scan/2",
        "the other outputs are written"
    );
}

#[test]
fn sarif_with_suppressions_and_input_errors_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("t.yaml"),
        "Resources:\n  # wasp:ignore kms-key-rotation-disabled HSM-backed key, rotated by hand\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: false\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      PubliclyAccessible: true\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("broken.yaml"),
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: [unclosed\n",
    )
    .unwrap();
    let out = Command::cargo_bin("wasp")
        .unwrap()
        .current_dir(dir.path())
        .args(["scan", ".", "-f", "sarif", "-f", "junit", "-o", "junit.xml"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sarif: Value = serde_json::from_slice(&out.stdout).expect("SARIF on stdout");
    let errors = sarif_schema_errors(&sarif);
    assert!(errors.is_empty(), "SARIF schema errors: {errors:#?}");
    let run = &sarif["runs"][0];
    let suppressed: Vec<&Value> = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert_eq!(suppressed.len(), 1);
    assert_eq!(suppressed[0]["ruleId"], "WASP-KMS-001");
    assert_eq!(suppressed[0]["suppressions"][0]["kind"], "inSource");
    assert_eq!(
        suppressed[0]["suppressions"][0]["justification"],
        "HSM-backed key, rotated by hand"
    );
    let inv = &run["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    let note = &inv["toolExecutionNotifications"][0];
    assert_eq!(note["level"], "error");
    assert_eq!(
        note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "broken.yaml"
    );
    assert_eq!(
        note["locations"][0]["physicalLocation"]["region"]["startLine"],
        6
    );
    let base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    assert!(
        base.starts_with("file:///") && base.ends_with('/'),
        "{base}"
    );

    let xml = std::fs::read_to_string(dir.path().join("junit.xml")).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("JUnit XML parses");
    let errors: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("error"))
        .collect();
    assert_eq!(errors.len(), 1);
    assert!(errors[0]
        .attribute("message")
        .unwrap()
        .contains("while parsing a flow sequence"));
    assert!(doc
        .descendants()
        .filter(|n| n.has_tag_name("skipped"))
        .filter_map(|n| n.attribute("message"))
        .any(|m| m.contains("HSM-backed key, rotated by hand")));
}

#[test]
fn review_writes_markdown_and_html_next_to_text() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("review.md");
    let html = dir.path().join("review.html");
    let out = wasp()
        .args(["review", "--color", "never", "examples/"])
        .args(["-f", "markdown", "-o"])
        .arg(&md)
        .args(["-f", "html", "-o"])
        .arg(&html)
        .args(["-f", "text"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Review: "), "{text}");
    let md = std::fs::read_to_string(&md).unwrap();
    assert!(md.starts_with("## Well-Architected review: "), "{md}");
    assert_eq!(md.lines().filter(|l| l.starts_with("| **SEC")).count(), 11);
    assert!(md.contains("### Improvement plan"));
    let html = std::fs::read_to_string(&html).unwrap();
    assert!(
        html.to_ascii_lowercase().starts_with("<!doctype html>"),
        "{html}"
    );
}

#[test]
fn scan_writes_html() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("scan.html");
    let out = wasp()
        .args(["scan", "examples/hardened", "-f", "html", "-o"])
        .arg(&html)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let html = std::fs::read_to_string(&html).unwrap();
    assert!(
        html.to_ascii_lowercase().starts_with("<!doctype html>"),
        "{html}"
    );
}

#[test]
fn version_is_stable() {
    let out = wasp().arg("--version").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "wasp 0.1.0\n");
}

#[test]
fn selection_and_baseline_reach_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("t.yaml"),
        "Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: false\n",
    )
    .unwrap();
    let run = |args: &[&str]| {
        Command::cargo_bin("wasp")
            .unwrap()
            .current_dir(root)
            .env_remove("CI")
            .args(args)
            .output()
            .unwrap()
    };
    // Only the S3 controls run: the SARIF rules are those that ran.
    let out = run(&[
        "scan",
        "--no-config",
        "--select",
        "WASP-S3",
        ".",
        "-f",
        "sarif",
    ]);
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert!(!rules.is_empty());
    assert!(rules
        .iter()
        .all(|r| r["id"].as_str().unwrap().starts_with("WASP-S3-")));
    assert!(sarif_schema_errors(&sarif).is_empty());

    // A baseline of the KMS finding: it leaves the findings and is counted everywhere.
    let b = run(&[
        "baseline",
        "create",
        "--no-config",
        "--select",
        "WASP-KMS-001",
        "-o",
        "b.json",
        ".",
    ]);
    assert_eq!(
        b.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&b.stderr)
    );
    let out = run(&[
        "scan",
        "--no-config",
        "--baseline",
        "b.json",
        ".",
        "-f",
        "sarif",
        "-o",
        "s.sarif",
        "-f",
        "markdown",
        "-o",
        "pr.md",
        "-f",
        "junit",
        "-o",
        "j.xml",
    ]);
    assert!(
        out.status.code().is_some(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sarif = read_json(&root.join("s.sarif"));
    let run0 = &sarif["runs"][0];
    assert_eq!(run0["properties"]["baselined"]["count"], 1);
    assert!(run0["results"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["ruleId"] != "WASP-KMS-001"));
    let md = std::fs::read_to_string(root.join("pr.md")).unwrap();
    assert!(md.contains("1 finding already in the baseline"), "{md}");
    let xml = std::fs::read_to_string(root.join("j.xml")).unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    assert!(doc
        .descendants()
        .filter(|n| n.has_tag_name("skipped"))
        .filter_map(|n| n.attribute("message"))
        .any(|m| m.starts_with("recorded in the baseline")));
}

/// JSON Lines hold the same findings, unknowns, errors and counts as the JSON report, one
/// object per line with the summary last, written alone or beside other formats.
#[test]
fn json_lines_match_the_json_report() {
    let dir = tempfile::tempdir().unwrap();
    let json_path = dir.path().join("scan.json");
    let out = wasp()
        .args([
            "scan",
            "examples",
            "--no-config",
            "-f",
            "jsonl",
            "-f",
            "json",
            "-o",
        ])
        .arg(&json_path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "findings at or above high");
    let json = read_json(&json_path);
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    let of = |kind: &str| -> Vec<&Value> { lines.iter().filter(|l| l["type"] == kind).collect() };
    let summary = lines.last().unwrap();
    assert_eq!(summary["type"], "summary");
    assert_eq!(summary["schema"], "wasp-scan-lines/1");
    for key in [
        "files_scanned",
        "resources",
        "findings",
        "passed",
        "unknown",
        "suppressed",
        "baselined",
        "errors",
        "warnings",
        "by_severity",
        "fail_on",
    ] {
        assert_eq!(summary[key], json["summary"][key], "{key}");
    }
    // The same findings: the JSON report sorts them across files, the lines come unit by
    // unit; as sets they are equal.
    let strip = |v: &Value| {
        let mut v = v.clone();
        v.as_object_mut().unwrap().shift_remove("type");
        v.to_string()
    };
    let mut from_lines: Vec<String> = of("finding").into_iter().map(strip).collect();
    let mut from_json: Vec<String> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(Value::to_string)
        .collect();
    from_lines.sort();
    from_json.sort();
    assert!(!from_json.is_empty());
    assert_eq!(from_lines, from_json);
    assert_eq!(
        of("unknown").len(),
        json["unknown"].as_array().unwrap().len()
    );
    assert!(
        of("passed").is_empty(),
        "passing checks only with --verbose"
    );

    // Alone, the same lines (and with --verbose, the passing checks too).
    let alone = wasp()
        .args(["scan", "examples", "--no-config", "-f", "jsonl", "-v"])
        .output()
        .unwrap();
    let alone: Vec<Value> = String::from_utf8(alone.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let passed = alone.iter().filter(|l| l["type"] == "passed").count();
    assert_eq!(passed as u64, summary["passed"].as_u64().unwrap());
    assert_eq!(
        alone.iter().filter(|l| l["type"] == "finding").count(),
        from_json.len()
    );
}

#[test]
fn an_output_that_would_overwrite_a_scanned_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("bucket.yaml");
    let text = "Resources:\n  B:\n    Type: AWS::S3::Bucket\n";
    std::fs::write(&template, text).unwrap();
    // The template itself, named directly or found inside a scanned directory.
    for scanned in [template.clone(), dir.path().to_path_buf()] {
        let out = wasp()
            .arg("scan")
            .arg(&scanned)
            .args(["-f", "json", "-o"])
            .arg(&template)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", scanned.display());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("is one of the files this scan reads"), "{err}");
        assert_eq!(std::fs::read_to_string(&template).unwrap(), text);
    }
    // A new file in the scanned directory is not an input: it is written.
    let report = dir.path().join("report.json");
    let out = wasp()
        .arg("scan")
        .arg(dir.path())
        .args(["-f", "json", "-o"])
        .arg(&report)
        .output()
        .unwrap();
    assert!(out.status.code().is_some_and(|c| c < 2), "{out:?}");
    assert!(read_json(&report)["findings"].is_array());
}
