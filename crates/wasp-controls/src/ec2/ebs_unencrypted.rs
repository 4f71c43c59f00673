use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-EC2-004",
    name: "ebs-unencrypted",
    title: "EBS volume is not encrypted",
    severity: Severity::Medium,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP02"],
    kinds: &[KindTag::Volume, KindTag::Instance, KindTag::LaunchTemplate],
    references: &[fsbp("EC2.3"), checkov("CKV_AWS_3"), checkov("CKV_AWS_8")],
    remediation: "Set Encrypted to true on the volume (or block device), preferably with a customer managed KMS key.",
    doc: r#"## What it checks
That EBS volumes, and the EBS block devices of instances and launch templates, set
`Encrypted: true`. An unset value counts as unencrypted unless the account enables EBS encryption
by default, which a template cannot show.

## Why it matters
Unencrypted volumes and their snapshots can be read by anyone who obtains a copy (a shared or
leaked snapshot, a detached volume). Encryption with KMS ties every read to a key policy and to
CloudTrail.

## Remediation
```yaml
Volume:
  Type: AWS::EC2::Volume
  Properties:
    Encrypted: true
    KmsKeyId: !Ref DataKey
```
```hcl
resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = aws_kms_key.data.arn
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    match &res.kind {
        Kind::Volume(v) => vec![must_be_true(&v.encrypted, false, res.property("encrypted"))],
        Kind::Instance(c) | Kind::LaunchTemplate(c) => c
            .block_devices
            .iter()
            .map(|d| {
                match must_be_true(&d.encrypted, false, res.property("block_devices.encrypted")) {
                    Outcome::Fail { message, pos } => Outcome::Fail {
                        message,
                        pos: pos.or(Some(d.pos)),
                    },
                    o => o,
                }
            })
            .collect(),
        _ => vec![],
    }
}
