//! Amazon SNS.

use serde::Serialize;

use crate::shared::PolicyDoc;
use crate::value::Value;

/// SNS topic.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Topic {
    pub name: Value<String>,
    pub kms_key: Value<String>,
    pub policy: Option<PolicyDoc>,
}
