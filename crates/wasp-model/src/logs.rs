//! Amazon CloudWatch Logs.

use serde::Serialize;

use crate::value::Value;

/// CloudWatch Logs log group.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct LogGroup {
    pub name: Value<String>,
    /// Days events are kept; absent or 0: never expire.
    pub retention_days: Value<i64>,
    pub kms_key: Value<String>,
}
