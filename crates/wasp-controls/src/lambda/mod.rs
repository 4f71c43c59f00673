//! AWS Lambda functions.

pub mod deprecated_runtime;
pub mod plaintext_secret_in_environment;
// Network and compute area.
pub mod code_signing_disabled;
pub mod function_url_auth_none;
pub mod not_in_vpc;
pub mod permission_public;
pub mod permission_service_without_source;
