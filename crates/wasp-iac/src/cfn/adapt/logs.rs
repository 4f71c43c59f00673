//! CloudFormation adapters of Amazon CloudWatch Logs.

use wasp_model::{Kind, LogGroup, Node};

use super::{at, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, _cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::Logs::LogGroup" => Kind::LogGroup(Box::new(LogGroup {
            name: at(p, &["LogGroupName"]),
            retention_days: at(p, &["RetentionInDays"]),
            kms_key: at(p, &["KmsKeyId"]),
        })),
        _ => return None,
    };
    Some(kind)
}
