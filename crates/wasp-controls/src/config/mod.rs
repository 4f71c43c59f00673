//! AWS Config: configuration recorder, delivery channel, aggregators.

pub mod aggregator_not_all_regions;
pub mod recorder_excludes_global_resources;
pub mod recorder_not_recording;
pub mod recorder_not_recording_all_resources;

use wasp_model::{ConfigRecorder, Kind, Resource};

/// The `## Remediation` section of the recording-group controls: a recorder that records every
/// supported type, the global IAM types included.
macro_rules! record_everything {
    () => {
        r#"## Remediation
```yaml
Recorder:
  Type: AWS::Config::ConfigurationRecorder
  Properties:
    RoleARN: !GetAtt ConfigRole.Arn
    RecordingGroup:
      AllSupported: true
      IncludeGlobalResourceTypes: true
```
```hcl
resource "aws_config_configuration_recorder" "main" {
  role_arn = aws_iam_role.config.arn

  recording_group {
    all_supported                 = true
    include_global_resource_types = true
  }
}
```
"#
    };
}
pub(crate) use record_everything;

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
