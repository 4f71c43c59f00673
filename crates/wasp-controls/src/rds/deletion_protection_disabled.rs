use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-RDS-003",
    name: "rds-deletion-protection-disabled",
    title: "RDS database has no deletion protection",
    severity: Severity::Low,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP04"],
    kinds: &[KindTag::DbInstance, KindTag::DbCluster],
    references: &[
        fsbp("RDS.7"),
        fsbp("RDS.8"),
        checkov("CKV_AWS_139"),
        checkov("CKV_AWS_293"),
    ],
    remediation: "Set DeletionProtection to true on DB instances and clusters.",
    doc: r#"## What it checks
That DB clusters and DB instances that do not belong to a cluster set deletion protection
(`DeletionProtection`, `deletion_protection`; off by default). Instances of an Aurora cluster are
protected by the cluster's setting.

## Why it matters
With deletion protection, the database cannot be deleted, by a person, a script or a stack
update that replaces it, until the protection is turned off in a separate, deliberate change.
It keeps a mistake or a compromised pipeline from destroying the data in one call.

## Remediation
```yaml
Database:
  Type: AWS::RDS::DBInstance
  Properties:
    DeletionProtection: true
```
```hcl
resource "aws_db_instance" "db" {
  deletion_protection = true
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(d) = super::own_settings(res) else {
        return vec![];
    };
    vec![must_be_true(
        &d.deletion_protection,
        false,
        res.property("deletion_protection"),
    )]
}
