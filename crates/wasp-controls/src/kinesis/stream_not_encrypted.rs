use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-KINESIS-001",
    name: "kinesis-stream-not-encrypted",
    title: "Kinesis data stream is not encrypted at rest",
    severity: Severity::Medium,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP02"],
    kinds: &[KindTag::Stream],
    references: &[fsbp("Kinesis.1"), checkov("CKV_AWS_43")],
    remediation:
        "Set StreamEncryption with EncryptionType KMS (encryption_type = \"KMS\") and a KMS key.",
    doc: r#"## What it checks
That the stream uses server-side encryption with KMS (`StreamEncryption.EncryptionType`,
`encryption_type` = `KMS`). Streams are created unencrypted unless it is set.

## Why it matters
Records stay in the stream for its whole retention period (one day to a year). Server-side
encryption protects them at rest, and the KMS key policy adds a second control over who can read
them.

## Remediation
```yaml
StreamEncryption:
  EncryptionType: KMS
  KeyId: alias/aws/kinesis
```
```hcl
encryption_type = "KMS"
kms_key_id      = aws_kms_key.streams.id
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::Stream(s) = &res.kind else {
        return vec![];
    };
    let setting = res.property("encryption_type");
    vec![match &s.encryption_type {
        Value::Known(t, _) if t.eq_ignore_ascii_case("KMS") => Outcome::Pass,
        Value::Known(t, p) => fail(
            format!("{setting} is `{t}`: records are not encrypted"),
            Some(*p),
        ),
        Value::Absent => fail(
            format!("no {setting}: records are not encrypted at rest"),
            s.encryption_pos,
        ),
        Value::Unknown(r, p) => unknown(format!("{setting}: {r}"), Some(*p)),
    }]
}
