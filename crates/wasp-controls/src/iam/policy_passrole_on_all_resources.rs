use wasp_core::Severity;
use wasp_iam::{CompiledPolicy, Effect};
use wasp_model::{Model, Resource};

use super::engine::{each_own_policy, statement_pos};
use crate::helpers::fail;
use crate::{Area, Outcome};

crate::declare! {
    id: "WASP-IAM-011",
    name: "iam-policy-passrole-on-all-resources",
    title: "IAM policy allows iam:PassRole on all roles",
    severity: Severity::High,
    area: Area::Identity,
    best_practices: &["SEC03-BP02"],
    kinds: super::POLICY_HOLDERS,
    references: &[],
    remediation: "Name the roles that may be passed in `Resource` and the service they are passed to with an `iam:PassedToService` condition.",
    doc: r#"## What it checks
Every identity policy document the resource defines: no `Allow` statement may grant
`iam:PassRole` (directly, or through `iam:*`, `iam:Pass*`, `*` or `NotAction`) on
`"Resource": "*"`. A condition on `iam:PassedToService` does not make it pass: it limits the
service, not the roles.

## Why it matters
Passing a role hands its permissions to a service the caller controls: a Lambda function, an EC2
instance, a CloudFormation stack, a Glue job. With `iam:PassRole` on every role, the caller's
real permissions are those of the most privileged role in the account.

## Remediation
```yaml
Statement:
  - Effect: Allow
    Action: iam:PassRole
    Resource: !GetAtt TaskRole.Arn
    Condition:
      StringEquals:
        iam:PassedToService: ecs-tasks.amazonaws.com
```
```hcl
statement {
  actions   = ["iam:PassRole"]
  resources = [aws_iam_role.task.arn]
  condition {
    test     = "StringEquals"
    variable = "iam:PassedToService"
    values   = ["ecs-tasks.amazonaws.com"]
  }
}
```
"#,
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    each_own_policy(res, model, |name, node, policy| {
        let compiled = CompiledPolicy::new(name, policy.clone());
        let mut out = Vec::new();
        for s in &compiled.statements {
            if s.effect != Effect::Allow
                || !s.actions.covers("iam:passrole")
                || !s.resources.as_ref().is_none_or(|r| r.covers_all())
            {
                continue;
            }
            let label = compiled
                .source_statement(s.index)
                .map(|st| st.label())
                .unwrap_or_else(|| format!("Statement[{}]", s.index));
            out.push(fail(
                format!("policy `{name}` {label} allows iam:PassRole on every role"),
                Some(statement_pos(Some(node), s.index as usize, node.pos)),
            ));
        }
        out
    })
}
