use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-S3-004",
    name: "s3-bucket-versioning-disabled",
    title: "S3 bucket versioning is not enabled",
    severity: Severity::Low,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP04"],
    kinds: &[KindTag::Bucket],
    references: &[checkov("CKV_AWS_21")],
    remediation:
        "Enable versioning on the bucket so overwritten and deleted objects can be recovered.",
    doc: r#"## What it checks
That the bucket's versioning status is `Enabled`.

## Why it matters
Without versioning, an overwrite or delete, whether by mistake, by a compromised credential or by
ransomware, destroys the only copy. Versioning (with lifecycle rules for old versions) keeps data
recoverable and is a prerequisite for Object Lock and replication.

## Remediation
```yaml
VersioningConfiguration:
  Status: Enabled
```
```hcl
resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Enabled"
  }
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(b) = super::bucket(res) else {
        return vec![];
    };
    vec![must_be_true(&b.versioning, false, "versioning")]
}
