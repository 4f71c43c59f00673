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
    assert_eq!(json["schema"], "wasp-scan/1");
    insta::assert_snapshot!(text);
}

#[test]
fn every_control_fires_on_the_insecure_example_in_both_formats() {
    let (text, _) = stdout(&["scan", "--format", "json", "examples/insecure"]);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let findings = json["findings"].as_array().unwrap();
    let mut missing = Vec::new();
    for c in wasp_controls::REGISTRY {
        for format in ["cloudformation", "terraform"] {
            let hit = findings.iter().any(|f| {
                f["control_id"] == c.meta.id
                    && f["location"]["file"]
                        .as_str()
                        .is_some_and(|p| p.contains(&format!("insecure/{format}/")))
            });
            if !hit {
                missing.push(format!("{} in {format}", c.meta.id));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "controls that did not fire: {missing:?}"
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
        text.contains("1 passed"),
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
    assert_eq!(json["schema"], "wasp-review/1");
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
