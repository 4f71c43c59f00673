//! Amazon GuardDuty detectors and their protection plans.

pub mod detector_disabled;
pub mod eks_audit_logs_disabled;
pub mod finding_frequency_six_hours;
pub mod lambda_protection_disabled;
pub mod malware_protection_disabled;
pub mod rds_protection_disabled;
pub mod runtime_monitoring_disabled;
pub mod s3_protection_disabled;

use wasp_model::{Detector, Kind, Resource};

pub(crate) fn detector(res: &Resource) -> Option<&Detector> {
    match &res.kind {
        Kind::Detector(d) => Some(d),
        _ => None,
    }
}
