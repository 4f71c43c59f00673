//! Amazon GuardDuty.

use serde::Serialize;
use wasp_core::Pos;

use crate::value::Value;

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
