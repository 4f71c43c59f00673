//! Amazon Macie.

use serde::Serialize;

use crate::value::Value;

/// Amazon Macie for the account and Region (`AWS::Macie::Session`, `aws_macie2_account`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct MacieSession {
    /// `ENABLED` (the default) or `PAUSED`.
    pub status: Value<String>,
}
