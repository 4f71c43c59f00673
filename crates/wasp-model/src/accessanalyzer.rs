//! IAM Access Analyzer.

use serde::Serialize;

use crate::value::Value;

/// An IAM Access Analyzer analyzer.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct AccessAnalyzer {
    /// `ACCOUNT` (the default) or `ORGANIZATION` for external access;
    /// `ACCOUNT_UNUSED_ACCESS` or `ORGANIZATION_UNUSED_ACCESS` for unused access.
    pub analyzer_type: Value<String>,
}
