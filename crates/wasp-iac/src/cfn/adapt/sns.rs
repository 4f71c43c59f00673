//! CloudFormation adapters of Amazon SNS.

use wasp_model::{items, Kind, Node, Topic};

use super::{at, policy_doc, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::SNS::Topic" => Kind::Topic(Box::new(Topic {
            name: at(p, &["TopicName"]),
            kms_key: at(p, &["KmsMasterKeyId"]),
            policy: None,
        })),
        "AWS::SNS::TopicPolicy" => {
            let doc = policy_doc(p, "PolicyDocument", "topic policy", Some(cx.address));
            for t in items(p.get("Topics")) {
                let doc = doc.clone();
                cx.join(Some(t), move |k| {
                    if let Kind::Topic(t) = k {
                        t.policy = Some(doc);
                    }
                });
            }
            Kind::Other
        }
        _ => return None,
    };
    Some(kind)
}
