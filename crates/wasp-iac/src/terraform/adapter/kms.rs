//! Terraform adapters of AWS KMS.

use wasp_model::{value, Kind, KindTag, KmsKey, Node};

use super::{policy_doc, Index, RawRes};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_kms_key" => Kind::KmsKey(Box::new(KmsKey {
            rotation: value(b.get("enable_key_rotation")),
            key_spec: value(b.get("customer_master_key_spec")).or(value(b.get("key_spec"))),
            policy: policy_doc("key policy", b.get("policy")),
            deletion_window: value(b.get("deletion_window_in_days")),
        })),
        _ => return None,
    };
    Some(kind)
}

/// Joins a sub-resource of this service into the resource it configures; `false` when the type
/// is not one of its own.
pub(super) fn join(r: &RawRes, ix: &Index, kinds: &mut [Kind]) -> bool {
    let b = &r.body;
    match r.rtype.as_str() {
        "aws_kms_key_policy" => {
            if let Some(i) = ix.find(b.get("key_id"), KindTag::KmsKey, kinds) {
                if let (Kind::KmsKey(k), Some(d)) =
                    (&mut kinds[i], policy_doc("key policy", b.get("policy")))
                {
                    k.policy = Some(d);
                }
            }
        }
        _ => return false,
    }
    true
}
