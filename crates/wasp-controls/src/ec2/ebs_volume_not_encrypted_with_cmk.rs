use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::data_support::customer_managed_key;
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-EC2-102",
    name: "ebs-volume-not-encrypted-with-cmk",
    title: "EBS volume is not encrypted with a customer managed KMS key",
    severity: Severity::Low,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP01"],
    kinds: &[KindTag::Volume],
    references: &[checkov("CKV_AWS_189")],
    remediation: "Set KmsKeyId (kms_key_id) to a customer managed KMS key on encrypted volumes.",
    doc: r#"## What it checks
That encrypted EBS volumes name a customer managed KMS key (`KmsKeyId`, `kms_key_id`). Without
one, EBS uses the account's default EBS key, the AWS managed `aws/ebs` unless changed.
Unencrypted volumes are reported by `ebs-unencrypted`.

## Why it matters
Snapshots of volumes encrypted with `aws/ebs` cannot be shared with other accounts, and the key's
policy cannot be changed. A customer managed key lets its key policy govern who can attach,
restore and copy the data, and can be disabled to cut off access.

## Remediation
```yaml
Data:
  Type: AWS::EC2::Volume
  Properties:
    Encrypted: true
    KmsKeyId: !GetAtt DataKey.Arn
```
```hcl
resource "aws_ebs_volume" "data" {
  encrypted  = true
  kms_key_id = aws_kms_key.data.arn
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::Volume(v) = &res.kind else {
        return vec![];
    };
    if !matches!(v.encrypted, Value::Known(true, _)) {
        return vec![];
    }
    vec![customer_managed_key(
        &v.kms_key,
        res.property("kms_key"),
        "the account's default EBS key (aws/ebs) is used",
    )]
}
