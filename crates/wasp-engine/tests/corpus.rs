//! The public aws-cloudformation-templates corpus loads: no panic, and every file reported as
//! an input error is one CloudFormation itself would reject.

use std::path::PathBuf;

use wasp_engine::{scan, ScanOptions};

#[path = "../../wasp-core/tests/support/corpus.rs"]
mod support;

fn corpus() -> Option<PathBuf> {
    support::corpus("aws-cloudformation-templates")
}

#[test]
fn cloudformation_corpus_loads_and_only_invalid_templates_error() {
    let Some(root) = corpus() else {
        return;
    };
    let report = scan(&[root], &ScanOptions::default());
    assert!(report.files_scanned > 250, "{} files", report.files_scanned);
    assert!(report.resources > 1500, "{} resources", report.resources);
    // The templates that fail are sources for the `rain` preprocessor (`!Rain::Embed`,
    // `Rain::Module` types), not deployable CloudFormation: AWS rejects them as they are.
    let mut unexpected = Vec::new();
    for e in &report.errors {
        let text = std::fs::read_to_string(e.location.file().unwrap()).unwrap_or_default();
        if !text.contains("Rain::") {
            unexpected.push(e.to_string());
        }
    }
    assert!(
        unexpected.is_empty(),
        "input errors in templates AWS accepts:\n{}",
        unexpected.join("\n")
    );
}
