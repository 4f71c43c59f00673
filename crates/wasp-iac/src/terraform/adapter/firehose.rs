//! Terraform adapters of Amazon Data Firehose.

use wasp_model::{DeliveryStream, Kind, Node, Value};

use super::{blocks, vbool, vstr};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_kinesis_firehose_delivery_stream" => {
            let source = if !blocks(b, "kinesis_source_configuration").is_empty() {
                Value::Known("KinesisStreamAsSource".to_string(), b.pos)
            } else if !blocks(b, "msk_source_configuration").is_empty() {
                Value::Known("MSKAsSource".to_string(), b.pos)
            } else {
                Value::Absent
            };
            Kind::DeliveryStream(Box::new(DeliveryStream {
                source,
                sse_enabled: vbool(b, &["server_side_encryption", "enabled"]),
                key_type: vstr(b, &["server_side_encryption", "key_type"]),
            }))
        }
        _ => return None,
    };
    Some(kind)
}
