//! Amazon Cognito: user pools and identity pools.

use serde::Serialize;
use wasp_core::Pos;

use crate::value::Value;

/// The password policy of a Cognito user pool. When a user pool sets none, Cognito applies
/// its default (8 characters, every character class, temporary passwords valid 7 days); when
/// it sets one, a requirement left out is off.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct UserPoolPasswordPolicy {
    pub minimum_length: Value<i64>,
    pub require_lowercase: Value<bool>,
    pub require_uppercase: Value<bool>,
    pub require_numbers: Value<bool>,
    pub require_symbols: Value<bool>,
    pub temporary_password_validity_days: Value<i64>,
    #[serde(skip)]
    pub pos: Pos,
}

/// A Cognito user pool.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct UserPool {
    /// `OFF` (the default), `ON` or `OPTIONAL`.
    pub mfa: Value<String>,
    /// Threat protection (advanced security) for standard authentication: `OFF` (the default),
    /// `AUDIT` or `ENFORCED`.
    pub advanced_security: Value<String>,
    pub password_policy: Option<UserPoolPasswordPolicy>,
}

/// A Cognito identity pool.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct IdentityPool {
    /// Guest access; false by default in Terraform, required in CloudFormation.
    pub allow_unauthenticated: Value<bool>,
}
