//! Terraform adapters of Amazon Macie.

use wasp_model::{value, Kind, MacieSession, Node};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_macie2_account" => Kind::MacieSession(Box::new(MacieSession {
            status: value(b.get("status")),
        })),
        _ => return None,
    };
    Some(kind)
}
