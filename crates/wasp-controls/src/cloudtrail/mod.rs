//! AWS CloudTrail.

pub mod bucket_access_logging_disabled;
pub mod cloudwatch_logs_not_integrated;
pub mod global_service_events_excluded;
pub mod log_validation_disabled;
pub mod logging_stopped;
pub mod management_events_not_logged;
pub mod not_encrypted_with_kms;
pub mod not_multi_region;
pub mod s3_object_events_not_logged;
pub mod sns_notification_missing;

use wasp_model::{Kind, Resource, Trail};

pub(crate) fn trail(res: &Resource) -> Option<&Trail> {
    match &res.kind {
        Kind::Trail(t) => Some(t),
        _ => None,
    }
}
