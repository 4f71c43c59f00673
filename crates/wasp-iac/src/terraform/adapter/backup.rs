//! Terraform adapters of AWS Backup.

use wasp_model::{value, BackupVault, Kind, KindTag, Node, Value};

use super::{set, Index, RawRes};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_backup_vault" => Kind::BackupVault(Box::new(BackupVault {
            name: value(b.get("name")),
            kms_key: value(b.get("kms_key_arn")),
            ..BackupVault::default()
        })),
        _ => return None,
    };
    Some(kind)
}

/// Joins a sub-resource of this service into the resource it configures; `false` when the type
/// is not one of its own.
pub(super) fn join(r: &RawRes, ix: &Index, kinds: &mut [Kind]) -> bool {
    let b = &r.body;
    match r.rtype.as_str() {
        "aws_backup_vault_lock_configuration" => {
            if let Some(i) = ix.find(b.get("backup_vault_name"), KindTag::BackupVault, kinds) {
                if let Kind::BackupVault(v) = &mut kinds[i] {
                    v.lock = Value::Known(true, r.pos);
                    set(
                        &mut v.lock_min_retention_days,
                        value(b.get("min_retention_days")),
                    );
                }
            }
        }
        _ => return false,
    }
    true
}
