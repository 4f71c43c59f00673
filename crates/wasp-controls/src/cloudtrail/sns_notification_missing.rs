use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::detection_support::must_be_set;
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-CT-009",
    name: "cloudtrail-sns-notification-missing",
    title: "CloudTrail trail does not notify an SNS topic of log file deliveries",
    severity: Severity::Low,
    area: Area::Detection,
    best_practices: &["SEC04-BP02"],
    kinds: &[KindTag::Trail],
    references: &[checkov("CKV_AWS_252")],
    remediation:
        "Set SnsTopicName (sns_topic_name) to a topic that consumers of the logs subscribe to.",
    doc: r#"## What it checks
That the trail names an SNS topic (`SnsTopicName`, `sns_topic_name`) to notify each time it
delivers a log file.

## Why it matters
The notification is how a log pipeline learns that new files are there: a SIEM, a queue feeding
an analysis job, or a check that deliveries keep arriving. Without it, ingestion into the place
where logs are analysed relies on polling, and a trail that silently stops delivering goes
unnoticed.

## Remediation
```yaml
Trail:
  Type: AWS::CloudTrail::Trail
  Properties:
    IsLogging: true
    S3BucketName: !Ref TrailBucket
    SnsTopicName: !GetAtt TrailTopic.TopicName
```
```hcl
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
  sns_topic_name = aws_sns_topic.trail.name
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(t) = super::trail(res) else {
        return vec![];
    };
    vec![must_be_set(
        &t.sns_topic,
        res.property("sns_topic"),
        "no SNS topic is notified of log file deliveries",
    )]
}
