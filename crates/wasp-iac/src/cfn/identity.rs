//! CloudFormation adapters, Identity: IAM beyond roles/users/groups, secrets, Cognito (SEC02, SEC03).

use wasp_model::{Kind, Node};

use super::adapt::AreaCx;

/// Adapts a resource of this area; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, cx: &mut AreaCx<'_>) -> Option<Kind> {
    let _ = (p, cx);
    match ty {
        _ => None,
    }
}
