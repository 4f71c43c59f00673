//! Terraform adapters of IAM Access Analyzer.

use wasp_model::{value, AccessAnalyzer, Kind, Node};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_accessanalyzer_analyzer" => Kind::AccessAnalyzer(Box::new(AccessAnalyzer {
            analyzer_type: value(b.get("type")),
        })),
        _ => return None,
    };
    Some(kind)
}
