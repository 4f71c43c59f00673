use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

/// Days of automated backups required.
const MIN_DAYS: i64 = 7;

crate::declare! {
    id: "WASP-RDS-004",
    name: "rds-backup-retention-too-short",
    title: "RDS automated backups are kept fewer than 7 days",
    severity: Severity::Medium,
    area: Area::DataAtRest,
    best_practices: &["SEC07-BP04"],
    kinds: &[KindTag::DbInstance, KindTag::DbCluster],
    references: &[fsbp("RDS.11"), checkov("CKV_AWS_133")],
    remediation: "Set BackupRetentionPeriod to 7 days or more.",
    doc: r#"## What it checks
That DB clusters and DB instances outside a cluster keep automated backups at least 7 days
(`BackupRetentionPeriod`, `backup_retention_period`). The default is 1 day; 0 turns automated
backups and point-in-time restore off. Instances of an Aurora cluster use the cluster's backups.

## Why it matters
Automated backups and point-in-time restore are how data is recovered after corruption, a
destructive change or ransomware. Incidents are often noticed days later: a retention of a day
or two may leave nothing clean to restore.

## Remediation
```yaml
BackupRetentionPeriod: 7
```
```hcl
backup_retention_period = 7
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(d) = super::own_settings(res) else {
        return vec![];
    };
    let setting = res.property("backup_retention");
    vec![match &d.backup_retention {
        Value::Known(n, _) if *n >= MIN_DAYS => Outcome::Pass,
        Value::Known(0, p) => fail(
            format!("{setting} is 0: automated backups are turned off"),
            Some(*p),
        ),
        Value::Known(n, p) => fail(
            format!("{setting} is {n} day(s), fewer than {MIN_DAYS}"),
            Some(*p),
        ),
        Value::Absent => fail(
            format!("no {setting}: backups are kept 1 day by default"),
            None,
        ),
        Value::Unknown(r, p) => unknown(format!("{setting}: {r}"), Some(*p)),
    }]
}
