//! AWS WAF: web ACLs in front of internet-facing endpoints.

pub mod alb_without_waf;
pub mod web_acl_logging_disabled;
