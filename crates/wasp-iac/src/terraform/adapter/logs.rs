//! Terraform adapters of Amazon CloudWatch Logs.

use wasp_model::{value, Kind, LogGroup, Node};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_cloudwatch_log_group" => Kind::LogGroup(Box::new(LogGroup {
            name: value(b.get("name")),
            retention_days: value(b.get("retention_in_days")),
            kms_key: value(b.get("kms_key_id")),
        })),
        _ => return None,
    };
    Some(kind)
}
