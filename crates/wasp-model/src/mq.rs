//! Amazon MQ.

use serde::Serialize;

use crate::value::Value;

/// Amazon MQ broker.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Broker {
    pub publicly_accessible: Value<bool>,
    /// Encrypted with an AWS owned key (default true).
    pub use_aws_owned_key: Value<bool>,
    pub kms_key: Value<String>,
}
