//! Secrets: AWS Secrets Manager secrets, and secrets kept in SSM Parameter Store.

pub mod not_encrypted_with_customer_managed_key;
pub mod plaintext_value_in_source;
pub mod policy_public_access;
pub mod rotation_disabled;
pub mod rotation_interval_too_long;
pub mod ssm_parameter_secret_not_secure_string;

use wasp_model::{Kind, Resource, Secret};

pub(crate) fn secret(res: &Resource) -> Option<&Secret> {
    match &res.kind {
        Kind::Secret(s) => Some(s),
        _ => None,
    }
}
