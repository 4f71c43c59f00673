//! Hostile input: each case ends in a clear input error (or a quiet skip), bounded time and
//! memory, and the rest of the scan completes.

use std::path::Path;

use wasp_engine::{scan, ScanOptions};

const GOOD: &str =
    "Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n";

/// Scans a directory holding `GOOD` plus the hostile files; returns the error messages.
fn scan_with(dir: &Path) -> Vec<String> {
    std::fs::write(dir.join("good.yaml"), GOOD).unwrap();
    let report = scan(&[dir.to_path_buf()], &ScanOptions::default());
    assert!(
        report
            .results
            .iter()
            .any(|r| r.resource.address == "Key" && r.control_id == "WASP-KMS-001"),
        "the good template was still scanned"
    );
    report.errors.iter().map(|e| e.to_string()).collect()
}

#[test]
fn oversized_file_is_refused_without_reading_it_all() {
    let dir = tempfile::tempdir().unwrap();
    let f = std::fs::File::create(dir.path().join("huge.yaml")).unwrap();
    f.set_len(wasp_iac::limits::MAX_FILE_BYTES + 1).unwrap();
    let errors = scan_with(dir.path());
    assert!(
        errors
            .iter()
            .any(|e| e.contains("huge.yaml") && e.contains("larger than")),
        "{errors:?}"
    );
}

#[test]
fn deep_nesting_yaml_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!(
        "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    std::fs::write(dir.path().join("deep.yaml"), deep).unwrap();
    let deep_json = format!(
        "{{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    std::fs::write(dir.path().join("deep.json"), deep_json).unwrap();
    let errors = scan_with(dir.path());
    for f in ["deep.yaml", "deep.json"] {
        assert!(
            errors.iter().any(|e| e.contains(f)
                && (e.contains("nesting deeper") || e.contains("recursion limit exceeded"))),
            "{f}: {errors:?}"
        );
    }
}

#[test]
fn yaml_alias_bomb() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = String::from(
        "AWSTemplateFormatVersion: '2010-09-09'\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n",
    );
    for i in 1..15 {
        let p = i - 1;
        s.push_str(&format!(
            "a{i}: &a{i} [{}]\n",
            vec![format!("*a{p}"); 10].join(", ")
        ));
    }
    s.push_str("Resources: {}\n");
    std::fs::write(dir.path().join("bomb.yaml"), s).unwrap();
    let errors = scan_with(dir.path());
    assert!(
        errors
            .iter()
            .any(|e| e.contains("bomb.yaml") && e.contains("aliases are limited")),
        "{errors:?}"
    );
}

#[test]
fn binary_garbage_and_invalid_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let garbage: Vec<u8> = (0..100_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(dir.path().join("garbage.bin"), &garbage).unwrap();
    std::fs::write(dir.path().join("garbage.yaml"), &garbage).unwrap();
    let mut bad = b"AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: ".to_vec();
    bad.extend_from_slice(&[0xff, 0xfe, 0xfd]);
    std::fs::write(dir.path().join("latin.yaml"), &bad).unwrap();
    let errors = scan_with(dir.path());
    assert!(
        errors
            .iter()
            .any(|e| e.contains("latin.yaml") && e.contains("not valid UTF-8")),
        "{errors:?}"
    );
    assert!(
        !errors.iter().any(|e| e.contains("garbage.bin")),
        "{errors:?}"
    );
}

#[cfg(unix)]
#[test]
fn symlink_loop_and_unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
    std::os::unix::fs::symlink("missing-target.yaml", dir.path().join("dangling.yaml")).unwrap();
    let locked = dir.path().join("locked.yaml");
    std::fs::write(&locked, GOOD).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable_anyway = std::fs::read(&locked).is_ok(); // root ignores permissions
    let errors = scan_with(dir.path());
    if !readable_anyway {
        assert!(
            errors
                .iter()
                .any(|e| e.contains("locked.yaml") && e.contains("cannot read")),
            "{errors:?}"
        );
    }
}

#[test]
fn vanished_path_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("gone");
    let report = scan(&[gone], &ScanOptions::default());
    assert_eq!(report.errors.len(), 1);
    assert!(report.errors[0].message.contains("no such file"));
}
