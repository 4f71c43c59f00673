//! Amazon SQS.

use serde::Serialize;

use crate::shared::PolicyDoc;
use crate::value::Value;

/// SQS queue.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Queue {
    pub name: Value<String>,
    pub kms_key: Value<String>,
    /// SSE-SQS (SQS managed keys); on by default for new queues.
    pub sqs_managed_sse: Value<bool>,
    pub policy: Option<PolicyDoc>,
}
