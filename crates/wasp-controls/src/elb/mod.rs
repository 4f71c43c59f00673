//! Elastic Load Balancing (v2) listeners.

pub mod classic_listener_not_encrypted;
pub mod classic_outdated_ssl_policy;
pub mod http_listener_without_redirect;
pub mod outdated_tls_policy;
