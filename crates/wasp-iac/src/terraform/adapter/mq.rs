//! Terraform adapters of Amazon MQ.

use wasp_model::{value, Broker, Kind, Node};

use super::{vbool, vstr};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_mq_broker" => Kind::Broker(Box::new(Broker {
            publicly_accessible: value(b.get("publicly_accessible")),
            use_aws_owned_key: vbool(b, &["encryption_options", "use_aws_owned_key"]),
            kms_key: vstr(b, &["encryption_options", "kms_key_id"]),
        })),
        _ => return None,
    };
    Some(kind)
}
