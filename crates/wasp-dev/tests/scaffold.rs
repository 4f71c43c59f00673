//! `cargo dev add-control` on a copy of the control library's registry and module files.

use std::path::Path;

use wasp_dev::scaffold::{add_control, insert_sorted, next_id, Spec};

fn copy_library(to: &Path) {
    let from = wasp_dev::workspace_root().join("crates/wasp-controls/src");
    let src = to.join("crates/wasp-controls/src");
    std::fs::create_dir_all(src.join("s3")).unwrap();
    for f in ["lib.rs", "s3/mod.rs"] {
        std::fs::copy(from.join(f), src.join(f)).unwrap();
    }
}

fn spec(service: &str, name: &str) -> Spec {
    Spec {
        service: service.into(),
        name: name.into(),
        title: "S3 bucket does \"something\" wrong".into(),
        severity: "medium".into(),
        area: "data-at-rest".into(),
        best_practices: vec!["SEC08-BP02".into()],
        kinds: vec!["bucket".into()],
    }
}

#[test]
fn a_new_control_gets_the_next_id_its_file_its_lines_and_fixtures() {
    let root = tempfile::tempdir().unwrap();
    copy_library(root.path());
    let created = add_control(root.path(), &spec("s3", "s3-bucket-thing-disabled")).unwrap();
    let expected_id = next_id("WASP-S3");
    assert_eq!(created.id, expected_id);
    let src = root.path().join("crates/wasp-controls/src");
    let file = std::fs::read_to_string(src.join("s3/bucket_thing_disabled.rs")).unwrap();
    assert!(file.contains(&format!("id: \"{expected_id}\"")), "{file}");
    assert!(file.contains("    kinds: &[KindTag::Bucket],"));
    assert!(file.contains("area: Area::DataAtRest"));
    assert!(file.contains(r#"title: "S3 bucket does \"something\" wrong""#));
    for heading in [
        "## What it checks",
        "## Why it matters",
        "## Remediation",
        "```yaml",
        "```hcl",
    ] {
        assert!(file.contains(heading), "{heading}");
    }
    let m = std::fs::read_to_string(src.join("s3/mod.rs")).unwrap();
    let mods: Vec<&str> = m.lines().filter(|l| l.starts_with("pub mod ")).collect();
    assert!(mods.contains(&"pub mod bucket_thing_disabled;"));
    assert!(mods.windows(2).all(|w| w[0] < w[1]), "{mods:?}");
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let lines: Vec<&str> = lib.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.trim() == "control!(s3::bucket_thing_disabled),")
        .expect("registry line");
    // The highest S3 id so far comes right before it.
    let before = lines[at - 1].trim();
    let last_s3 = wasp_controls::REGISTRY
        .iter()
        .rfind(|c| c.meta.id.starts_with("WASP-S3-"))
        .unwrap();
    assert_eq!(before, format!("control!({}),", last_s3.module));
    let fixtures = root
        .path()
        .join("crates/wasp-controls/fixtures/s3-bucket-thing-disabled");
    for f in [
        "fail_bucket_thing_disabled.yaml",
        "pass_bucket_thing_disabled.yaml",
        "fail_bucket_thing_disabled/main.tf",
        "pass_bucket_thing_disabled/main.tf",
    ] {
        assert!(fixtures.join(f).is_file(), "{f}");
    }
    assert_eq!(created.files.len(), 7, "{:?}", created.files);
}

#[test]
fn a_new_service_gets_its_folder_and_module() {
    let root = tempfile::tempdir().unwrap();
    copy_library(root.path());
    let created = add_control(root.path(), &spec("glacier", "glacier-vault-open")).unwrap();
    assert_eq!(created.id, "WASP-GLACIER-001");
    let src = root.path().join("crates/wasp-controls/src");
    assert!(src.join("glacier/vault_open.rs").is_file());
    assert!(std::fs::read_to_string(src.join("glacier/mod.rs"))
        .unwrap()
        .contains("pub mod vault_open;"));
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    assert!(lib.contains("pub mod glacier;\n"));
    assert!(lib.contains("    control!(glacier::vault_open),\n"));
}

#[test]
fn bad_specs_are_refused_before_anything_is_written() {
    let root = tempfile::tempdir().unwrap();
    copy_library(root.path());
    let lib_before =
        std::fs::read_to_string(root.path().join("crates/wasp-controls/src/lib.rs")).unwrap();
    for (bad, why) in [
        (
            Spec {
                name: "s3-bucket-versioning-disabled".into(),
                ..spec("s3", "x")
            },
            "already a control",
        ),
        (
            Spec {
                area: "governance".into(),
                ..spec("s3", "s3-a")
            },
            "unknown area",
        ),
        (
            Spec {
                kinds: vec!["bukket".into()],
                ..spec("s3", "s3-a")
            },
            "not a kind",
        ),
        (
            Spec {
                best_practices: vec!["SEC99-BP01".into()],
                ..spec("s3", "s3-a")
            },
            "not a best practice",
        ),
        (
            Spec {
                name: "S3_Thing".into(),
                ..spec("s3", "x")
            },
            "kebab-case",
        ),
    ] {
        let e = add_control(root.path(), &bad).unwrap_err();
        assert!(e.to_string().contains(why), "{e}");
    }
    let lib_after =
        std::fs::read_to_string(root.path().join("crates/wasp-controls/src/lib.rs")).unwrap();
    assert_eq!(lib_before, lib_after);
}

#[test]
fn lines_are_inserted_in_order() {
    let text = "a\npub mod b;\npub mod d;\nz\n";
    let key = |l: &str| l.to_string();
    assert_eq!(
        insert_sorted(text, "pub mod c;", "pub mod ", key).unwrap(),
        "a\npub mod b;\npub mod c;\npub mod d;\nz\n"
    );
    assert_eq!(
        insert_sorted(text, "pub mod e;", "pub mod ", key).unwrap(),
        "a\npub mod b;\npub mod d;\npub mod e;\nz\n"
    );
    assert!(insert_sorted("x\n", "pub mod a;", "pub mod ", key).is_err());
}
