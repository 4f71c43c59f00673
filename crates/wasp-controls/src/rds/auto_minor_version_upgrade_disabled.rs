use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-RDS-006",
    name: "rds-auto-minor-version-upgrade-disabled",
    title: "RDS instance does not apply minor engine upgrades automatically",
    severity: Severity::Low,
    area: Area::Compute,
    best_practices: &["SEC06-BP01"],
    kinds: &[KindTag::DbInstance],
    references: &[fsbp("RDS.13"), checkov("CKV_AWS_226")],
    remediation: "Leave AutoMinorVersionUpgrade at its default (true) or set it to true.",
    doc: r#"## What it checks
That DB instances do not turn off automatic minor version upgrades
(`AutoMinorVersionUpgrade`, `auto_minor_version_upgrade`; on by default).

## Why it matters
Minor engine versions carry the security fixes of the database engine. Applied automatically in
the maintenance window, they keep the database patched without anyone having to remember it.

## Remediation
```yaml
AutoMinorVersionUpgrade: true
```
```hcl
auto_minor_version_upgrade = true
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::DbInstance(d) = &res.kind else {
        return vec![];
    };
    vec![must_be_true(
        &d.auto_minor_version_upgrade,
        true,
        res.property("auto_minor_version_upgrade"),
    )]
}
