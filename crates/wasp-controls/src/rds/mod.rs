//! Amazon RDS and Aurora.

pub mod publicly_accessible;
pub mod storage_unencrypted;
