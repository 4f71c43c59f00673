//! The crate graph is one-way, and each crate reaches only the crates of the layers below it
//! (CONTRIBUTING.md, "How the workspace is laid out"): this test reads every crate's
//! `[dependencies]` and fails on a dependency the rules do not allow.

use std::collections::BTreeMap;

/// Each crate and the workspace crates it may depend on (outside tests).
const ALLOWED: &[(&str, &[&str])] = &[
    ("wasp-core", &[]),
    ("wasp-control", &["wasp-core"]),
    ("wasp-model", &["wasp-core"]),
    ("wasp-iam", &["wasp-core"]),
    // Sources reach only the model and the vocabulary.
    ("wasp-source", &["wasp-core", "wasp-model"]),
    ("wasp-iac", &["wasp-core", "wasp-model", "wasp-source"]),
    // Control sets reach the control API, the model and IAM; never sources or renderers.
    (
        "wasp-controls",
        &["wasp-core", "wasp-control", "wasp-model", "wasp-iam"],
    ),
    (
        "wasp-rego",
        &["wasp-core", "wasp-control", "wasp-model", "wasp-source"],
    ),
    ("wasp-lens", &["wasp-core", "wasp-control"]),
    // Renderers never reach sources, the model or the control library.
    ("wasp-report", &["wasp-core", "wasp-control", "wasp-lens"]),
    (
        "wasp-engine",
        &[
            "wasp-core",
            "wasp-control",
            "wasp-model",
            "wasp-source",
            "wasp-iac",
            "wasp-controls",
            "wasp-rego",
            "wasp-lens",
        ],
    ),
    // The binary parses arguments, builds the sources with their options, calls the engine
    // and picks a renderer.
    (
        "wasp-cli",
        &[
            "wasp-core",
            "wasp-control",
            "wasp-engine",
            "wasp-iac",
            "wasp-iam",
            "wasp-lens",
            "wasp-report",
            "wasp-rego",
            "wasp-source",
        ],
    ),
    (
        "wasp-dev",
        &["wasp-controls", "wasp-lens", "wasp-model", "wasp-report"],
    ),
];

/// The workspace crates named in the `[dependencies]` table of a manifest.
fn dependencies(manifest: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in manifest.lines() {
        let t = line.trim();
        if t.starts_with('[') {
            inside = t == "[dependencies]";
            continue;
        }
        if inside {
            if let Some(name) = t.split(['.', ' ', '=']).next() {
                if name.starts_with("wasp-") {
                    out.push(name.to_string());
                }
            }
        }
    }
    out
}

#[test]
fn every_crate_depends_only_on_the_layers_below() {
    let root = wasp_dev::workspace_root().join("crates");
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let mut problems = Vec::new();
    let mut seen = 0;
    for entry in std::fs::read_dir(&root).unwrap() {
        let dir = entry.unwrap().path();
        let Ok(manifest) = std::fs::read_to_string(dir.join("Cargo.toml")) else {
            continue;
        };
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        seen += 1;
        let Some(ok) = allowed.get(name.as_str()) else {
            problems.push(format!(
                "{name}: not in the layering rules; add it to ALLOWED"
            ));
            continue;
        };
        for dep in dependencies(&manifest) {
            if !ok.contains(&dep.as_str()) {
                problems.push(format!("{name} must not depend on {dep}"));
            }
        }
    }
    assert_eq!(seen, ALLOWED.len(), "a crate of ALLOWED is missing");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_rules_read_dependencies() {
    let m = "[package]\nname = \"x\"\n[dependencies]\nwasp-core.workspace = true\nwasp-lens = { workspace = true }\nserde = \"1\"\n[dev-dependencies]\nwasp-model.workspace = true\n";
    assert_eq!(dependencies(m), ["wasp-core", "wasp-lens"]);
}
