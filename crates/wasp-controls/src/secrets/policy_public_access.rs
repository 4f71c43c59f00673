use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::resource_policy::must_not_be_public;
use crate::{Area, Outcome};

crate::declare! {
    id: "WASP-SECRETS-005",
    name: "secrets-policy-public-access",
    title: "Secrets Manager secret policy allows access to anyone",
    severity: Severity::Critical,
    area: Area::Identity,
    best_practices: &["SEC03-BP07"],
    kinds: &[KindTag::Secret],
    references: &[],
    remediation: "Name the principals that may read the secret in the resource policy, or restrict `\"*\"` with an `aws:PrincipalOrgID` or `aws:PrincipalAccount` condition; keep `BlockPublicPolicy: true`.",
    doc: r#"## What it checks
The secret's resource policy (`AWS::SecretsManager::ResourcePolicy`, the `policy` argument of
`aws_secretsmanager_secret` or `aws_secretsmanager_secret_policy`): no `Allow` statement may
admit every principal (`"*"`, `{"AWS": "*"}`, `NotPrincipal`) without a condition that really
restricts the caller (organization, account, principal ARN, network), as IAM Access Analyzer
treats them. Secrets without a resource policy pass.

## Why it matters
A resource policy open to `*` lets principals of any AWS account read (or change) the secret,
subject only to the key policy of its KMS key. Secrets Manager blocks such policies when
`BlockPublicPolicy` is set, but templates often turn it off to make a cross-account share work.

## Remediation
```yaml
DbSecretPolicy:
  Type: AWS::SecretsManager::ResourcePolicy
  Properties:
    SecretId: !Ref DbSecret
    BlockPublicPolicy: true
    ResourcePolicy:
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Principal:
            AWS: !GetAtt AppRole.Arn
          Action: secretsmanager:GetSecretValue
          Resource: "*"
```
```hcl
resource "aws_secretsmanager_secret_policy" "db" {
  secret_arn          = aws_secretsmanager_secret.db.arn
  block_public_policy = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = aws_iam_role.app.arn }
      Action    = "secretsmanager:GetSecretValue"
      Resource  = "*"
    }]
  })
}
```
"#,
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    let Some(d) = super::secret(res).and_then(|s| s.policy.as_ref()) else {
        return vec![];
    };
    must_not_be_public(d, model)
}
