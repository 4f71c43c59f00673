//! Amazon ElastiCache (Redis OSS, Valkey) replication groups.

pub mod at_rest_encryption_disabled;
pub mod auth_disabled;
pub mod automatic_backups_disabled;
pub mod transit_encryption_disabled;

use wasp_model::{CacheGroup, Kind, Resource};

pub(crate) fn group(res: &Resource) -> Option<&CacheGroup> {
    match &res.kind {
        Kind::CacheGroup(g) => Some(g),
        _ => None,
    }
}

/// Valkey replication groups are encrypted at rest unless told otherwise (`AtRestEncryptionEnabled`
/// defaults to `true` for Valkey, `false` for Redis OSS); neither engine encrypts in transit by
/// default.
pub(crate) fn is_valkey(g: &CacheGroup) -> bool {
    g.engine
        .known()
        .is_some_and(|e| e.eq_ignore_ascii_case("valkey"))
}
