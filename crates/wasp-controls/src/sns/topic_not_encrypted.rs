use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-SNS-001",
    name: "sns-topic-not-encrypted",
    title: "SNS topic does not use server-side encryption",
    severity: Severity::Medium,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP02"],
    kinds: &[KindTag::Topic],
    references: &[checkov("CKV_AWS_26")],
    remediation:
        "Set KmsMasterKeyId (kms_master_key_id) to a KMS key, preferably customer managed.",
    doc: r#"## What it checks
That the topic enables server-side encryption with a KMS key (`KmsMasterKeyId`,
`kms_master_key_id`). Topics are created without it.

## Why it matters
SNS stores messages until every subscriber has received them. With server-side encryption the
message bodies are encrypted under a KMS key whose policy decides who may publish and read,
rather than relying on the topic policy alone.

## Remediation
```yaml
Alerts:
  Type: AWS::SNS::Topic
  Properties:
    KmsMasterKeyId: !Ref MessagingKey
```
```hcl
resource "aws_sns_topic" "alerts" {
  kms_master_key_id = aws_kms_key.messaging.id
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(t) = super::topic(res) else {
        return vec![];
    };
    let setting = res.property("kms_key");
    vec![match &t.kms_key {
        Value::Known(k, _) if !k.trim().is_empty() => Outcome::Pass,
        Value::Known(_, p) => fail(format!("{setting} is empty"), Some(*p)),
        Value::Unknown(..) if t.kms_key.is_reference() => Outcome::Pass,
        Value::Unknown(r, p) => unknown(format!("{setting}: {r}"), Some(*p)),
        Value::Absent => fail(
            format!("no {setting}: messages are not encrypted with KMS"),
            None,
        ),
    }]
}
