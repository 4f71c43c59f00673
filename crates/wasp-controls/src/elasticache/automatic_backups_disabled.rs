use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-ELASTICACHE-004",
    name: "elasticache-automatic-backups-disabled",
    title: "ElastiCache replication group takes no automatic backups",
    severity: Severity::Low,
    area: Area::DataAtRest,
    best_practices: &["SEC07-BP04"],
    kinds: &[KindTag::CacheGroup],
    references: &[fsbp("ElastiCache.1"), checkov("CKV_AWS_134")],
    remediation: "Set SnapshotRetentionLimit (snapshot_retention_limit) to 1 day or more.",
    doc: r#"## What it checks
That the replication group keeps automatic snapshots (`SnapshotRetentionLimit`,
`snapshot_retention_limit` of 1 or more; the default, 0, turns them off).

## Why it matters
When the cache is a data store in its own right (sessions, queues, leaderboards), snapshots are
the only way to recover its content after corruption, a destructive command or a failed upgrade.

## Remediation
```yaml
SnapshotRetentionLimit: 7
```
```hcl
snapshot_retention_limit = 7
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(g) = super::group(res) else {
        return vec![];
    };
    let setting = res.property("snapshot_retention");
    vec![match &g.snapshot_retention {
        Value::Known(n, _) if *n > 0 => Outcome::Pass,
        Value::Known(_, p) => fail(format!("{setting} is 0: no automatic backups"), Some(*p)),
        Value::Absent => fail(
            format!("no {setting}: automatic backups are off by default"),
            None,
        ),
        Value::Unknown(r, p) => unknown(format!("{setting}: {r}"), Some(*p)),
    }]
}
