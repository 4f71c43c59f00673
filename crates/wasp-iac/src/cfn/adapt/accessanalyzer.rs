//! CloudFormation adapters of IAM Access Analyzer.

use wasp_model::{AccessAnalyzer, Kind, Node};

use super::{at, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, _cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::AccessAnalyzer::Analyzer" => Kind::AccessAnalyzer(Box::new(AccessAnalyzer {
            analyzer_type: at(p, &["Type"]),
        })),
        _ => return None,
    };
    Some(kind)
}
