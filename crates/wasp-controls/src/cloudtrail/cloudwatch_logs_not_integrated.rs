use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::detection_support::must_be_set;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-CT-004",
    name: "cloudtrail-cloudwatch-logs-not-integrated",
    title: "CloudTrail trail does not send its events to CloudWatch Logs",
    severity: Severity::Low,
    area: Area::Detection,
    best_practices: &["SEC04-BP02"],
    kinds: &[KindTag::Trail],
    references: &[fsbp("CloudTrail.5"), checkov("CKV2_AWS_10")],
    remediation: "Set CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn on the trail.",
    doc: r#"## What it checks
That the trail delivers its events to a CloudWatch Logs log group (`CloudWatchLogsLogGroupArn`,
`cloud_watch_logs_group_arn`) as well as to S3.

## Why it matters
Log files in S3 arrive in batches and must be queried after the fact. In CloudWatch Logs the same
events can be searched at once, and metric filters and alarms can flag root sign-ins, policy
changes or disabled trails within minutes, in the place where the other logs of the workload
already are.

## Remediation
```yaml
Trail:
  Type: AWS::CloudTrail::Trail
  Properties:
    IsLogging: true
    S3BucketName: !Ref TrailBucket
    CloudWatchLogsLogGroupArn: !GetAtt TrailLogGroup.Arn
    CloudWatchLogsRoleArn: !GetAtt TrailToLogsRole.Arn
```
```hcl
resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = aws_s3_bucket.trail.id
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = aws_iam_role.trail_to_logs.arn
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(t) = super::trail(res) else {
        return vec![];
    };
    vec![must_be_set(
        &t.cloudwatch_logs_group,
        res.property("cloudwatch_logs_group"),
        "no CloudWatch Logs log group receives the trail's events",
    )]
}
