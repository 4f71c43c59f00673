use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::helpers::must_be_false;
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-MQ-001",
    name: "mq-broker-publicly-accessible",
    title: "Amazon MQ broker is publicly accessible",
    severity: Severity::High,
    area: Area::Network,
    best_practices: &["SEC05-BP01", "SEC05-BP02"],
    kinds: &[KindTag::Broker],
    references: &[checkov("CKV_AWS_69")],
    remediation: "Set PubliclyAccessible (publicly_accessible) to false and reach the broker from inside the VPC.",
    doc: r#"## What it checks
That the broker is not publicly accessible (`PubliclyAccessible`, `publicly_accessible`).

## Why it matters
A public broker's endpoints resolve to public addresses: its consoles and messaging ports are
reachable from the internet, where only broker user passwords stand between attackers and every
queue and topic.

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
    let Some(b) = super::broker(res) else {
        return vec![];
    };
    vec![must_be_false(
        &b.publicly_accessible,
        false,
        res.property("publicly_accessible"),
    )]
}
