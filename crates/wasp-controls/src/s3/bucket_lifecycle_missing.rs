use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-S3-012",
    name: "s3-bucket-lifecycle-missing",
    title: "S3 bucket has no lifecycle configuration",
    severity: Severity::Low,
    area: Area::DataAtRest,
    best_practices: &["SEC07-BP04"],
    kinds: &[KindTag::Bucket],
    references: &[fsbp("S3.13"), checkov("CKV2_AWS_61")],
    remediation: "Add a lifecycle configuration that expires (or transitions) objects and old versions after the retention the data needs.",
    doc: r#"## What it checks
That the bucket has a lifecycle configuration with at least one rule
(`LifecycleConfiguration`, `lifecycle_rule`, or an `aws_s3_bucket_lifecycle_configuration`).

## Why it matters
Data kept longer than it is needed is data that can still leak. Lifecycle rules apply the
retention decided for the data's classification automatically: they expire objects, remove
noncurrent versions and incomplete uploads, and move old data to colder storage.

## Remediation
```yaml
LifecycleConfiguration:
  Rules:
    - Id: expire-after-a-year
      Status: Enabled
      ExpirationInDays: 365
      NoncurrentVersionExpiration:
        NoncurrentDays: 30
```
```hcl
resource "aws_s3_bucket_lifecycle_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    id     = "expire-after-a-year"
    status = "Enabled"
    filter {}
    expiration {
      days = 365
    }
  }
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(b) = super::bucket(res) else {
        return vec![];
    };
    vec![match &b.lifecycle {
        Value::Known(true, _) => Outcome::Pass,
        Value::Known(false, p) => fail("the lifecycle configuration has no rule", Some(*p)),
        Value::Absent => fail("the bucket has no lifecycle configuration", None),
        Value::Unknown(r, p) => unknown(format!("lifecycle configuration: {r}"), Some(*p)),
    }]
}
