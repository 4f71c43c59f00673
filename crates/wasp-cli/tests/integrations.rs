//! The pipeline integrations the repository ships: the pre-commit hooks run real commands.

use assert_cmd::Command;

fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `(id, entry, files)` of each hook, read with a real YAML parser.
fn hooks() -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    let docs = yaml_rust2::YamlLoader::load_from_str(&text).unwrap();
    docs[0]
        .as_vec()
        .expect("a list of hooks")
        .iter()
        .map(|h| {
            let s = |k: &str| h[k].as_str().unwrap_or_else(|| panic!("{k}")).to_string();
            assert_eq!(s("language"), "system");
            (s("id"), s("entry"), s("files"))
        })
        .collect()
}

#[test]
fn pre_commit_hooks_run_wasp_on_the_files_they_select() {
    let hooks = hooks();
    assert!(hooks.iter().any(|(id, ..)| id == "wasp-engine"));
    let dir = tempfile::tempdir().unwrap();
    for (id, entry, files) in hooks {
        let re = regex::Regex::new(&files).unwrap();
        for f in [
            "examples/insecure/cloudformation/template.yaml",
            "examples/insecure/terraform/main.tf",
        ] {
            assert!(re.is_match(f), "{id} does not select {f}");
        }
        assert!(!re.is_match("README.md"));
        // The entry, as pre-commit runs it: its words, then the selected files.
        let mut words = entry.split_whitespace();
        assert_eq!(words.next(), Some("wasp"));
        let out = Command::cargo_bin("wasp")
            .unwrap()
            .current_dir(dir.path())
            .args(words)
            .arg(root().join("examples/insecure/terraform/main.tf"))
            .arg(root().join("examples/hardened/cloudformation/template.yaml"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{id}: findings fail the hook");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("WASP-S3-001"), "{id}: {text}");
    }
    // The SARIF hook leaves its report behind.
    assert!(dir.path().join("wasp.sarif").is_file());
}
