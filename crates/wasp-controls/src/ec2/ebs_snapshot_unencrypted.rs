use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{Area, Outcome};

crate::declare! {
    id: "WASP-EC2-100",
    name: "ebs-snapshot-unencrypted",
    title: "EBS snapshot is not encrypted",
    severity: Severity::Medium,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP02"],
    kinds: &[KindTag::Snapshot],
    references: &[],
    remediation:
        "Snapshot encrypted volumes only; set encrypted = true on snapshot copies and imports.",
    doc: r#"## What it checks
That EBS snapshots managed by Terraform are encrypted: a snapshot of a volume
(`aws_ebs_snapshot`) is encrypted when its volume is; a copy (`aws_ebs_snapshot_copy`) when it
sets `encrypted = true` or copies an encrypted snapshot; an import (`aws_ebs_snapshot_import`)
when it sets `encrypted = true`. A snapshot whose source is not in the configuration cannot be
judged. CloudFormation has no EBS snapshot resource, so the control applies to Terraform only.

## Why it matters
A snapshot is a full copy of a volume, and the form in which volume data is most often shared,
copied to other Regions and accounts, or kept long after the instance is gone. Unencrypted, it
carries the data in clear text wherever it goes.

## Remediation
CloudFormation has no snapshot resource; encrypt the volumes (`Encrypted: true`):
```yaml
Data:
  Type: AWS::EC2::Volume
  Properties:
    Encrypted: true
```
```hcl
resource "aws_ebs_snapshot_copy" "backup" {
  source_snapshot_id = aws_ebs_snapshot.data.id
  source_region      = "eu-west-1"
  encrypted          = true
  kms_key_id         = aws_kms_key.backup.arn
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::Snapshot(s) = &res.kind else {
        return vec![];
    };
    match &s.encrypted {
        Value::Known(true, _) => return vec![Outcome::Pass],
        Value::Unknown(r, p) => return vec![unknown(format!("encrypted: {r}"), Some(*p))],
        _ => {}
    }
    let set_false = s.encrypted.pos();
    vec![match (&s.source, &s.source_encrypted) {
        (_, Some(Value::Known(true, _))) => Outcome::Pass,
        (_, Some(Value::Known(false, p))) => fail(
            "the snapshot's source volume or snapshot is not encrypted",
            set_false.or(Some(*p)),
        ),
        (_, Some(Value::Absent)) => fail(
            "the snapshot's source volume does not set encrypted (EBS volumes are unencrypted by default)",
            set_false,
        ),
        (_, Some(Value::Unknown(r, p))) => unknown(format!("source encryption: {r}"), Some(*p)),
        (Value::Absent, None) => fail(
            "the imported snapshot does not set encrypted = true",
            set_false,
        ),
        (src, None) => unknown(
            format!(
                "takes its encryption from {}, which is not in this configuration",
                match src {
                    Value::Known(v, _) => format!("`{v}`"),
                    _ => "a source".to_string(),
                }
            ),
            src.pos(),
        ),
    }]
}
