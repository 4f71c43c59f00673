use wasp_core::Severity;
use wasp_iam::analyze::exposure::{restriction, Restriction};
use wasp_iam::model::PrincipalType;
use wasp_model::{KindTag, Model, Resource};

use super::engine::{each_assume_statement, UNKNOWN_SERVICE};
use crate::helpers::{fail, unknown};
use crate::{Area, Outcome};

crate::declare! {
    id: "WASP-IAM-015",
    name: "iam-role-trust-service-without-source-condition",
    title: "IAM role trusts an AWS service without aws:SourceAccount or aws:SourceArn",
    severity: Severity::Low,
    area: Area::Identity,
    best_practices: &["SEC03-BP07"],
    kinds: &[KindTag::Role],
    references: &[],
    remediation: "Add `aws:SourceAccount` (and, where the service documents it, `aws:SourceArn`) conditions to the statement trusting the service.",
    doc: r#"## What it checks
Statements of the role's trust policy that let an AWS service assume the role, for the services
whose documentation prescribes cross-service confused-deputy protection in the trust policy of
the roles they assume: `sagemaker`, `scheduler`, `states`, `codebuild`, `bedrock`, `datasync`,
`transfer`, `firehose`, `dms`, `appsync`, `pipes`, `personalize`, `fis`, `iot`,
`frauddetector`, `datazone`, `ssm` and `logs`. Such a statement must carry a condition on
`aws:SourceAccount`, `aws:SourceArn` or `aws:SourceOrgID` (positive operator, no `IfExists`, no
wildcard-only value). Services that assume roles only when passed one by a principal of the same
account and set no source keys (`ec2`, `lambda`, `ecs-tasks`, ...) are not checked: a condition
there would only break the role.

## Why it matters
A service acting for many customers can be asked by one customer to use a role ARN belonging to
another (the cross-service confused deputy). The source conditions tie the trust to requests
made for your account's resources only.

## Remediation
```yaml
Statement:
  - Effect: Allow
    Principal:
      Service: scheduler.amazonaws.com
    Action: sts:AssumeRole
    Condition:
      StringEquals:
        aws:SourceAccount: !Ref AWS::AccountId
```
```hcl
statement {
  actions = ["sts:AssumeRole"]
  principals {
    type        = "Service"
    identifiers = ["scheduler.amazonaws.com"]
  }
  condition {
    test     = "StringEquals"
    variable = "aws:SourceAccount"
    values   = [data.aws_caller_identity.current.account_id]
  }
}
```
"#,
}

/// Services documenting `aws:SourceAccount`/`aws:SourceArn` in the trust policy of roles they
/// assume.
const SOURCE_AWARE: &[&str] = &[
    "sagemaker",
    "scheduler",
    "states",
    "codebuild",
    "bedrock",
    "datasync",
    "transfer",
    "firehose",
    "dms",
    "appsync",
    "pipes",
    "personalize",
    "fis",
    "iot",
    "frauddetector",
    "datazone",
    "ssm",
    "logs",
];

fn source_aware(principal: &str) -> bool {
    let svc = principal.split('.').next().unwrap_or(principal);
    principal.ends_with(".amazonaws.com") && SOURCE_AWARE.contains(&svc)
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    each_assume_statement(res, model, "Service", |s, p, pos| {
        if p.entries
            .iter()
            .any(|(t, v)| *t == PrincipalType::Service && v == UNKNOWN_SERVICE)
        {
            return Some(vec![unknown(
                format!(
                    "trust policy {}: the service principal is known only at deploy time",
                    s.label()
                ),
                Some(pos),
            )]);
        }
        let services: Vec<&str> = p
            .entries
            .iter()
            .filter(|(t, v)| *t == PrincipalType::Service && source_aware(v))
            .map(|(_, v)| v.as_str())
            .collect();
        if services.is_empty() {
            return None;
        }
        let restricted = s.conditions.iter().any(|c| {
            matches!(
                restriction(c),
                Some(Restriction::Account | Restriction::Organization | Restriction::Identity)
            )
        });
        if restricted {
            return Some(vec![]);
        }
        Some(vec![fail(
            format!(
                "trust policy {} lets {} assume the role for any account (no aws:SourceAccount or aws:SourceArn condition)",
                s.label(),
                services.join(", ")
            ),
            Some(pos),
        )])
    })
}
