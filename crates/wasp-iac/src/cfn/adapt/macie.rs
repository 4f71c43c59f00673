//! CloudFormation adapters of Amazon Macie.

use wasp_model::{Kind, MacieSession, Node};

use super::{at, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, _cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::Macie::Session" => Kind::MacieSession(Box::new(MacieSession {
            status: at(p, &["Status"]),
        })),
        _ => return None,
    };
    Some(kind)
}
