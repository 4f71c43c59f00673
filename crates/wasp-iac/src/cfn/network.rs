//! CloudFormation adapters, Network and compute: VPC layers, traffic control, containers, build (SEC05, SEC06).

use wasp_model::{Kind, Node};

use super::adapt::AreaCx;

/// Adapts a resource of this area; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, cx: &mut AreaCx<'_>) -> Option<Kind> {
    let _ = (p, cx);
    match ty {
        _ => None,
    }
}
