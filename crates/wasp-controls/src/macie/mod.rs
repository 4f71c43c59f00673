//! Amazon Macie.

pub mod not_enabled;
