//! CloudFormation adapters of Amazon DynamoDB.

use wasp_model::{Kind, Node, Table};

use super::{at, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, _cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::DynamoDB::Table" | "AWS::Serverless::SimpleTable" => Kind::Table(Box::new(Table {
            sse_enabled: at(p, &["SSESpecification", "SSEEnabled"]),
            kms_key: at(p, &["SSESpecification", "KMSMasterKeyId"]),
            point_in_time_recovery: at(
                p,
                &[
                    "PointInTimeRecoverySpecification",
                    "PointInTimeRecoveryEnabled",
                ],
            ),
            deletion_protection: at(p, &["DeletionProtectionEnabled"]),
        })),
        _ => return None,
    };
    Some(kind)
}
