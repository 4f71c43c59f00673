//! Amazon API Gateway custom domain names.

pub mod domain_outdated_tls_policy;
