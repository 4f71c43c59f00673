//! Amazon RDS and Aurora.

pub mod auto_minor_version_upgrade_disabled;
pub mod backup_retention_too_short;
pub mod copy_tags_to_snapshot_disabled;
pub mod deletion_protection_disabled;
pub mod iam_authentication_disabled;
pub mod not_encrypted_with_cmk;
pub mod publicly_accessible;
pub mod storage_unencrypted;
pub mod transport_encryption_not_enforced;
