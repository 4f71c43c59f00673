use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-DYNAMODB-003",
    name: "dynamodb-deletion-protection-disabled",
    title: "DynamoDB table has no deletion protection",
    severity: Severity::Low,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP04"],
    kinds: &[KindTag::Table],
    references: &[fsbp("DynamoDB.6")],
    remediation: "Set DeletionProtectionEnabled (deletion_protection_enabled) to true.",
    doc: r#"## What it checks
That the table enables deletion protection (`DeletionProtectionEnabled`,
`deletion_protection_enabled`; off by default).

## Why it matters
A protected table cannot be deleted until the protection is turned off in a separate change, so
a mistaken `DeleteTable`, a stack update that replaces the table or a compromised pipeline cannot
destroy it in one step.

## Remediation
```yaml
DeletionProtectionEnabled: true
```
```hcl
deletion_protection_enabled = true
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(t) = super::table(res) else {
        return vec![];
    };
    vec![must_be_true(
        &t.deletion_protection,
        false,
        res.property("deletion_protection"),
    )]
}
