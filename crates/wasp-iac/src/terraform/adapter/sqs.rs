//! Terraform adapters of Amazon SQS.

use wasp_model::{value, Kind, KindTag, Node, Queue};

use super::{joined_doc, policy_doc, Index, RawRes};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_sqs_queue" => Kind::Queue(Box::new(Queue {
            name: value(b.get("name")),
            kms_key: value(b.get("kms_master_key_id")),
            sqs_managed_sse: value(b.get("sqs_managed_sse_enabled")),
            policy: policy_doc("queue policy", b.get("policy")),
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
        "aws_sqs_queue_policy" => {
            if let Some(i) = ix.find(b.get("queue_url"), KindTag::Queue, kinds) {
                if let (Kind::Queue(q), Some(d)) =
                    (&mut kinds[i], joined_doc(r, "queue policy", "policy"))
                {
                    q.policy = Some(d);
                }
            }
        }
        _ => return false,
    }
    true
}
