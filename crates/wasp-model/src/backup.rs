//! AWS Backup.

use serde::Serialize;

use crate::value::Value;

/// AWS Backup vault.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct BackupVault {
    pub name: Value<String>,
    pub kms_key: Value<String>,
    /// A vault lock is configured.
    pub lock: Value<bool>,
    pub lock_min_retention_days: Value<i64>,
}
