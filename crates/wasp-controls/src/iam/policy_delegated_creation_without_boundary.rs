use wasp_core::Severity;
use wasp_iam::condition::BaseOp;
use wasp_iam::{CompiledPolicy, Effect};
use wasp_model::{Model, Resource};

use super::engine::{each_own_policy, statement_pos};
use crate::helpers::fail;
use crate::{Area, Outcome};

crate::declare! {
    id: "WASP-IAM-025",
    name: "iam-policy-delegated-creation-without-boundary",
    title: "IAM policy lets its holder create roles or users without a permissions boundary",
    severity: Severity::Medium,
    area: Area::Identity,
    best_practices: &["SEC03-BP05"],
    kinds: super::POLICY_HOLDERS,
    references: &[],
    remediation: "Allow `iam:CreateRole` / `iam:CreateUser` only with a condition `iam:PermissionsBoundary` equal to the boundary policy's ARN (or deny them without it).",
    doc: r#"## What it checks
Every identity policy document the resource defines: an `Allow` statement that grants
`iam:CreateRole` or `iam:CreateUser` (directly or through wildcards) must require a permissions
boundary on what it creates, with a condition on `iam:PermissionsBoundary` under a positive
operator (`StringEquals`, `StringLike`, `ArnEquals`, `ArnLike`, without `IfExists`), unless a
`Deny` statement of the same document refuses those actions based on `iam:PermissionsBoundary`.

## Why it matters
Letting teams or pipelines create their own roles is how permission management scales, but a
principal that can create a role without a boundary can create one more powerful than itself
and assume it. The permissions boundary is the guardrail that caps everything created through
the delegation, whatever policies are later attached.

## Remediation
```yaml
Statement:
  - Effect: Allow
    Action: ["iam:CreateRole", "iam:AttachRolePolicy", "iam:PutRolePolicy"]
    Resource: !Sub "arn:aws:iam::${AWS::AccountId}:role/app-*"
    Condition:
      StringEquals:
        iam:PermissionsBoundary: !Ref AppBoundary
```
```hcl
statement {
  actions   = ["iam:CreateRole", "iam:AttachRolePolicy", "iam:PutRolePolicy"]
  resources = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/app-*"]
  condition {
    test     = "StringEquals"
    variable = "iam:PermissionsBoundary"
    values   = [aws_iam_policy.app_boundary.arn]
  }
}
```
"#,
}

const CREATE: &[&str] = &["iam:createrole", "iam:createuser"];

fn on_boundary(c: &wasp_iam::model::Condition) -> bool {
    c.key.eq_ignore_ascii_case("iam:PermissionsBoundary")
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    each_own_policy(res, model, |name, node, policy| {
        let compiled = CompiledPolicy::new(name, policy.clone());
        let source = |i: u32| compiled.source_statement(i);
        // A deny keyed on the boundary guards the creation for every allow of the document.
        let guarded_by_deny = |action: &str| {
            compiled.statements.iter().any(|s| {
                s.effect == Effect::Deny
                    && s.actions.covers(action)
                    && source(s.index).is_some_and(|st| st.conditions.iter().any(on_boundary))
            })
        };
        let mut out = Vec::new();
        for s in &compiled.statements {
            if s.effect != Effect::Allow {
                continue;
            }
            let Some(st) = source(s.index) else {
                continue;
            };
            let requires_boundary = st.conditions.iter().any(|c| {
                on_boundary(c)
                    && !c.operator.if_exists
                    && matches!(
                        c.operator.base,
                        BaseOp::StringEquals
                            | BaseOp::StringLike
                            | BaseOp::ArnEquals
                            | BaseOp::ArnLike
                    )
            });
            let unguarded: Vec<&str> = CREATE
                .iter()
                .copied()
                .filter(|a| s.actions.covers(a) && !requires_boundary && !guarded_by_deny(a))
                .collect();
            if unguarded.is_empty() {
                continue;
            }
            let names: Vec<&str> = unguarded
                .iter()
                .map(|a| {
                    if *a == "iam:createrole" {
                        "iam:CreateRole"
                    } else {
                        "iam:CreateUser"
                    }
                })
                .collect();
            out.push(fail(
                format!(
                    "policy `{name}` {} allows {} without requiring a permissions boundary",
                    st.label(),
                    names.join(" and ")
                ),
                Some(statement_pos(Some(node), s.index as usize, node.pos)),
            ));
        }
        out
    })
}
