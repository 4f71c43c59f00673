//! Secrets: AWS Secrets Manager secrets, and secrets kept in SSM Parameter Store.

pub mod plaintext_value;
pub mod policy_public_access;
pub mod rotation_disabled;
pub mod rotation_interval_too_long;
pub mod ssm_parameter_not_secure_string;
pub mod uses_aws_managed_key;

use wasp_model::{Kind, Resource, Secret};

pub(crate) fn secret(res: &Resource) -> Option<&Secret> {
    match &res.kind {
        Kind::Secret(s) => Some(s),
        _ => None,
    }
}
