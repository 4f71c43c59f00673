use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-S3-002",
    name: "s3-bucket-public-access-block-disabled",
    title: "S3 bucket does not block public access",
    severity: Severity::High,
    area: Area::DataAtRest,
    best_practices: &["SEC03-BP07", "SEC08-BP04"],
    kinds: &[KindTag::Bucket],
    references: &[
        fsbp("S3.8"),
        checkov("CKV_AWS_53"),
        checkov("CKV_AWS_54"),
        checkov("CKV_AWS_55"),
        checkov("CKV_AWS_56"),
    ],
    remediation: "Add a public access block with all four settings true (BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets).",
    doc: r#"## What it checks
That the bucket has a public access block and that all four of its settings are true.

## Why it matters
The public access block is the guard rail that keeps a mistaken ACL or bucket policy from making
data public. Without it, one wrong grant exposes every object in the bucket.

## Remediation
```yaml
PublicAccessBlockConfiguration:
  BlockPublicAcls: true
  IgnorePublicAcls: true
  BlockPublicPolicy: true
  RestrictPublicBuckets: true
```
```hcl
resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(b) = super::bucket(res) else {
        return vec![];
    };
    let Some(pab) = &b.public_access_block else {
        return vec![fail("the bucket has no public access block", None)];
    };
    let settings = [
        ("BlockPublicAcls", &pab.block_public_acls),
        ("IgnorePublicAcls", &pab.ignore_public_acls),
        ("BlockPublicPolicy", &pab.block_public_policy),
        ("RestrictPublicBuckets", &pab.restrict_public_buckets),
    ];
    let mut off = Vec::new();
    let mut first_pos = None;
    for (name, v) in settings {
        match v {
            Value::Known(true, _) => {}
            Value::Known(false, p) => {
                off.push(name);
                first_pos.get_or_insert(*p);
            }
            Value::Absent => off.push(name),
            Value::Unknown(r, p) => {
                return vec![unknown(format!("{name}: {r}"), Some(*p))];
            }
        }
    }
    if off.is_empty() {
        vec![Outcome::Pass]
    } else {
        vec![fail(
            format!("public access block does not enable {}", off.join(", ")),
            first_pos.or(Some(pab.pos)),
        )]
    }
}
