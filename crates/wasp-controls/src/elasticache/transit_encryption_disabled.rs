use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-ELASTICACHE-002",
    name: "elasticache-transit-encryption-disabled",
    title: "ElastiCache replication group does not encrypt traffic in transit",
    severity: Severity::Medium,
    area: Area::DataInTransit,
    best_practices: &["SEC09-BP02"],
    kinds: &[KindTag::CacheGroup],
    references: &[fsbp("ElastiCache.5"), checkov("CKV_AWS_30")],
    remediation: "Set TransitEncryptionEnabled (transit_encryption_enabled) to true.",
    doc: r#"## What it checks
That the replication group enables TLS between clients and nodes and between nodes
(`TransitEncryptionEnabled`, `transit_encryption_enabled`). It defaults to `false` for every
engine: unlike encryption at rest, which is on by default for Valkey, a Valkey replication group
accepts plain-text connections unless TLS is turned on.

## Why it matters
Without TLS, cached data, commands and the AUTH token itself cross the network in clear text,
readable by anyone able to capture traffic in the VPC. AUTH and RBAC require TLS.

## Remediation
```yaml
TransitEncryptionEnabled: true
```
```hcl
transit_encryption_enabled = true
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(g) = super::group(res) else {
        return vec![];
    };
    vec![must_be_true(
        &g.transit_encryption,
        false,
        res.property("transit_encryption"),
    )]
}
