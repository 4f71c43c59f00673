use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::data_support::customer_managed_key;
use crate::helpers::{fail, unknown};
use crate::{Area, Outcome};

crate::declare! {
    id: "WASP-S3-011",
    name: "s3-bucket-not-encrypted-with-cmk",
    title: "S3 bucket is not encrypted with a customer managed KMS key",
    severity: Severity::Low,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP01"],
    kinds: &[KindTag::Bucket],
    references: &[],
    remediation: "Set the bucket's default encryption to aws:kms with a customer managed key (KMSMasterKeyID) and enable the bucket key.",
    doc: r#"## What it checks
That the bucket's default encryption is SSE-KMS (`aws:kms` or `aws:kms:dsse`) with a customer
managed key. Buckets without default encryption settings are encrypted with SSE-S3 (`AES256`),
and `aws:kms` without a key uses the AWS managed key `aws/s3`: both fail.

## Why it matters
Every bucket is encrypted at rest, but only a customer managed key puts the key under your
control: its key policy decides who may decrypt (a second, independent layer of access control
beside the bucket policy), it can be disabled to cut off access at once, and its use is logged
in CloudTrail. Data of high sensitivity should be encrypted with such a key.

## Remediation
```yaml
BucketEncryption:
  ServerSideEncryptionConfiguration:
    - ServerSideEncryptionByDefault:
        SSEAlgorithm: aws:kms
        KMSMasterKeyID: !GetAtt DataKey.Arn
      BucketKeyEnabled: true
```
```hcl
resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
    bucket_key_enabled = true
  }
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(b) = super::bucket(res) else {
        return vec![];
    };
    let algorithm = res.property("sse_algorithm");
    vec![match &b.sse_algorithm {
        Value::Known(a, _) if a.starts_with("aws:kms") => customer_managed_key(
            &b.kms_key,
            res.property("kms_key"),
            "the AWS managed key aws/s3 is used",
        ),
        Value::Known(a, p) => fail(
            format!("{algorithm} is `{a}` (SSE-S3), not SSE-KMS with a customer managed key"),
            Some(*p),
        ),
        Value::Absent => fail(
            "no default encryption settings: the bucket is encrypted with SSE-S3, not a customer managed key",
            None,
        ),
        Value::Unknown(r, p) => unknown(format!("{algorithm}: {r}"), Some(*p)),
    }]
}
