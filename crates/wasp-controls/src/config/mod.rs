//! AWS Config: configuration recorder, delivery channel, aggregators.

pub mod aggregator_not_all_regions;
pub mod recorder_excludes_global_resources;
pub mod recorder_not_all_resources;
pub mod recorder_not_recording;

use wasp_model::{ConfigRecorder, Kind, Resource};

pub(crate) fn recorder(res: &Resource) -> Option<&ConfigRecorder> {
    match &res.kind {
        Kind::ConfigRecorder(r) => Some(r),
        _ => None,
    }
}

/// The recording strategy, when set: `ALL_SUPPORTED_RESOURCE_TYPES`, ...
pub(crate) fn records_all(r: &ConfigRecorder) -> wasp_model::Value<bool> {
    use wasp_model::Value;
    match &r.recording_strategy {
        Value::Known(s, p) => {
            Value::Known(s.eq_ignore_ascii_case("ALL_SUPPORTED_RESOURCE_TYPES"), *p)
        }
        Value::Unknown(reason, p) => Value::Unknown(reason.clone(), *p),
        Value::Absent => r.all_supported.clone(),
    }
}
