//! Terraform adapters of Amazon SNS.

use wasp_model::{value, Kind, KindTag, Node, Topic};

use super::{joined_doc, policy_doc, Index, RawRes};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_sns_topic" => Kind::Topic(Box::new(Topic {
            name: value(b.get("name")),
            kms_key: value(b.get("kms_master_key_id")),
            policy: policy_doc("topic policy", b.get("policy")),
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
        "aws_sns_topic_policy" => {
            if let Some(i) = ix.find(b.get("arn"), KindTag::Topic, kinds) {
                if let (Kind::Topic(t), Some(d)) =
                    (&mut kinds[i], joined_doc(r, "topic policy", "policy"))
                {
                    t.policy = Some(d);
                }
            }
        }
        _ => return false,
    }
    true
}
