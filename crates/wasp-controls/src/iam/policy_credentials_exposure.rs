use wasp_core::Severity;
use wasp_model::{Model, Resource};

use super::engine::risky_category;
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-IAM-005",
    name: "iam-policy-credentials-exposure",
    title: "IAM policy allows actions that return credentials on all resources",
    severity: Severity::High,
    area: Area::Identity,
    best_practices: &["SEC03-BP02"],
    kinds: super::POLICY_HOLDERS,
    references: &[checkov("CKV_AWS_107"), checkov("CKV_AWS_287")],
    remediation: "Scope credential-returning actions (`sts:AssumeRole`, `iam:CreateAccessKey`, ...) to the roles, users or resources they are meant for.",
    doc: r#"## What it checks
Every identity policy document the resource defines: no `Allow` statement on
`"Resource": "*"` may grant an action that returns credentials (`sts:AssumeRole`,
`iam:CreateAccessKey`, `iam:CreateLoginProfile`, `redshift:GetClusterCredentials`,
`rds-db:Connect`, `sso:GetRoleCredentials`, ... as Cloudsplaining lists them).

Wildcards (`iam:*`, `s3:Get*`) and `NotAction` are expanded through the IAM action database;
actions a statement of the same document denies on every resource are left out, and so are
actions that support no resource-level permissions (they can only be granted on `*`, like
`ecr:GetAuthorizationToken` or `xray:PutTraceSegments`). Each document is checked once, where
it is written.

## Why it matters
An action that hands out credentials on every resource lets the holder become any role it can
assume or any user it can create keys for: its real permissions are those of the most
privileged target, not those written in its policy.

## Remediation
```yaml
Statement:
  - Effect: Allow
    Action: sts:AssumeRole
    Resource: !GetAtt DeployRole.Arn
```
```hcl
statement {
  actions   = ["sts:AssumeRole"]
  resources = [aws_iam_role.deploy.arn]
}
```
"#,
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    risky_category(
        res,
        model,
        |r| &r.credentials_exposure,
        "actions that return credentials",
    )
}
