use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::data_support::customer_managed_key;
use crate::helpers::{fail, unknown};
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-DYNAMODB-002",
    name: "dynamodb-not-encrypted-with-cmk",
    title: "DynamoDB table is not encrypted with a customer managed KMS key",
    severity: Severity::Low,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP01"],
    kinds: &[KindTag::Table],
    references: &[checkov("CKV_AWS_119")],
    remediation:
        "Enable SSESpecification with SSEType KMS and a customer managed key (KMSMasterKeyId).",
    doc: r#"## What it checks
That the table is encrypted with a customer managed KMS key: server-side encryption enabled
(`SSEEnabled`, `server_side_encryption.enabled`) with a key named (`KMSMasterKeyId`,
`kms_key_arn`). DynamoDB always encrypts tables at rest: by default with an AWS owned key,
and with the AWS managed key `aws/dynamodb` when SSE is enabled without a key.

## Why it matters
Only a customer managed key gives you control of the key: its key policy is a second, independent
layer deciding who can read the table, its use is logged in CloudTrail, and disabling it cuts off
access to the data at once.

## Remediation
```yaml
SSESpecification:
  SSEEnabled: true
  SSEType: KMS
  KMSMasterKeyId: !Ref DataKey
```
```hcl
server_side_encryption {
  enabled     = true
  kms_key_arn = aws_kms_key.data.arn
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(t) = super::table(res) else {
        return vec![];
    };
    let enabled = res.property("sse_enabled");
    vec![match &t.sse_enabled {
        Value::Known(true, _) => customer_managed_key(
            &t.kms_key,
            res.property("kms_key"),
            "the AWS managed key aws/dynamodb is used",
        ),
        Value::Known(false, p) => fail(
            format!("{enabled} is false: the table is encrypted with an AWS owned key"),
            Some(*p),
        ),
        Value::Absent => fail(
            "no server-side encryption settings: the table is encrypted with an AWS owned key",
            None,
        ),
        Value::Unknown(r, p) => unknown(format!("{enabled}: {r}"), Some(*p)),
    }]
}
