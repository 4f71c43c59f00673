use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, cis, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-CT-003",
    name: "cloudtrail-not-encrypted-with-kms",
    title: "CloudTrail logs are not encrypted with a KMS key",
    severity: Severity::Medium,
    area: Area::Detection,
    best_practices: &["SEC04-BP01", "SEC08-BP02"],
    kinds: &[KindTag::Trail],
    references: &[cis("3.5"), fsbp("CloudTrail.2"), checkov("CKV_AWS_35")],
    remediation: "Set KMSKeyId to a customer managed KMS key whose policy lets CloudTrail encrypt.",
    doc: r#"## What it checks
That the trail names a KMS key (`KMSKeyId`) for server-side encryption of its log files.

## Why it matters
Trail logs describe the whole account. With SSE-KMS, reading them needs decrypt permission on
the key as well as read access to the bucket, a second, separately audited control.

## Remediation
```yaml
KMSKeyId: !Ref TrailKey
```
```hcl
resource "aws_cloudtrail" "main" {
  kms_key_id = aws_kms_key.trail.arn
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(t) = super::trail(res) else {
        return vec![];
    };
    vec![match &t.kms_key {
        Value::Known(k, _) if !k.is_empty() => Outcome::Pass,
        Value::Known(_, p) => fail(format!("{} is empty", res.property("kms_key")), Some(*p)),
        Value::Absent => fail("no KMS key is set: logs use SSE-S3 only", None),
        // A reference to a key of the template is a key, even if its ARN is known only later.
        v if v.is_reference() => Outcome::Pass,
        Value::Unknown(r, p) => unknown(format!("{}: {r}", res.property("kms_key")), Some(*p)),
    }]
}
