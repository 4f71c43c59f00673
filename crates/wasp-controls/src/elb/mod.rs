//! Elastic Load Balancing (v2) listeners.

pub mod http_listener_without_redirect;
pub mod outdated_tls_policy;
