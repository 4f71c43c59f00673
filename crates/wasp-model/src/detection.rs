//! Detection: logging and monitoring services (SEC04).

use serde::Serialize;
use wasp_core::Pos;

use crate::identity::Link;
use crate::value::Value;

// ---- CloudTrail ---------------------------------------------------------------------------------

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

// ---- AWS Config ---------------------------------------------------------------------------------

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

// ---- GuardDuty ----------------------------------------------------------------------------------

/// A GuardDuty protection plan, by its feature name.
pub mod guardduty_feature {
    pub const S3_DATA_EVENTS: &str = "S3_DATA_EVENTS";
    pub const EKS_AUDIT_LOGS: &str = "EKS_AUDIT_LOGS";
    pub const EBS_MALWARE_PROTECTION: &str = "EBS_MALWARE_PROTECTION";
    pub const RDS_LOGIN_EVENTS: &str = "RDS_LOGIN_EVENTS";
    pub const LAMBDA_NETWORK_LOGS: &str = "LAMBDA_NETWORK_LOGS";
    pub const RUNTIME_MONITORING: &str = "RUNTIME_MONITORING";
    pub const EKS_RUNTIME_MONITORING: &str = "EKS_RUNTIME_MONITORING";
}

/// GuardDuty detector, with its protection plans (features, the legacy data sources, and
/// Terraform's `aws_guardduty_detector_feature` joined in).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Detector {
    /// Defaults to true in Terraform; required in CloudFormation.
    pub enabled: Value<bool>,
    /// `FIFTEEN_MINUTES`, `ONE_HOUR` or `SIX_HOURS` (the default).
    pub finding_frequency: Value<String>,
    /// In the order they were read: later entries override earlier ones.
    pub features: Vec<DetectorFeature>,
    /// Features come from a source that cannot be enumerated statically (the reason).
    #[serde(serialize_with = "crate::json::reason")]
    pub features_unknown: Option<(String, Pos)>,
}

/// A protection plan of a detector, set on or off.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DetectorFeature {
    /// The feature name, upper-case: see [`guardduty_feature`].
    pub name: String,
    pub enabled: Value<bool>,
    #[serde(skip)]
    pub pos: Pos,
}

impl Detector {
    /// The setting of a feature (the last one written), if the source sets it.
    pub fn feature(&self, name: &str) -> Option<&DetectorFeature> {
        self.features.iter().rev().find(|f| f.name == name)
    }
}

// ---- Security Hub -------------------------------------------------------------------------------

/// Security Hub enabled in the account (`AWS::SecurityHub::Hub`, `aws_securityhub_account`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct SecurityHub {
    /// Subscribes the default standards (FSBP and CIS). Defaults to true.
    pub enable_default_standards: Value<bool>,
    /// Enables new controls of subscribed standards automatically. Defaults to true.
    pub auto_enable_controls: Value<bool>,
    /// `SECURITY_CONTROL` (consolidated findings) or `STANDARD_CONTROL`.
    pub control_finding_generator: Value<String>,
}

/// A Security Hub standard subscription.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct HubStandard {
    pub arn: Value<String>,
}

// ---- VPC ----------------------------------------------------------------------------------------

/// A VPC, with the flow logs that capture its traffic joined in.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Vpc {
    pub cidr: Value<String>,
    /// Defaults to true.
    pub enable_dns_support: Value<bool>,
    /// Defaults to false (true for the default VPC).
    pub enable_dns_hostnames: Value<bool>,
    /// The account's default VPC (`aws_default_vpc`).
    pub default: bool,
    /// Flow logs attached to the VPC itself.
    pub flow_logs: Vec<FlowLog>,
}

/// A VPC flow log (`AWS::EC2::FlowLog`, `aws_flow_log`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct FlowLog {
    /// `ALL`, `ACCEPT` or `REJECT`. Not set for transit gateway flow logs, which log all.
    pub traffic_type: Value<String>,
    /// `cloud-watch-logs` (the default), `s3` or `kinesis-data-firehose`.
    pub destination_type: Value<String>,
    /// What the flow log is attached to.
    pub resource: Option<Link>,
    #[serde(skip)]
    pub pos: Pos,
}

// ---- Load balancers -----------------------------------------------------------------------------

/// Elastic Load Balancing v2 load balancer (`AWS::ElasticLoadBalancingV2::LoadBalancer`,
/// `aws_lb`, `aws_alb`), with its attributes.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct LoadBalancer {
    pub name: Value<String>,
    /// `application` (the default), `network` or `gateway`.
    pub lb_type: Value<String>,
    /// `internet-facing` (the default) or `internal`.
    pub scheme: Value<String>,
    /// Access logs to S3. Defaults to false.
    pub access_logs: Value<bool>,
    /// Defaults to false.
    pub deletion_protection: Value<bool>,
    /// Application load balancers: drop HTTP headers with invalid names. Defaults to false.
    pub drop_invalid_header_fields: Value<bool>,
    /// Application load balancers: `monitor`, `defensive` (the default) or `strictest`.
    pub desync_mitigation_mode: Value<String>,
    /// Attributes come from a source that cannot be enumerated statically (the reason).
    #[serde(serialize_with = "crate::json::reason")]
    pub attributes_unknown: Option<(String, Pos)>,
}

impl LoadBalancer {
    /// An application load balancer (the default type), or unknown.
    pub fn is_application(&self) -> Value<bool> {
        self.lb_type
            .clone()
            .map(|t| t.eq_ignore_ascii_case("application"))
            .or_default_known(true)
    }
}

// ---- API Gateway --------------------------------------------------------------------------------

/// A method setting of a REST API stage, or the default route settings of a v2 stage.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct MethodSetting {
    /// Applies to every resource and method (`/*` and `*`, `*/*`).
    pub all_methods: bool,
    /// Execution logging: `OFF` (the default), `ERROR` or `INFO`.
    pub logging_level: Value<String>,
    /// Response caching for the methods. Defaults to false.
    pub caching_enabled: Value<bool>,
    /// Defaults to false.
    pub cache_data_encrypted: Value<bool>,
    #[serde(skip)]
    pub pos: Pos,
}

// ---- CloudWatch Logs ----------------------------------------------------------------------------

/// CloudWatch Logs log group.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct LogGroup {
    pub name: Value<String>,
    /// Days events are kept; absent or 0: never expire.
    pub retention_days: Value<i64>,
    pub kms_key: Value<String>,
}

// ---- WAF ----------------------------------------------------------------------------------------

/// AWS WAF (v2) web ACL, with its logging configuration joined in.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct WebAcl {
    pub name: Value<String>,
    /// `REGIONAL` or `CLOUDFRONT`.
    pub scope: Value<String>,
    /// A logging configuration sends its traffic logs somewhere.
    pub logging: Value<bool>,
}
