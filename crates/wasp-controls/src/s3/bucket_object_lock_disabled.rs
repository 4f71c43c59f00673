use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-S3-007",
    name: "s3-bucket-object-lock-disabled",
    title: "S3 bucket does not enable Object Lock",
    severity: Severity::Low,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP04"],
    kinds: &[KindTag::Bucket],
    references: &[fsbp("S3.15"), checkov("CKV_AWS_143")],
    remediation: "Create the bucket with ObjectLockEnabled true (with versioning) and a default retention for data that must not be altered or deleted.",
    doc: r#"## What it checks
That the bucket is created with S3 Object Lock enabled (`ObjectLockEnabled`,
`object_lock_enabled`, or an object lock configuration).

## Why it matters
Object Lock stores objects write-once-read-many: while a retention period or legal hold applies,
no one, not even the root user in compliance mode, can overwrite or delete an object version.
It protects backups, logs and records against ransomware, mistakes and insiders. It can only be
turned on for a bucket with versioning, and is best decided when the bucket is created.

## Remediation
```yaml
Records:
  Type: AWS::S3::Bucket
  Properties:
    ObjectLockEnabled: true
    VersioningConfiguration:
      Status: Enabled
    ObjectLockConfiguration:
      ObjectLockEnabled: Enabled
      Rule:
        DefaultRetention:
          Mode: GOVERNANCE
          Days: 30
```
```hcl
resource "aws_s3_bucket" "records" {
  bucket              = "records"
  object_lock_enabled = true
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(b) = super::bucket(res) else {
        return vec![];
    };
    vec![must_be_true(
        &b.object_lock,
        false,
        res.property("object_lock"),
    )]
}
