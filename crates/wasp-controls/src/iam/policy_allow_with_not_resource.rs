use wasp_core::Severity;
use wasp_iam::Effect;
use wasp_model::{Model, Resource};

use super::engine::{each_own_policy, statement_pos};
use crate::helpers::fail;
use crate::{Area, Outcome};

crate::declare! {
    id: "WASP-IAM-009",
    name: "iam-policy-allow-with-not-resource",
    title: "IAM policy allows with NotResource",
    severity: Severity::Medium,
    area: Area::Identity,
    best_practices: &["SEC03-BP02"],
    kinds: super::POLICY_HOLDERS,
    references: &[],
    remediation: "List the resources the statement applies to in `Resource`; keep `NotResource` for `Deny` statements.",
    doc: r#"## What it checks
Every identity policy document the resource defines: no `Allow` statement may use
`NotResource`.

## Why it matters
`"Effect": "Allow"` with `"NotResource"` grants the actions on every resource except the ones
listed: on every other bucket, key, table and role of the account, including those created
later and, for actions that accept them, resources of other accounts. It is almost always
broader than its author meant.

## Remediation
```yaml
Statement:
  - Effect: Allow
    Action: s3:GetObject
    Resource: !Sub "${Reports.Arn}/*"
```
```hcl
statement {
  actions   = ["s3:GetObject"]
  resources = ["${aws_s3_bucket.reports.arn}/*"]
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
            .filter(|s| s.resource.as_ref().is_some_and(|r| r.negated))
            .map(|s| {
                fail(
                    format!(
                        "policy `{name}` {} allows its actions on every resource except those listed",
                        s.label()
                    ),
                    Some(statement_pos(Some(node), s.index, node.pos)),
                )
            })
            .collect()
    })
}
