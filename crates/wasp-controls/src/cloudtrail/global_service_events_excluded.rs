use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{Area, Outcome};

crate::declare! {
    id: "WASP-CT-008",
    name: "cloudtrail-global-service-events-excluded",
    title: "CloudTrail trail excludes events of global services such as IAM",
    severity: Severity::Medium,
    area: Area::Detection,
    best_practices: &["SEC04-BP01"],
    kinds: &[KindTag::Trail],
    references: &[],
    remediation: "Remove IncludeGlobalServiceEvents: false (it defaults to true).",
    doc: r#"## What it checks
That the trail does not set `IncludeGlobalServiceEvents` (`include_global_service_events`) to
`false`. Both default to `true`.

## Why it matters
IAM, STS and CloudFront are global services: their events are delivered to trails that include
global service events. A trail that excludes them misses user and role creation, policy
attachments and access key changes, the first steps of most account takeovers.

## Remediation
```yaml
Trail:
  Type: AWS::CloudTrail::Trail
  Properties:
    IsLogging: true
    S3BucketName: !Ref TrailBucket
    IncludeGlobalServiceEvents: true
```
```hcl
resource "aws_cloudtrail" "main" {
  name                          = "main"
  s3_bucket_name                = aws_s3_bucket.trail.id
  include_global_service_events = true
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(t) = super::trail(res) else {
        return vec![];
    };
    vec![must_be_true(
        &t.include_global_service_events,
        true,
        res.property("include_global_service_events"),
    )]
}
