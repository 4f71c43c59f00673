//! Amazon ElastiCache.

use serde::Serialize;

use crate::value::Value;

/// ElastiCache replication group (Redis OSS / Valkey).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct CacheGroup {
    /// `redis`, `valkey` (absent: redis).
    pub engine: Value<String>,
    pub engine_version: Value<String>,
    pub at_rest_encryption: Value<bool>,
    pub transit_encryption: Value<bool>,
    /// An AUTH token is set.
    pub auth_token: Value<bool>,
    /// User groups (RBAC) are associated.
    pub user_groups: Value<bool>,
    pub kms_key: Value<String>,
    /// Days automatic snapshots are kept; 0 turns them off.
    pub snapshot_retention: Value<i64>,
}
