//! AWS KMS keys.

pub mod key_rotation_disabled;
