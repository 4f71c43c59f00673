use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-S3-003",
    name: "s3-bucket-public-acl",
    title: "S3 bucket ACL grants access to everyone",
    severity: Severity::Critical,
    area: Area::DataAtRest,
    best_practices: &["SEC03-BP07", "SEC08-BP04"],
    kinds: &[KindTag::Bucket],
    references: &[fsbp("S3.2"), fsbp("S3.3"), checkov("CKV_AWS_20"), checkov("CKV_AWS_57")],
    remediation: "Remove the public canned ACL (public-read, public-read-write, authenticated-read); keep the bucket private and share through policies.",
    doc: r#"## What it checks
That the bucket's canned ACL is not `public-read`, `public-read-write` or `authenticated-read`,
and that no explicit grant goes to the AllUsers or AuthenticatedUsers groups.

## Why it matters
These ACLs give every person on the internet (or every AWS account) read, and sometimes write,
access to the bucket. `authenticated-read` is as public as `public-read`: anyone can create an
AWS account.

## Remediation
```yaml
# Remove AccessControl, or set it to Private, and enforce bucket-owner ownership:
OwnershipControls:
  Rules:
    - ObjectOwnership: BucketOwnerEnforced
```
```hcl
resource "aws_s3_bucket_ownership_controls" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}
```
"#,
}

const PUBLIC: &[&str] = &["public-read", "public-read-write", "authenticated-read"];

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(b) = super::bucket(res) else {
        return vec![];
    };
    if let Some(p) = b.public_acl_grants.first() {
        return vec![fail("an ACL grant gives access to all users", Some(*p))];
    }
    vec![match &b.acl {
        Value::Known(acl, p) if PUBLIC.contains(&acl.as_str()) => fail(
            format!("canned ACL `{acl}` makes the bucket public"),
            Some(*p),
        ),
        Value::Unknown(r, p) => unknown(format!("ACL: {r}"), Some(*p)),
        _ => Outcome::Pass,
    }]
}
