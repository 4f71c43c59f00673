//! Amazon API Gateway custom domain names.

pub mod access_logging_disabled;
pub mod cache_unencrypted;
pub mod domain_outdated_tls_policy;
pub mod execution_logging_disabled;
pub mod xray_tracing_disabled;
