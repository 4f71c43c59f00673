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

use wasp_model::{Database, Kind, Resource};

/// The database whose settings a cluster-level control reads: a cluster, or an instance that
/// belongs to none (an instance of a cluster takes these settings from its cluster).
pub(crate) fn own_settings(res: &Resource) -> Option<&Database> {
    match &res.kind {
        Kind::DbInstance(d) if d.cluster.is_absent() => Some(d),
        Kind::DbCluster(d) => Some(d),
        _ => None,
    }
}
