//! AWS Backup vaults.

pub mod vault_lock_missing;
pub mod vault_not_encrypted_with_cmk;

use wasp_model::{BackupVault, Kind, Resource};

pub(crate) fn vault(res: &Resource) -> Option<&BackupVault> {
    match &res.kind {
        Kind::BackupVault(v) => Some(v),
        _ => None,
    }
}
