//! `docs/rules/` is generated from the controls' metadata and must not go stale.
//! `WASP_UPDATE_DOCS=1 cargo test -p wasp-controls --test docs` rewrites it.

use std::collections::BTreeSet;
use std::path::PathBuf;

#[test]
fn rules_docs_are_current() {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/rules"));
    let files = wasp_controls::docs::files();
    if std::env::var_os("WASP_UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.extension().is_some_and(|e| e == "md") {
                std::fs::remove_file(p).unwrap();
            }
        }
        for (name, text) in &files {
            std::fs::write(dir.join(name), text).unwrap();
        }
        return;
    }
    let mut stale = Vec::new();
    for (name, text) in &files {
        match std::fs::read_to_string(dir.join(name)) {
            Ok(on_disk) if &on_disk == text => {}
            Ok(_) => stale.push(format!("{name} differs")),
            Err(_) => stale.push(format!("{name} is missing")),
        }
    }
    let expected: BTreeSet<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    if let Ok(rd) = std::fs::read_dir(&dir) {
        for entry in rd {
            let name = entry.unwrap().file_name().to_string_lossy().to_string();
            if !expected.contains(name.as_str()) {
                stale.push(format!("{name} has no control"));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "docs/rules is stale (run `WASP_UPDATE_DOCS=1 cargo test -p wasp-controls --test docs`):\n{}",
        stale.join("\n")
    );
}
