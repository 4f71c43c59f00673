use wasp_core::Severity;
use wasp_iam::Effect;
use wasp_model::{Model, Resource};

use super::engine::{each_own_policy, statement_pos};
use crate::helpers::fail;
use crate::{Area, Outcome};

crate::declare! {
    id: "WASP-IAM-008",
    name: "iam-policy-allow-with-not-action",
    title: "IAM policy allows with NotAction",
    severity: Severity::Medium,
    area: Area::Identity,
    best_practices: &["SEC03-BP02"],
    kinds: super::POLICY_HOLDERS,
    references: &[],
    remediation: "Replace `Allow` + `NotAction` with an `Allow` of the actions needed; to carve out exceptions, pair an explicit `Allow` with a `Deny` + `NotAction`.",
    doc: r#"## What it checks
Every identity policy document the resource defines: no `Allow` statement may use `NotAction`.

## Why it matters
`"Effect": "Allow"` with `"NotAction"` grants every action of every service except the ones
listed, including actions and services AWS adds later. A policy meant as "everything but IAM"
usually also grants `organizations:*`, `sts:*` and `kms:*`, and silently grows with every AWS
release. `NotAction` belongs in `Deny` statements (deny everything except ...).

## Remediation
```yaml
Statement:
  - Effect: Allow
    Action: ["ec2:Describe*", "ec2:StartInstances", "ec2:StopInstances"]
    Resource: "*"
```
```hcl
statement {
  actions   = ["ec2:Describe*", "ec2:StartInstances", "ec2:StopInstances"]
  resources = ["*"]
}
```
"#,
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    each_own_policy(res, model, |name, node, policy| {
        policy
            .statements
            .iter()
            .filter(|s| s.effect == Some(Effect::Allow))
            .filter_map(|s| s.action.as_ref().filter(|a| a.negated).map(|a| (s, a)))
            .map(|(s, a)| {
                fail(
                    format!(
                        "policy `{name}` {} allows every action except {}",
                        s.label(),
                        a.values.join(", ")
                    ),
                    Some(statement_pos(Some(node), s.index, node.pos)),
                )
            })
            .collect()
    })
}
