//! AWS Certificate Manager.

use serde::Serialize;

use crate::value::Value;

/// ACM certificate.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Certificate {
    /// `RSA_2048`, `EC_prime256v1`, ...
    pub key_algorithm: Value<String>,
    /// `ENABLED` or `DISABLED`.
    pub transparency_logging: Value<String>,
    /// `DNS` or `EMAIL`.
    pub validation_method: Value<String>,
    /// Issued by a private CA (no validation, no transparency logs).
    pub private_ca: Value<String>,
    /// Imported (Terraform `private_key`): not issued by ACM.
    pub imported: bool,
}
