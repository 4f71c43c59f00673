//! `wasp rules` and `wasp explain`.

use assert_cmd::Command;

fn run(args: &[&str]) -> (String, i32) {
    let out = Command::cargo_bin("wasp")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn rules_json_lists_every_control_with_metadata() {
    let (text, code) = run(&["rules", "--format", "json"]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let controls = json["controls"].as_array().unwrap();
    assert_eq!(controls.len(), wasp_controls::REGISTRY.len());
    for c in controls {
        for key in [
            "id",
            "name",
            "title",
            "severity",
            "area",
            "best_practices",
            "remediation",
            "doc",
        ] {
            assert!(!c[key].is_null(), "{key} missing in {c}");
        }
    }
}

#[test]
fn rules_filter_by_best_practice_area_and_severity() {
    let (text, _) = run(&["rules", "--best-practice", "SEC09-BP02"]);
    assert!(
        text.contains("WASP-ELB-001") && text.contains("WASP-S3-006"),
        "{text}"
    );
    assert!(!text.contains("WASP-RDS-001"), "{text}");
    let (text, _) = run(&["rules", "--area", "network", "--severity", "critical"]);
    let ids: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(ids, ["WASP-EC2-003", "WASP-RDS-002", "2"], "{text}");
}

#[test]
fn explain_prints_the_doc_and_unknown_ids_fail() {
    let (text, code) = run(&["explain", "s3-bucket-public-acl"]);
    assert_eq!(code, 0);
    assert!(
        text.starts_with("# WASP-S3-003 s3-bucket-public-acl"),
        "{text}"
    );
    assert!(text.contains("## Remediation") && text.contains("```hcl"));
    let (_, code) = run(&["explain", "WASP-NOPE-001"]);
    assert_eq!(code, 2);
}
