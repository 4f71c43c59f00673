use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-CT-005",
    name: "cloudtrail-logging-stopped",
    title: "CloudTrail trail is created with logging turned off",
    severity: Severity::High,
    area: Area::Detection,
    best_practices: &["SEC04-BP01"],
    kinds: &[KindTag::Trail],
    references: &[checkov("CKV_AWS_251")],
    remediation: "Set IsLogging (enable_logging) to true.",
    doc: r#"## What it checks
That the trail records events: `IsLogging: true` in CloudFormation (a required property), and
`enable_logging` not set to `false` in Terraform (it defaults to `true`).

## Why it matters
A stopped trail exists, looks configured, and records nothing. Every API call made while it is
stopped is missing from the audit record, which is exactly what someone covering their tracks
would want.

## Remediation
```yaml
Trail:
  Type: AWS::CloudTrail::Trail
  Properties:
    IsLogging: true
    S3BucketName: !Ref TrailBucket
```
```hcl
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
  enable_logging = true
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(t) = super::trail(res) else {
        return vec![];
    };
    vec![must_be_true(
        &t.is_logging,
        true,
        res.property("is_logging"),
    )]
}
