use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{Area, Outcome};

crate::declare! {
    id: "WASP-BACKUP-002",
    name: "backup-vault-lock-missing",
    title: "Backup vault has no vault lock",
    severity: Severity::Low,
    area: Area::DataAtRest,
    best_practices: &["SEC07-BP04", "SEC08-BP04"],
    kinds: &[KindTag::BackupVault],
    references: &[],
    remediation: "Add a vault lock (LockConfiguration, aws_backup_vault_lock_configuration) with a minimum retention.",
    doc: r#"## What it checks
That the vault has a vault lock (`LockConfiguration`, or an
`aws_backup_vault_lock_configuration` for it).

## Why it matters
A vault lock makes recovery points write-once-read-many: they cannot be deleted before their
retention ends, nor their lifecycle shortened, even by an administrator (compliance mode, once
the grace time has passed). It keeps ransomware and compromised credentials from destroying the
backups that recovery depends on.

## Remediation
```yaml
LockConfiguration:
  MinRetentionDays: 7
  MaxRetentionDays: 365
```
```hcl
resource "aws_backup_vault_lock_configuration" "primary" {
  backup_vault_name  = aws_backup_vault.primary.name
  min_retention_days = 7
  max_retention_days = 365
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(v) = super::vault(res) else {
        return vec![];
    };
    vec![match &v.lock {
        Value::Known(true, _) => Outcome::Pass,
        Value::Known(false, p) => fail("the vault lock is not configured", Some(*p)),
        Value::Absent => fail("the vault has no vault lock", None),
        Value::Unknown(r, p) => unknown(format!("vault lock: {r}"), Some(*p)),
    }]
}
