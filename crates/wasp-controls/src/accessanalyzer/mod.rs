//! IAM Access Analyzer.

pub mod unused_access_missing;
