//! AWS Lambda functions.

pub mod deprecated_runtime;
pub mod plaintext_secret_in_environment;
