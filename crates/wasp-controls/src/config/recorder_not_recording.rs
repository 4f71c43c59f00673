use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, cis, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-CONFIG-003",
    name: "config-recorder-not-recording",
    title: "AWS Config recorder is never started",
    severity: Severity::Medium,
    area: Area::Detection,
    best_practices: &["SEC04-BP01"],
    kinds: &[KindTag::ConfigRecorder],
    references: &[cis("3.3"), fsbp("Config.1"), checkov("CKV2_AWS_45")],
    remediation:
        "Define a delivery channel, and in Terraform a recorder status with is_enabled = true.",
    doc: r#"## What it checks
That the configuration recorder can and does start recording:
- the template or configuration defines a delivery channel (`AWS::Config::DeliveryChannel`,
  `aws_config_delivery_channel`): a recorder cannot start without one;
- in Terraform, an `aws_config_configuration_recorder_status` with `is_enabled = true` starts the
  recorder. A recorder created by `aws_config_configuration_recorder` alone stays stopped.
  CloudFormation starts the recorder once the delivery channel exists.

The check looks at one template or configuration: a delivery channel defined in another stack
is not seen, and the finding can be suppressed there.

## Why it matters
A stopped recorder costs nothing and records nothing. The account looks covered by AWS Config
while no configuration history exists and no Config rule or Security Hub control evaluates
anything.

## Remediation
```yaml
DeliveryChannel:
  Type: AWS::Config::DeliveryChannel
  Properties:
    S3BucketName: !Ref ConfigBucket
```
```hcl
resource "aws_config_delivery_channel" "main" {
  s3_bucket_name = aws_s3_bucket.config.bucket
  depends_on     = [aws_config_configuration_recorder.main]
}

resource "aws_config_configuration_recorder_status" "main" {
  name       = aws_config_configuration_recorder.main.name
  is_enabled = true
  depends_on = [aws_config_delivery_channel.main]
}
```
"#,
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    let Some(r) = super::recorder(res) else {
        return vec![];
    };
    let has_channel = model
        .resources
        .iter()
        .any(|x| matches!(x.kind, Kind::ConfigDeliveryChannel(_)));
    if !has_channel {
        return vec![fail(
            "no delivery channel is defined, so the recorder cannot start",
            None,
        )];
    }
    vec![match &r.recording {
        Value::Known(true, _) | Value::Absent => Outcome::Pass,
        Value::Known(false, p) if p.is_known() => fail("the recorder status disables it", Some(*p)),
        Value::Known(false, _) => fail(
            "no aws_config_configuration_recorder_status starts the recorder",
            None,
        ),
        Value::Unknown(reason, p) => unknown(format!("recorder status: {reason}"), Some(*p)),
    }]
}
