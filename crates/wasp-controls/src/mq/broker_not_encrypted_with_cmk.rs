use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::data_support::customer_managed_key;
use crate::helpers::{fail, unknown};
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-MQ-002",
    name: "mq-broker-not-encrypted-with-cmk",
    title: "Amazon MQ broker is not encrypted with a customer managed KMS key",
    severity: Severity::Low,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP01"],
    kinds: &[KindTag::Broker],
    references: &[checkov("CKV_AWS_209")],
    remediation:
        "Set EncryptionOptions with UseAwsOwnedKey false and KmsKeyId a customer managed key.",
    doc: r#"## What it checks
That the broker's encryption options turn the AWS owned key off (`UseAwsOwnedKey`,
`use_aws_owned_key` = false; true by default) and name a customer managed KMS key (`KmsKeyId`,
`kms_key_id`). Without a key, `UseAwsOwnedKey: false` means the AWS managed key `aws/mq`.

## Why it matters
Messages at rest in the broker are always encrypted, but only a customer managed key puts the key
under your control: its policy governs its use, it can be disabled to cut off access, and every
use is logged in CloudTrail.

## Remediation
```yaml
EncryptionOptions:
  UseAwsOwnedKey: false
  KmsKeyId: !Ref MessagingKey
```
```hcl
encryption_options {
  use_aws_owned_key = false
  kms_key_id        = aws_kms_key.messaging.arn
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(b) = super::broker(res) else {
        return vec![];
    };
    let owned = res.property("use_aws_owned_key");
    vec![match &b.use_aws_owned_key {
        Value::Known(false, _) => customer_managed_key(
            &b.kms_key,
            res.property("kms_key"),
            "the AWS managed key aws/mq is used",
        ),
        Value::Known(true, p) => fail(
            format!("{owned} is true: messages are encrypted with an AWS owned key"),
            Some(*p),
        ),
        Value::Absent => fail(
            format!("{owned} is not set: messages are encrypted with an AWS owned key"),
            None,
        ),
        Value::Unknown(r, p) => unknown(format!("{owned}: {r}"), Some(*p)),
    }]
}
