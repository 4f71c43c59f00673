use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{must_be_true, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-FIREHOSE-001",
    name: "firehose-delivery-stream-not-encrypted",
    title: "Firehose delivery stream is not encrypted at rest",
    severity: Severity::Medium,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP02"],
    kinds: &[KindTag::DeliveryStream],
    references: &[fsbp("DataFirehose.1"), checkov("CKV_AWS_240")],
    remediation: "Configure DeliveryStreamEncryptionConfigurationInput (server_side_encryption) on direct-put delivery streams.",
    doc: r#"## What it checks
That direct-put delivery streams enable server-side encryption
(`DeliveryStreamEncryptionConfigurationInput`, `server_side_encryption { enabled = true }`).
Streams whose source is a Kinesis data stream or an MSK cluster take their protection from the
source and are not checked.

## Why it matters
Firehose buffers records (up to 24 hours when the destination is unavailable) before delivering
them. Server-side encryption keeps the buffered data encrypted at rest under a KMS key.

## Remediation
```yaml
DeliveryStreamEncryptionConfigurationInput:
  KeyType: AWS_OWNED_CMK
```
```hcl
server_side_encryption {
  enabled  = true
  key_type = "AWS_OWNED_CMK"
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::DeliveryStream(s) = &res.kind else {
        return vec![];
    };
    match &s.source {
        Value::Known(src, _) if !src.eq_ignore_ascii_case("DirectPut") => return vec![],
        Value::Unknown(r, p) => return vec![unknown(format!("stream type: {r}"), Some(*p))],
        _ => {}
    }
    vec![must_be_true(
        &s.sse_enabled,
        false,
        res.property("sse_enabled"),
    )]
}
