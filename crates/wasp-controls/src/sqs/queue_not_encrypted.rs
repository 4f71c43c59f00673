use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-SQS-001",
    name: "sqs-queue-not-encrypted",
    title: "SQS queue turns server-side encryption off",
    severity: Severity::Low,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP02"],
    kinds: &[KindTag::Queue],
    references: &[fsbp("SQS.1"), checkov("CKV_AWS_27")],
    remediation: "Remove SqsManagedSseEnabled: false, or set KmsMasterKeyId to a KMS key.",
    doc: r#"## What it checks
That the queue is encrypted at rest: with a KMS key (`KmsMasterKeyId`, `kms_master_key_id`), or
with SQS managed keys (SSE-SQS), which queues get by default since October 2022. The control fails
only when SSE-SQS is turned off (`SqsManagedSseEnabled`, `sqs_managed_sse_enabled` = false)
without a KMS key.

## Why it matters
Messages wait in the queue, on disk, until they are consumed; they often carry the same data as
the systems that exchange them. Turning encryption off leaves them in clear text at rest for no
benefit.

## Remediation
```yaml
Orders:
  Type: AWS::SQS::Queue
  Properties:
    SqsManagedSseEnabled: true
```
```hcl
resource "aws_sqs_queue" "orders" {
  sqs_managed_sse_enabled = true
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(q) = super::queue(res) else {
        return vec![];
    };
    let key = res.property("kms_key");
    let sse = res.property("sqs_managed_sse");
    match &q.kms_key {
        Value::Known(k, _) if !k.trim().is_empty() => return vec![Outcome::Pass],
        Value::Unknown(..) if q.kms_key.is_reference() => return vec![Outcome::Pass],
        Value::Unknown(r, p) => return vec![unknown(format!("{key}: {r}"), Some(*p))],
        _ => {}
    }
    vec![match &q.sqs_managed_sse {
        Value::Known(false, p) => fail(
            format!("{sse} is false and no {key} is set: messages are not encrypted at rest"),
            Some(*p),
        ),
        Value::Unknown(r, p) => unknown(format!("{sse}: {r}"), Some(*p)),
        _ => Outcome::Pass,
    }]
}
