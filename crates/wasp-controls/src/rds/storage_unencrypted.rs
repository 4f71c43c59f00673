use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-RDS-001",
    name: "rds-storage-unencrypted",
    title: "RDS storage is not encrypted",
    severity: Severity::High,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP02"],
    kinds: &[KindTag::DbInstance, KindTag::DbCluster],
    references: &[fsbp("RDS.3"), fsbp("RDS.27"), checkov("CKV_AWS_16"), checkov("CKV_AWS_96")],
    remediation: "Set StorageEncrypted to true (with a customer managed KMS key) on the DB instance or cluster.",
    doc: r#"## What it checks
That DB instances and clusters set `StorageEncrypted: true`. Instances that belong to a cluster
take encryption from the cluster and are judged there.

## Why it matters
Encryption at rest protects the database storage, its automated backups, read replicas and
snapshots. It cannot be turned on for an existing instance without a snapshot-and-restore
migration, so it must be right from the first deploy.

## Remediation
```yaml
Database:
  Type: AWS::RDS::DBInstance
  Properties:
    StorageEncrypted: true
    KmsKeyId: !Ref DataKey
```
```hcl
resource "aws_db_instance" "db" {
  storage_encrypted = true
  kms_key_id        = aws_kms_key.data.arn
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    match &res.kind {
        Kind::DbInstance(d) => {
            if !d.cluster.is_absent() {
                return vec![];
            }
            vec![must_be_true(
                &d.storage_encrypted,
                false,
                res.property("storage_encrypted"),
            )]
        }
        Kind::DbCluster(d) => vec![must_be_true(
            &d.storage_encrypted,
            false,
            res.property("storage_encrypted"),
        )],
        _ => vec![],
    }
}
