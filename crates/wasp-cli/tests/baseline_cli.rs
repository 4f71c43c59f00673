//! `wasp baseline create` and `--baseline`, end to end.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const BUCKET: &str = "  Logs:\n    Type: AWS::S3::Bucket\n";

const KEY: &str =
    "  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: false\n";

fn template(body: &[&str]) -> String {
    format!("Resources:\n{}", body.concat())
}

fn wasp(cwd: &Path) -> Command {
    let mut c = Command::cargo_bin("wasp").expect("binary");
    c.current_dir(cwd).env_remove("NO_COLOR").env_remove("CI");
    c
}

fn create(cwd: &Path, out: &str, paths: &[&str]) -> (i32, String) {
    let o = wasp(cwd)
        .args(["baseline", "create", "--no-config", "-o", out])
        .args(paths)
        .output()
        .unwrap();
    (
        o.status.code().unwrap(),
        String::from_utf8(o.stderr).unwrap(),
    )
}

fn scan_json(cwd: &Path, args: &[&str]) -> (Value, i32) {
    let o = wasp(cwd)
        .args(["scan", "--no-config", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let json = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&o.stderr)));
    (json, o.status.code().unwrap())
}

#[test]
fn a_baseline_hides_the_findings_it_holds_and_counts_them() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("infra")).unwrap();
    std::fs::write(root.join("infra/t.yaml"), template(&[BUCKET, KEY])).unwrap();
    let (before, code) = scan_json(root, &["infra"]);
    assert_eq!(code, 1);
    let n = before["findings"].as_array().unwrap().len();
    assert!(n > 5);

    let (code, stderr) = create(root, "baseline.json", &["infra"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains(&format!("wrote a baseline of {n} findings")),
        "{stderr}"
    );
    let text = std::fs::read_to_string(root.join("baseline.json")).unwrap();
    let file: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["schema"], "wasp-baseline/1");
    let entries = file["findings"].as_array().unwrap();
    assert_eq!(entries.len(), n);
    let keys: Vec<(String, String)> = entries
        .iter()
        .map(|e| {
            assert_eq!(e["file"], "infra/t.yaml");
            assert_eq!(e["fingerprint"].as_str().unwrap().len(), 16);
            (
                e["control_id"].as_str().unwrap().to_string(),
                e["resource"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "entries are sorted");
    // Deterministic: the same scan writes the same file.
    create(root, "again.json", &["infra"]);
    assert_eq!(
        text,
        std::fs::read_to_string(root.join("again.json")).unwrap()
    );

    let (after, code) = scan_json(root, &["--baseline", "baseline.json", "infra"]);
    assert_eq!(code, 0, "nothing new");
    assert_eq!(after["summary"]["findings"], 0);
    assert_eq!(after["findings"].as_array().unwrap().len(), 0);
    assert_eq!(after["summary"]["baselined"].as_u64().unwrap() as usize, n);
    assert_eq!(after["baselined"].as_array().unwrap().len(), n);
    assert_eq!(after["baselined"], before["findings"]);

    let o = wasp(root)
        .args([
            "scan",
            "--no-config",
            "--color",
            "never",
            "--baseline",
            "baseline.json",
            "infra",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.trim_end()
            .ends_with(&format!("; {n} findings in the baseline not shown")),
        "{text}"
    );
    assert!(text.starts_with("0 findings"), "{text}");
}

#[test]
fn moved_and_copied_resources_stay_matched_and_only_new_ones_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("infra")).unwrap();
    std::fs::write(root.join("infra/t.yaml"), template(&[BUCKET])).unwrap();
    let (code, _) = create(root, "b.json", &["infra"]);
    assert_eq!(code, 0);

    // The bucket moves ten lines down, and the template is copied into another file.
    let padded = format!(
        "Description: moved\n{}Resources:\n{BUCKET}",
        "# padding\n".repeat(10)
    );
    std::fs::write(root.join("infra/t.yaml"), &padded).unwrap();
    std::fs::write(root.join("infra/copy.yaml"), &padded).unwrap();
    let (json, code) = scan_json(root, &["--baseline", "b.json", "infra"]);
    assert_eq!(code, 0);
    assert_eq!(json["summary"]["findings"], 0, "{json}");
    let baselined = json["baselined"].as_array().unwrap();
    assert!(baselined
        .iter()
        .any(|f| f["location"]["line"].as_u64().unwrap() > 10));
    assert!(baselined.iter().any(|f| f["location"]["file"]
        .as_str()
        .unwrap()
        .ends_with("copy.yaml")));

    // A new insecure resource: only its findings are reported.
    std::fs::write(root.join("infra/t.yaml"), format!("{padded}{KEY}")).unwrap();
    let (json, code) = scan_json(root, &["--baseline", "b.json", "infra"]);
    let findings = json["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    assert!(
        findings.iter().all(|f| f["resource"]["address"] == "Key"),
        "{findings:?}"
    );
    assert_eq!(
        code, 0,
        "the new finding is medium, under the default threshold"
    );
    let (_, code) = scan_json(
        root,
        &["--baseline", "b.json", "--fail-on", "medium", "infra"],
    );
    assert_eq!(code, 1, "new findings count towards --fail-on");

    // Renaming the resource makes its findings new.
    std::fs::write(
        root.join("infra/t.yaml"),
        template(&[&BUCKET.replace("Logs:", "Archive:")]),
    )
    .unwrap();
    std::fs::remove_file(root.join("infra/copy.yaml")).unwrap();
    let (json, _) = scan_json(root, &["--baseline", "b.json", "infra"]);
    assert_eq!(json["summary"]["baselined"], 0);
    assert!(json["summary"]["findings"].as_u64().unwrap() > 0);
}

#[test]
fn a_malformed_baseline_is_an_error_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("t.yaml"), template(&[BUCKET])).unwrap();
    let cases = [
        (
            "{\n  \"schema\": \"wasp-baseline/1\",\n  \"findings\": [\n",
            "error: baseline bad.json:4",
        ),
        (
            "{\n  \"schema\": \"wasp-baseline/2\",\n  \"findings\": []\n}\n",
            "error: baseline bad.json:2:",
        ),
        (
            "{\"schema\": \"wasp-baseline/1\", \"findings\": [\n {\"control_id\": \"X\", \"resource\": \"R\", \"fingerprint\": \"nothex\"}]}\n",
            "error: baseline bad.json:2:",
        ),
        ("\u{0}\u{1}", "error: baseline bad.json:1:1:"),
    ];
    for (text, want) in cases {
        std::fs::write(root.join("bad.json"), text).unwrap();
        let o = wasp(root)
            .args(["scan", "--no-config", "--baseline", "bad.json", "."])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{text}");
        assert!(o.stdout.is_empty());
        let stderr = String::from_utf8(o.stderr).unwrap();
        assert!(
            stderr.starts_with(want),
            "{text}\nwanted {want}\ngot {stderr}"
        );
    }
    let o = wasp(root)
        .args(["scan", "--no-config", "--baseline", "missing.json", "."])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8(o.stderr)
        .unwrap()
        .contains("baseline missing.json: cannot read"));
}

#[test]
fn baseline_create_writes_to_stdout_and_honours_selection() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("t.yaml"), template(&[BUCKET, KEY])).unwrap();
    let o = wasp(root)
        .args([
            "baseline",
            "create",
            "--no-config",
            "--select",
            "WASP-KMS-001",
            "-o",
            "-",
            ".",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    let entries = json["findings"].as_array().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["control_id"], "WASP-KMS-001");
    assert_eq!(entries[0]["resource"], "Key");
    // The review accepts a baseline too.
    std::fs::write(root.join("b.json"), &o.stdout).unwrap();
    let o = wasp(root)
        .args(["review", "--no-config", "--baseline", "b.json", "."])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    // A missing -o is a usage error.
    let o = wasp(root)
        .args(["baseline", "create", "."])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}
