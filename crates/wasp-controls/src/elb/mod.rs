//! Elastic Load Balancing (v2) listeners.

pub mod access_logs_disabled;
pub mod classic_listener_not_encrypted;
pub mod classic_outdated_ssl_policy;
pub mod desync_mitigation_monitor_mode;
pub mod drop_invalid_header_fields_disabled;
pub mod http_listener_without_https_redirect;
pub mod listener_outdated_tls_policy;
