//! Terraform adapters of Amazon DynamoDB.

use wasp_model::{value, Kind, Node, Table};

use super::{vbool, vstr};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_dynamodb_table" => Kind::Table(Box::new(Table {
            sse_enabled: vbool(b, &["server_side_encryption", "enabled"]),
            kms_key: vstr(b, &["server_side_encryption", "kms_key_arn"]),
            point_in_time_recovery: vbool(b, &["point_in_time_recovery", "enabled"]),
            deletion_protection: value(b.get("deletion_protection_enabled")),
        })),
        _ => return None,
    };
    Some(kind)
}
