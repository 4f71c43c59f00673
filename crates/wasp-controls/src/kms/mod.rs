//! AWS KMS keys.

pub mod key_deletion_window_short;
pub mod key_policy_public;
pub mod key_rotation_disabled;
