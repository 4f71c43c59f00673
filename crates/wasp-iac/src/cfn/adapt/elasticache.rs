//! CloudFormation adapters of Amazon ElastiCache.

use wasp_model::{CacheGroup, Kind, Node};

use super::{at, non_empty, present, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, _cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::ElastiCache::ReplicationGroup" => Kind::CacheGroup(Box::new(CacheGroup {
            engine: at(p, &["Engine"]),
            engine_version: at(p, &["EngineVersion"]),
            at_rest_encryption: at(p, &["AtRestEncryptionEnabled"]),
            transit_encryption: at(p, &["TransitEncryptionEnabled"]),
            auth_token: present(p.get("AuthToken")),
            user_groups: non_empty(p.get("UserGroupIds")),
            kms_key: at(p, &["KmsKeyId"]),
            snapshot_retention: at(p, &["SnapshotRetentionLimit"]),
        })),
        _ => return None,
    };
    Some(kind)
}
