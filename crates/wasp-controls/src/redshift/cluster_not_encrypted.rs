use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-REDSHIFT-001",
    name: "redshift-cluster-not-encrypted",
    title: "Redshift cluster is not encrypted at rest",
    severity: Severity::High,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP02"],
    kinds: &[KindTag::Warehouse],
    references: &[fsbp("Redshift.10"), checkov("CKV_AWS_64")],
    remediation: "Remove Encrypted: false (clusters are encrypted by default) or set it to true, with KmsKeyId for a customer managed key.",
    doc: r#"## What it checks
That the cluster does not turn encryption at rest off (`Encrypted`, `encrypted` set to false).
Since January 2025, Amazon Redshift encrypts new provisioned clusters by default, so a cluster
that does not set it is encrypted; with the AWS provider older than 6.0, whose default was
`false`, set `encrypted = true` explicitly.

## Why it matters
Encryption at rest protects the data blocks, system metadata and snapshots of the warehouse,
which usually holds the organization's most complete copy of its data.

## Remediation
```yaml
Encrypted: true
KmsKeyId: !Ref WarehouseKey
```
```hcl
encrypted  = true
kms_key_id = aws_kms_key.warehouse.arn
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(w) = super::cluster(res) else {
        return vec![];
    };
    vec![must_be_true(&w.encrypted, true, res.property("encrypted"))]
}
