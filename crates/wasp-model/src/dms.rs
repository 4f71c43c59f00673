//! AWS Database Migration Service.

use serde::Serialize;

use crate::value::Value;

/// DMS replication instance.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ReplicationInstance {
    pub publicly_accessible: Value<bool>,
    pub kms_key: Value<String>,
}

/// DMS endpoint.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DmsEndpoint {
    /// `source` or `target`.
    pub endpoint_type: Value<String>,
    /// `mysql`, `postgres`, `s3`, ...
    pub engine: Value<String>,
    /// `none`, `require`, `verify-ca`, `verify-full`.
    pub ssl_mode: Value<String>,
}
