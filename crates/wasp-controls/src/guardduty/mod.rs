//! Amazon GuardDuty detectors and their protection plans.

pub mod detector_disabled;
pub mod eks_audit_log_monitoring_disabled;
pub mod finding_frequency_six_hours;
pub mod lambda_protection_disabled;
pub mod malware_protection_disabled;
pub mod rds_protection_disabled;
pub mod runtime_monitoring_disabled;
pub mod s3_protection_disabled;

use wasp_model::{Detector, Kind, Resource};

use crate::detection_support::feature_enabled;
use crate::Outcome;

pub(crate) fn detector(res: &Resource) -> Option<&Detector> {
    match &res.kind {
        Kind::Detector(d) => Some(d),
        _ => None,
    }
}

/// The check of a protection plan of the detector: the feature named `features` (one plan may
/// go by several names) must not be turned off, [`feature_enabled`] with `on_by_default` for a
/// feature the detector does not list. Other resources give no result.
pub(crate) fn protection_plan(
    res: &Resource,
    features: &[&str],
    on_by_default: bool,
    label: &str,
) -> Vec<Outcome> {
    detector(res)
        .map(|d| vec![feature_enabled(d, features, on_by_default, label)])
        .unwrap_or_default()
}
