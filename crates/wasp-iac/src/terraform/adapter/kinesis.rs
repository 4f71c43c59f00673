//! Terraform adapters of Amazon Kinesis Data Streams.

use wasp_model::{value, Kind, Node, Stream};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_kinesis_stream" => Kind::Stream(Box::new(Stream {
            encryption_type: value(b.get("encryption_type")),
            kms_key: value(b.get("kms_key_id")),
            encryption_pos: b.get("encryption_type").map(|n| n.pos),
        })),
        _ => return None,
    };
    Some(kind)
}
