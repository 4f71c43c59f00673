use wasp_core::Severity;
use wasp_model::{Model, Resource};

use super::engine::risky_category;
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-IAM-004",
    name: "iam-policy-permissions-management-on-all-resources",
    title: "IAM policy allows permissions-management actions on all resources",
    severity: Severity::High,
    area: Area::Identity,
    best_practices: &["SEC03-BP02"],
    kinds: super::POLICY_HOLDERS,
    references: &[checkov("CKV_AWS_109"), checkov("CKV_AWS_289")],
    remediation: "Name the resources whose permissions the principal must manage, or move permissions management to a separate, guarded role.",
    doc: r#"## What it checks
Every identity policy document the resource defines (inline policies of roles, users and groups;
managed and standalone policies): no `Allow` statement on `"Resource": "*"` may grant actions of
the *permissions management* access level (`iam:PutRolePolicy`, `iam:AttachUserPolicy`,
`s3:PutBucketPolicy`, `kms:PutKeyPolicy`, `secretsmanager:PutResourcePolicy`, ...).

Wildcards (`iam:*`, `s3:Get*`) and `NotAction` are expanded through the IAM action database;
actions a statement of the same document denies on every resource are left out, and so are
actions that support no resource-level permissions (they can only be granted on `*`, like
`ecr:GetAuthorizationToken` or `xray:PutTraceSegments`). Each document is checked once, where
it is written.

## Why it matters
Permissions-management actions change who can do what: a principal holding them on every
resource can open any bucket or key to the world, or give itself and others new permissions.
They are the actions an attacker looks for first.

## Remediation
```yaml
Statement:
  - Effect: Allow
    Action: s3:PutBucketPolicy
    Resource: !GetAtt Logs.Arn
```
```hcl
statement {
  actions   = ["s3:PutBucketPolicy"]
  resources = [aws_s3_bucket.logs.arn]
}
```
"#,
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    risky_category(
        res,
        model,
        |r| &r.permissions_management,
        "permissions-management actions",
    )
}
