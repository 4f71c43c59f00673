//! CloudFormation adapters of AWS KMS.

use wasp_model::{Kind, KmsKey, Node};

use super::{at, policy_doc, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, _cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::KMS::Key" => Kind::KmsKey(Box::new(KmsKey {
            rotation: at(p, &["EnableKeyRotation"]),
            key_spec: at(p, &["KeySpec"]),
            policy: p
                .get("KeyPolicy")
                .map(|_| policy_doc(p, "KeyPolicy", "key policy", None)),
            deletion_window: at(p, &["PendingWindowInDays"]),
        })),
        _ => return None,
    };
    Some(kind)
}
