//! Comment suppressions come from the text the loader read: a file changed or removed after
//! loading does not change them, and a file without the marker keeps no lines.

use wasp_engine::{evaluate, load_models, ScanOptions};

const TF: &str = "# wasp:ignore WASP-KMS-001 rotation is done by the key's owner\n\
resource \"aws_kms_key\" \"k\" {\n  enable_key_rotation = false\n}\n\
resource \"aws_kms_key\" \"other\" {\n  enable_key_rotation = false\n}\n";

const CFN: &str = "Resources:\n  # wasp:ignore WASP-KMS-001 rotation is done by the key's owner\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: false\n      KeyPolicy: {}\n";

#[test]
fn suppressions_come_from_the_loaded_text() {
    for (name, text) in [("main.tf", TF), ("template.yaml", CFN)] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let (models, errors) = load_models(&[dir.path().to_path_buf()], &ScanOptions::default());
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(models.len(), 1);
        let kept = models[0].marked_lines.as_ref().expect("lines kept");
        assert_eq!(kept.len(), 1, "{name}");
        // What is on disk now does not matter.
        std::fs::remove_file(&path).unwrap();
        let ev = evaluate(&models[0]);
        let suppressed: Vec<_> = ev
            .suppressed
            .iter()
            .filter(|s| s.finding.control_id == "WASP-KMS-001")
            .collect();
        assert_eq!(suppressed.len(), 1, "{name}: {:?}", ev.suppressed);
        assert_eq!(suppressed[0].reason, "rotation is done by the key's owner");
        assert!(ev.findings.iter().all(|f| f.control_id != "WASP-KMS-001"
            || !f.resource.address.ends_with(".k") && f.resource.address != "Key"));
    }
}

#[test]
fn files_without_the_marker_keep_no_lines() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("main.tf"),
        TF.replace("wasp:ignore", "note:"),
    )
    .unwrap();
    let (models, _) = load_models(&[dir.path().to_path_buf()], &ScanOptions::default());
    assert_eq!(models[0].marked_lines.as_deref(), Some(&[][..]));
    let ev = evaluate(&models[0]);
    assert!(ev.suppressed.is_empty());
    assert_eq!(
        ev.findings
            .iter()
            .filter(|f| f.control_id == "WASP-KMS-001")
            .count(),
        2
    );
}

#[test]
fn suppressions_in_a_local_module_come_from_the_loaded_text() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("root");
    let module = dir.path().join("modules/kms");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::create_dir_all(&module).unwrap();
    std::fs::write(
        root.join("main.tf"),
        "module \"keys\" {\n  source = \"../modules/kms\"\n}\n",
    )
    .unwrap();
    std::fs::write(module.join("main.tf"), TF).unwrap();
    let (models, errors) = load_models(std::slice::from_ref(&root), &ScanOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    std::fs::remove_file(module.join("main.tf")).unwrap();
    let ev = evaluate(&models[0]);
    let suppressed: Vec<_> = ev
        .suppressed
        .iter()
        .filter(|s| s.finding.control_id == "WASP-KMS-001")
        .collect();
    assert_eq!(suppressed.len(), 1, "{:?}", ev.suppressed);
    assert_eq!(
        suppressed[0].finding.resource.address,
        "module.keys.aws_kms_key.k"
    );
}
