//! CloudFormation adapters of AWS Backup.

use wasp_model::{BackupVault, Kind, Node};

use super::{at, present, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, _cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::Backup::BackupVault" => {
            let lock = p.get("LockConfiguration").filter(|n| !n.is_null());
            Kind::BackupVault(Box::new(BackupVault {
                name: at(p, &["BackupVaultName"]),
                kms_key: at(p, &["EncryptionKeyArn"]),
                lock: present(lock),
                lock_min_retention_days: lock
                    .map(|l| at(l, &["MinRetentionDays"]))
                    .unwrap_or_default(),
            }))
        }
        _ => return None,
    };
    Some(kind)
}
