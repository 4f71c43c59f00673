//! AWS Config: recorders, delivery channels, aggregators.

use serde::Serialize;
use wasp_core::Pos;

use crate::value::Value;

/// AWS Config configuration recorder.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ConfigRecorder {
    /// Defaults to `default`.
    pub name: Value<String>,
    /// Records every supported resource type. Defaults to true.
    pub all_supported: Value<bool>,
    /// Also records the global IAM resource types. Defaults to false.
    pub include_global_types: Value<bool>,
    /// `ALL_SUPPORTED_RESOURCE_TYPES`, `EXCLUSION_BY_RESOURCE_TYPES` or
    /// `INCLUSION_BY_RESOURCE_TYPES`.
    pub recording_strategy: Value<String>,
    /// Where the recording group is written, if it is.
    #[serde(skip)]
    pub recording_group_pos: Option<Pos>,
    /// The recorder is started: `aws_config_configuration_recorder_status` in Terraform (a
    /// recorder without one is stopped). Absent for CloudFormation, which starts the recorder
    /// as soon as a delivery channel exists.
    pub recording: Value<bool>,
}

/// AWS Config delivery channel: where configuration snapshots and history go.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ConfigDeliveryChannel {
    pub s3_bucket: Value<String>,
    pub sns_topic: Value<String>,
}

/// AWS Config configuration aggregator.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ConfigAggregator {
    pub sources: Vec<AggregationSource>,
}

/// An account or organization source of a configuration aggregator.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct AggregationSource {
    /// Aggregates from every current and future Region. Defaults to false.
    pub all_regions: Value<bool>,
    pub regions: Vec<Value<String>>,
    /// An organization source (else a list of accounts).
    pub organization: bool,
    #[serde(skip)]
    pub pos: Pos,
}
