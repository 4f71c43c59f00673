use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{cis, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-S3-008",
    name: "s3-bucket-mfa-delete-disabled",
    title: "S3 bucket does not require MFA to delete object versions",
    severity: Severity::Low,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP04"],
    kinds: &[KindTag::Bucket],
    references: &[cis("2.1.2"), fsbp("S3.20")],
    remediation: "Enable versioning with MFA delete (the root user, with its MFA device, sets mfa_delete = Enabled).",
    doc: r#"## What it checks
That the bucket's versioning configuration enables MFA delete (`mfa_delete = "Enabled"` in
`aws_s3_bucket_versioning`). CloudFormation cannot set MFA delete (only the root user can, through
the S3 API), so the control applies to Terraform only.

## Why it matters
With MFA delete, permanently deleting an object version or suspending versioning requires the
root user's MFA code in the request. Stolen credentials or a compromised pipeline can then no
longer destroy the version history that versioning keeps.

## Remediation
CloudFormation cannot express it; enable it with the root user:
```yaml
# aws s3api put-bucket-versioning --bucket records \
#   --versioning-configuration Status=Enabled,MFADelete=Enabled --mfa "SERIAL CODE"
VersioningConfiguration:
  Status: Enabled
```
```hcl
resource "aws_s3_bucket_versioning" "records" {
  bucket = aws_s3_bucket.records.id
  mfa    = "arn:aws:iam::111122223333:mfa/root-account-mfa-device 123456"
  versioning_configuration {
    status     = "Enabled"
    mfa_delete = "Enabled"
  }
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(b) = super::bucket(res) else {
        return vec![];
    };
    // Some sources (CloudFormation) have no property for it: they cannot say either way.
    if !res.declares("mfa_delete") {
        return vec![];
    }
    vec![match &b.mfa_delete {
        Value::Known(true, _) => Outcome::Pass,
        Value::Known(false, p) => fail("versioning does not enable mfa_delete", Some(*p)),
        Value::Absent => fail(
            "MFA delete is not enabled (no mfa_delete in the versioning configuration)",
            b.versioning.pos(),
        ),
        Value::Unknown(r, p) => unknown(format!("mfa_delete: {r}"), Some(*p)),
    }]
}
