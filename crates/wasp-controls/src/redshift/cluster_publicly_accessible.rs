use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::helpers::must_be_false;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-REDSHIFT-002",
    name: "redshift-cluster-publicly-accessible",
    title: "Redshift cluster is publicly accessible",
    severity: Severity::High,
    area: Area::Network,
    best_practices: &["SEC05-BP01", "SEC05-BP02"],
    kinds: &[KindTag::Warehouse],
    references: &[fsbp("Redshift.1"), checkov("CKV_AWS_87")],
    remediation: "Set PubliclyAccessible (publicly_accessible) to false and reach the cluster from inside the VPC.",
    doc: r#"## What it checks
That the cluster does not set `PubliclyAccessible: true` (`publicly_accessible = true`). Public
access is off by default for clusters created since January 2025; with the AWS provider older
than 6.0, whose default was `true`, set `publicly_accessible = false` explicitly.

## Why it matters
A publicly accessible cluster gets a public IP address: with a permissive security group, the
warehouse's endpoint is reachable from the whole internet and exposed to credential guessing and
to every vulnerability of the engine.

## Remediation
```yaml
PubliclyAccessible: false
```
```hcl
publicly_accessible = false
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(w) = super::cluster(res) else {
        return vec![];
    };
    vec![must_be_false(
        &w.publicly_accessible,
        false,
        res.property("publicly_accessible"),
    )]
}
