use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-S3-001",
    name: "s3-bucket-default-encryption-missing",
    title: "S3 bucket does not declare default encryption",
    severity: Severity::Low,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP02"],
    kinds: &[KindTag::Bucket],
    references: &[fsbp("S3.4"), checkov("CKV_AWS_19")],
    remediation: "Declare default encryption (SSE-KMS with a customer managed key, or at least SSE-S3) on the bucket.",
    doc: r#"## What it checks
That the bucket declares a default server-side encryption rule (`SSEAlgorithm` `AES256`,
`aws:kms` or `aws:kms:dsse`).

## Why it matters
Since January 2023 S3 encrypts new objects with SSE-S3 when nothing is declared, so the data is
not stored in the clear; but an undeclared setting is invisible in review, cannot be audited from
the template, and leaves key choice (and key policy control over who can decrypt) to the default.
Declaring it, ideally with a KMS key you manage, makes encryption at rest an explicit, reviewed
property of the workload.

## Remediation
```yaml
BucketEncryption:
  ServerSideEncryptionConfiguration:
    - ServerSideEncryptionByDefault:
        SSEAlgorithm: aws:kms
        KMSMasterKeyID: !Ref DataKey
```
```hcl
resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
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
    vec![match &b.sse_algorithm {
        Value::Known(_, _) => Outcome::Pass,
        Value::Absent => fail("no default encryption is declared", None),
        Value::Unknown(r, p) => unknown(format!("encryption algorithm: {r}"), Some(*p)),
    }]
}
