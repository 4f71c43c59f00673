use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-RDS-008",
    name: "rds-copy-tags-to-snapshot-disabled",
    title: "RDS database does not copy its tags to snapshots",
    severity: Severity::Low,
    area: Area::DataAtRest,
    best_practices: &["SEC07-BP02"],
    kinds: &[KindTag::DbInstance, KindTag::DbCluster],
    references: &[
        fsbp("RDS.16"),
        fsbp("RDS.17"),
        checkov("CKV_AWS_313"),
        checkov("CKV2_AWS_60"),
    ],
    remediation: "Set CopyTagsToSnapshot to true.",
    doc: r#"## What it checks
That DB clusters and DB instances outside a cluster copy their tags to snapshots
(`CopyTagsToSnapshot`, `copy_tags_to_snapshot`; off by default).

## Why it matters
Tags carry the data's classification, owner and retention. Snapshots without them are copies of
the data that tag-based access control (ABAC), backup policies and data inventories can no longer
recognize, and that may be kept, shared or restored without the protection their content needs.

## Remediation
```yaml
CopyTagsToSnapshot: true
```
```hcl
copy_tags_to_snapshot = true
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(d) = super::own_settings(res) else {
        return vec![];
    };
    vec![must_be_true(
        &d.copy_tags_to_snapshot,
        false,
        res.property("copy_tags_to_snapshot"),
    )]
}
