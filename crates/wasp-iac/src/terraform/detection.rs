//! Terraform adapters, Detection: logging and monitoring services (SEC04).

use wasp_model::{Kind, Node};

use super::adapter::{Index, RawRes};

/// Adapts a resource of this area; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, plan: bool) -> Option<Kind> {
    let _ = (b, plan);
    match rtype {
        _ => None,
    }
}

/// Joins a sub-resource of this area into the resource it configures; `false` when the type
/// is not one of its own.
pub(super) fn join(r: &RawRes, ix: &Index, kinds: &mut [Kind]) -> bool {
    let _ = (ix, kinds);
    match r.rtype.as_str() {
        _ => false,
    }
}
