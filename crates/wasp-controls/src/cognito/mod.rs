//! Amazon Cognito user pools and identity pools.

pub mod identity_pool_unauthenticated;
pub mod user_pool_mfa_disabled;
pub mod user_pool_threat_protection_disabled;
pub mod user_pool_weak_password_policy;
