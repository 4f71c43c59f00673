//! AWS KMS.

use serde::Serialize;

use crate::shared::PolicyDoc;
use crate::value::Value;

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct KmsKey {
    pub rotation: Value<bool>,
    /// `SYMMETRIC_DEFAULT`, `RSA_2048`, `HMAC_256`, ...
    pub key_spec: Value<String>,
    pub policy: Option<PolicyDoc>,
    /// Waiting period, in days, before a key scheduled for deletion is deleted (7-30, default 30).
    pub deletion_window: Value<i64>,
}
