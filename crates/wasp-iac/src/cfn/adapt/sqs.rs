//! CloudFormation adapters of Amazon SQS.

use wasp_model::{items, Kind, Node, Queue};

use super::{at, policy_doc, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::SQS::Queue" => Kind::Queue(Box::new(Queue {
            name: at(p, &["QueueName"]),
            kms_key: at(p, &["KmsMasterKeyId"]),
            sqs_managed_sse: at(p, &["SqsManagedSseEnabled"]),
            policy: None,
        })),
        "AWS::SQS::QueuePolicy" => {
            let doc = policy_doc(p, "PolicyDocument", "queue policy", Some(cx.address));
            for q in items(p.get("Queues")) {
                let doc = doc.clone();
                cx.join(Some(q), move |k| {
                    if let Kind::Queue(q) = k {
                        q.policy = Some(doc);
                    }
                });
            }
            Kind::Other
        }
        _ => return None,
    };
    Some(kind)
}
