//! Amazon CloudWatch Logs log groups.

pub mod log_group_not_encrypted_with_kms;
pub mod retention_under_one_year;
