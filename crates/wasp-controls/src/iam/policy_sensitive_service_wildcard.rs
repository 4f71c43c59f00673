use wasp_core::Severity;
use wasp_iam::Effect;
use wasp_model::{Model, Resource};

use super::engine::{each_own_policy, statement_pos};
use crate::helpers::fail;
use crate::{Area, Outcome};

crate::declare! {
    id: "WASP-IAM-010",
    name: "iam-policy-sensitive-service-wildcard",
    title: "IAM policy allows every action of a sensitive service",
    severity: Severity::Medium,
    area: Area::Identity,
    best_practices: &["SEC03-BP02"],
    kinds: super::POLICY_HOLDERS,
    references: &[],
    remediation: "Replace `service:*` with the actions used (`s3:GetObject`, `kms:Decrypt`), or with read-only prefixes (`ec2:Describe*`).",
    doc: r#"## What it checks
Every identity policy document the resource defines: no `Allow` statement may grant a whole
sensitive service with `service:*` (or `service:*` written with other wildcards only, such as
`iam:*`, `s3:*`), on any resource. The services counted as sensitive are those that hold
identities, keys, secrets, data or the account's guardrails: `iam`, `sts`, `organizations`,
`sso`, `identitystore`, `kms`, `secretsmanager`, `ssm`, `acm-pca`, `s3`, `dynamodb`, `rds`,
`ec2`, `lambda`, `ecr`, `eks`, `ecs`, `cloudformation`, `cloudtrail`, `config`, `guardduty`,
`securityhub`, `logs`, `backup`, `cognito-idp`, `cognito-identity`, `route53`.
Prefixes such as `ec2:Describe*` pass.

## Why it matters
`s3:*` includes `s3:PutBucketPolicy` and `s3:DeleteBucket`; `kms:*` includes
`kms:ScheduleKeyDeletion` and `kms:PutKeyPolicy`; `iam:*` is administrator access one call
away. A service wildcard is rarely what a workload needs and always what an attacker wants.

## Remediation
```yaml
Statement:
  - Effect: Allow
    Action: ["kms:Decrypt", "kms:GenerateDataKey"]
    Resource: !GetAtt DataKey.Arn
```
```hcl
statement {
  actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
  resources = [aws_kms_key.data.arn]
}
```
"#,
}

const SENSITIVE: &[&str] = &[
    "iam",
    "sts",
    "organizations",
    "sso",
    "identitystore",
    "kms",
    "secretsmanager",
    "ssm",
    "acm-pca",
    "s3",
    "dynamodb",
    "rds",
    "ec2",
    "lambda",
    "ecr",
    "eks",
    "ecs",
    "cloudformation",
    "cloudtrail",
    "config",
    "guardduty",
    "securityhub",
    "logs",
    "backup",
    "cognito-idp",
    "cognito-identity",
    "route53",
];

/// The sensitive service an action pattern grants whole (`s3:*`, `S3:**`).
fn whole_service(pattern: &str) -> Option<&'static str> {
    let (svc, action) = pattern.split_once(':')?;
    if action.is_empty() || !action.bytes().all(|b| b == b'*') {
        return None;
    }
    SENSITIVE
        .iter()
        .copied()
        .find(|s| s.eq_ignore_ascii_case(svc))
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    each_own_policy(res, model, |name, node, policy| {
        let mut out = Vec::new();
        for s in &policy.statements {
            if s.effect != Some(Effect::Allow) {
                continue;
            }
            let Some(a) = s.action.as_ref().filter(|a| !a.negated) else {
                continue;
            };
            let services: Vec<&str> = a.values.iter().filter_map(|v| whole_service(v)).collect();
            if services.is_empty() {
                continue;
            }
            out.push(fail(
                format!(
                    "policy `{name}` {} allows every action of {}",
                    s.label(),
                    services
                        .iter()
                        .map(|s| format!("`{s}:*`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                Some(statement_pos(Some(node), s.index, node.pos)),
            ));
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::whole_service;

    #[test]
    fn only_whole_services() {
        assert_eq!(whole_service("s3:*"), Some("s3"));
        assert_eq!(whole_service("IAM:**"), Some("iam"));
        assert_eq!(whole_service("ec2:Describe*"), None);
        assert_eq!(whole_service("xray:*"), None);
        assert_eq!(whole_service("*"), None);
    }
}
