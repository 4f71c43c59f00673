//! AWS CloudTrail: trails and their event selectors.

use serde::Serialize;
use wasp_core::Pos;

use crate::shared::Link;
use crate::value::Value;

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Trail {
    pub multi_region: Value<bool>,
    pub log_file_validation: Value<bool>,
    pub kms_key: Value<String>,
    pub cloudwatch_logs_group: Value<String>,
    pub is_logging: Value<bool>,
    /// The bucket the trail delivers its log files to.
    pub s3_bucket: Option<Link>,
    /// Events of global services (IAM, STS, CloudFront). Defaults to true.
    pub include_global_service_events: Value<bool>,
    /// SNS topic notified of each log file delivery.
    pub sns_topic: Value<String>,
    pub event_selectors: Vec<EventSelector>,
    pub advanced_event_selectors: Vec<AdvancedEventSelector>,
    /// Selectors come from a source that cannot be enumerated statically (the reason).
    #[serde(serialize_with = "crate::json::reason")]
    pub selectors_unknown: Option<(String, Pos)>,
}

/// A basic event selector of a CloudTrail trail (`EventSelectors`, `event_selector`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct EventSelector {
    /// `All` (the default), `ReadOnly` or `WriteOnly`.
    pub read_write_type: Value<String>,
    /// Defaults to true.
    pub include_management_events: Value<bool>,
    /// Event sources left out of the management events (`kms.amazonaws.com`, ...).
    pub exclude_management_event_sources: Vec<Value<String>>,
    pub data_resources: Vec<DataResource>,
    #[serde(skip)]
    pub pos: Pos,
}

/// The data events an event selector logs: a resource type and ARN prefixes.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DataResource {
    /// `AWS::S3::Object`, `AWS::Lambda::Function`, ...
    pub resource_type: Value<String>,
    pub values: Vec<Value<String>>,
    #[serde(skip)]
    pub pos: Pos,
}

/// An advanced event selector of a CloudTrail trail: all its field selectors must match.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct AdvancedEventSelector {
    pub name: Value<String>,
    pub field_selectors: Vec<FieldSelector>,
    #[serde(skip)]
    pub pos: Pos,
}

/// One condition of an advanced event selector.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct FieldSelector {
    /// `eventCategory`, `resources.type`, `readOnly`, `eventSource`, `eventName`, ...
    pub field: Value<String>,
    pub equals: Vec<Value<String>>,
    pub not_equals: Vec<Value<String>>,
    /// A prefix or suffix operator (`StartsWith`, `NotEndsWith`, ...) is set as well.
    pub other_operators: bool,
    #[serde(skip)]
    pub pos: Pos,
}

impl AdvancedEventSelector {
    /// The field selector on `field` (case-insensitive), if the selector has one.
    pub fn field(&self, field: &str) -> Option<&FieldSelector> {
        self.field_selectors.iter().find(|f| {
            f.field
                .known()
                .is_some_and(|k| k.eq_ignore_ascii_case(field))
        })
    }
}
