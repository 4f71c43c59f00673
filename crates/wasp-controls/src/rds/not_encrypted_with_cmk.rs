use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::data_support::customer_managed_key;
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-RDS-007",
    name: "rds-not-encrypted-with-cmk",
    title: "RDS storage is not encrypted with a customer managed KMS key",
    severity: Severity::Low,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP01"],
    kinds: &[KindTag::DbInstance, KindTag::DbCluster],
    references: &[checkov("CKV_AWS_327")],
    remediation:
        "Set KmsKeyId to a customer managed KMS key on encrypted DB instances and clusters.",
    doc: r#"## What it checks
That encrypted DB clusters, and encrypted DB instances outside a cluster, name a customer managed
KMS key (`KmsKeyId`, `kms_key_id`). Without one, RDS uses the AWS managed key `aws/rds`.
Unencrypted databases are reported by `rds-storage-unencrypted`.

## Why it matters
With a customer managed key, its key policy decides who can use the database's snapshots and
storage, snapshots can be shared with other accounts (snapshots encrypted with `aws/rds` cannot),
and disabling the key cuts access off at once.

## Remediation
```yaml
StorageEncrypted: true
KmsKeyId: !GetAtt DataKey.Arn
```
```hcl
storage_encrypted = true
kms_key_id        = aws_kms_key.data.arn
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(d) = super::own_settings(res) else {
        return vec![];
    };
    // Aurora Serverless v1 and engines encrypted by default report through `storage_encrypted`.
    match &d.storage_encrypted {
        Value::Known(true, _) => {}
        Value::Absent if !d.kms_key.is_absent() => {}
        _ => return vec![],
    }
    vec![customer_managed_key(
        &d.kms_key,
        res.property("kms_key"),
        "the AWS managed key aws/rds is used",
    )]
}
