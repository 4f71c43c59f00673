//! AWS KMS keys.

pub mod deletion_window_short;
pub mod key_policy_public;
pub mod key_rotation_disabled;
