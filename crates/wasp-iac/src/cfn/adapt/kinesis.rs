//! CloudFormation adapters of Amazon Kinesis Data Streams.

use wasp_model::{Kind, Node, Stream};

use super::{at, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, _cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::Kinesis::Stream" => {
            let enc = p.get("StreamEncryption").filter(|n| !n.is_null());
            Kind::Stream(Box::new(Stream {
                encryption_type: enc.map(|e| at(e, &["EncryptionType"])).unwrap_or_default(),
                kms_key: enc.map(|e| at(e, &["KeyId"])).unwrap_or_default(),
                encryption_pos: enc.map(|e| e.pos),
            }))
        }
        _ => return None,
    };
    Some(kind)
}
