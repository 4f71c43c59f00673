use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource};

use crate::helpers::must_be_false;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-RDS-002",
    name: "rds-publicly-accessible",
    title: "RDS database is publicly accessible",
    severity: Severity::Critical,
    area: Area::Network,
    best_practices: &["SEC05-BP01", "SEC05-BP02"],
    kinds: &[KindTag::DbInstance, KindTag::DbCluster],
    references: &[fsbp("RDS.2"), checkov("CKV_AWS_17")],
    remediation: "Set PubliclyAccessible to false and keep the database in private subnets.",
    doc: r#"## What it checks
That DB instances (and Multi-AZ DB clusters) do not set `PubliclyAccessible: true`.

## Why it matters
A publicly accessible database gets an address that resolves to a public IP; with a permissive
security group it is reachable from the whole internet. Databases belong in the innermost network
layer.

## Remediation
```yaml
PubliclyAccessible: false
DBSubnetGroupName: !Ref PrivateSubnets
```
```hcl
resource "aws_db_instance" "db" {
  publicly_accessible  = false
  db_subnet_group_name = aws_db_subnet_group.private.name
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    match &res.kind {
        Kind::DbInstance(d) | Kind::DbCluster(d) => {
            vec![must_be_false(
                &d.publicly_accessible,
                false,
                res.property("publicly_accessible"),
            )]
        }
        _ => vec![],
    }
}
