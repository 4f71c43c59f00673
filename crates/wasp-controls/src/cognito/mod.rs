//! Amazon Cognito user pools and identity pools.

pub mod identity_pool_unauthenticated_access;
pub mod user_pool_mfa_not_required;
pub mod user_pool_threat_protection_not_enforced;
pub mod user_pool_weak_password_policy;
