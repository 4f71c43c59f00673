//! Terraform adapters of Amazon ElastiCache.

use wasp_model::{value, CacheGroup, Kind, Node, Value, V};

use super::non_empty;
use crate::terraform::eval::why;

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_elasticache_replication_group" => Kind::CacheGroup(Box::new(CacheGroup {
            engine: value(b.get("engine")),
            engine_version: value(b.get("engine_version")),
            at_rest_encryption: value(b.get("at_rest_encryption_enabled")),
            transit_encryption: value(b.get("transit_encryption_enabled")),
            auth_token: configured(b.get("auth_token")),
            user_groups: non_empty(b.get("user_group_ids")),
            kms_key: value(b.get("kms_key_id")),
            snapshot_retention: value(b.get("snapshot_retention_limit")),
        })),
        _ => return None,
    };
    Some(kind)
}

/// A secret-like attribute that is set: known true even when its value is a reference to
/// another resource (a generated password); unknown when it may be null.
fn configured(n: Option<&Node>) -> Value<bool> {
    match n {
        None => Value::Absent,
        Some(n) if n.is_null() => Value::Absent,
        Some(n @ Node { v: V::Ref(_), .. }) => Value::Known(true, n.pos),
        Some(n) if n.is_unknown() => Value::Unknown(why(n).into(), n.pos),
        Some(n) => Value::Known(n.as_str().is_some_and(|s| !s.is_empty()), n.pos),
    }
}
