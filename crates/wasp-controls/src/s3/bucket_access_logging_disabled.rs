use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-S3-005",
    name: "s3-bucket-access-logging-disabled",
    title: "S3 bucket server access logging is not enabled",
    severity: Severity::Low,
    area: Area::Detection,
    best_practices: &["SEC04-BP01"],
    kinds: &[KindTag::Bucket],
    references: &[fsbp("S3.9"), checkov("CKV_AWS_18")],
    remediation: "Enable server access logging to a dedicated log bucket.",
    doc: r#"## What it checks
That the bucket has server access logging configured.

## Why it matters
Access logs record every request made to the bucket: who read or changed which object, from
where. Without them an investigation of a data exposure cannot tell what was taken.

## Remediation
```yaml
LoggingConfiguration:
  DestinationBucketName: !Ref AccessLogBucket
  LogFilePrefix: data/
```
```hcl
resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "data/"
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(b) = super::bucket(res) else {
        return vec![];
    };
    vec![must_be_true(&b.logging, false, "server access logging")]
}
