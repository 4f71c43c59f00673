//! CloudFormation adapters of Amazon Data Firehose.

use wasp_model::{DeliveryStream, Kind, Node};

use super::{at, present, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, _cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::KinesisFirehose::DeliveryStream" => {
            let enc = p
                .get("DeliveryStreamEncryptionConfigurationInput")
                .filter(|n| !n.is_null());
            Kind::DeliveryStream(Box::new(DeliveryStream {
                source: at(p, &["DeliveryStreamType"]),
                sse_enabled: present(enc),
                key_type: enc.map(|e| at(e, &["KeyType"])).unwrap_or_default(),
            }))
        }
        _ => return None,
    };
    Some(kind)
}
