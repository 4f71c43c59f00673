//! Amazon Data Firehose.

use serde::Serialize;

use crate::value::Value;

/// Kinesis Data Firehose delivery stream.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DeliveryStream {
    /// `DirectPut`, `KinesisStreamAsSource`, `MSKAsSource`, ...
    pub source: Value<String>,
    pub sse_enabled: Value<bool>,
    /// `AWS_OWNED_CMK` or `CUSTOMER_MANAGED_CMK`.
    pub key_type: Value<String>,
}
