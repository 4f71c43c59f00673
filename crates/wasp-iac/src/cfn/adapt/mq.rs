//! CloudFormation adapters of Amazon MQ.

use wasp_model::{Broker, Kind, Node};

use super::{at, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, _cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::AmazonMQ::Broker" => Kind::Broker(Box::new(Broker {
            publicly_accessible: at(p, &["PubliclyAccessible"]),
            use_aws_owned_key: at(p, &["EncryptionOptions", "UseAwsOwnedKey"]),
            kms_key: at(p, &["EncryptionOptions", "KmsKeyId"]),
        })),
        _ => return None,
    };
    Some(kind)
}
