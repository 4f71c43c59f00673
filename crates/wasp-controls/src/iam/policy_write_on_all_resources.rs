use wasp_core::Severity;
use wasp_model::{Model, Resource};

use super::engine::risky_category;
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-IAM-007",
    name: "iam-policy-write-on-all-resources",
    title: "IAM policy allows write actions on all resources",
    severity: Severity::Medium,
    area: Area::Identity,
    best_practices: &["SEC03-BP02"],
    kinds: super::POLICY_HOLDERS,
    references: &[checkov("CKV_AWS_111"), checkov("CKV_AWS_290")],
    remediation: "Name the resources the principal writes to; keep `\"Resource\": \"*\"` for actions that support no resource-level permissions.",
    doc: r#"## What it checks
Every identity policy document the resource defines: no `Allow` statement on
`"Resource": "*"` may grant actions of the *write* access level (`s3:PutObject`,
`s3:DeleteBucket`, `dynamodb:DeleteTable`, `ec2:TerminateInstances`, ...).

Wildcards (`iam:*`, `s3:Get*`) and `NotAction` are expanded through the IAM action database;
actions a statement of the same document denies on every resource are left out, and so are
actions that support no resource-level permissions (they can only be granted on `*`, like
`ecr:GetAuthorizationToken` or `xray:PutTraceSegments`). Each document is checked once, where
it is written.

## Why it matters
Write actions on every resource let a mistake or a stolen credential delete or overwrite data and
infrastructure the principal was never meant to touch: the blast radius is the account.

## Remediation
```yaml
Statement:
  - Effect: Allow
    Action: ["s3:PutObject", "s3:DeleteObject"]
    Resource: !Sub "${Uploads.Arn}/*"
```
```hcl
statement {
  actions   = ["s3:PutObject", "s3:DeleteObject"]
  resources = ["${aws_s3_bucket.uploads.arn}/*"]
}
```
"#,
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    risky_category(res, model, |r| &r.write, "write actions")
}
