use wasp_core::Severity;
use wasp_model::{Model, Resource};

use super::engine::risky_category;
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-IAM-006",
    name: "iam-policy-data-exfiltration",
    title: "IAM policy allows reading stored data on all resources",
    severity: Severity::Medium,
    area: Area::Identity,
    best_practices: &["SEC03-BP02"],
    kinds: super::POLICY_HOLDERS,
    references: &[checkov("CKV_AWS_108"), checkov("CKV_AWS_288")],
    remediation: "Name the buckets, tables, parameters, secrets and keys the principal reads instead of `\"Resource\": \"*\"`.",
    doc: r#"## What it checks
Every identity policy document the resource defines: no `Allow` statement on
`"Resource": "*"` may grant an action that reads stored data out of its store
(`s3:GetObject`, `ssm:GetParameter*`, `secretsmanager:GetSecretValue`, `kms:Decrypt`,
`dynamodb:Scan`/`Query`/`GetItem`, `rds:CopyDBSnapshot`, `ec2:CreateSnapshot`).

Wildcards (`iam:*`, `s3:Get*`) and `NotAction` are expanded through the IAM action database;
actions a statement of the same document denies on every resource are left out, and so are
actions that support no resource-level permissions (they can only be granted on `*`, like
`ecr:GetAuthorizationToken` or `xray:PutTraceSegments`). Each document is checked once, where
it is written.

## Why it matters
Unrestricted `s3:GetObject` and `secretsmanager:GetSecretValue` are behind a long history of data
leaks: one compromised workload with them reads every object and secret of the account, not
only its own.

## Remediation
```yaml
Statement:
  - Effect: Allow
    Action: secretsmanager:GetSecretValue
    Resource: !Ref DbSecret
```
```hcl
statement {
  actions   = ["secretsmanager:GetSecretValue"]
  resources = [aws_secretsmanager_secret.db.arn]
}
```
"#,
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    risky_category(
        res,
        model,
        |r| &r.data_exfiltration,
        "actions that read stored data",
    )
}
