//! Amazon DynamoDB.

use serde::Serialize;

use crate::value::Value;

/// DynamoDB table.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Table {
    pub sse_enabled: Value<bool>,
    pub kms_key: Value<String>,
    pub point_in_time_recovery: Value<bool>,
    pub deletion_protection: Value<bool>,
}
