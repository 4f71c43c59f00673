use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-SECRETS-003",
    name: "secrets-not-encrypted-with-customer-managed-key",
    title: "Secrets Manager secret is encrypted with the AWS managed key",
    severity: Severity::Low,
    area: Area::Identity,
    best_practices: &["SEC02-BP03", "SEC08-BP01"],
    kinds: &[KindTag::Secret],
    references: &[checkov("CKV_AWS_149")],
    remediation: "Set `KmsKeyId` / `kms_key_id` to a customer managed KMS key whose key policy names the principals that may decrypt the secret.",
    doc: r#"## What it checks
That the secret's `KmsKeyId` (`kms_key_id`) is set to a customer managed key. Left out, or set
to `alias/aws/secretsmanager`, the secret is encrypted with the AWS managed key.

## Why it matters
The AWS managed key's policy lets every principal of the account that may call Secrets Manager
use it: access to the secret is then governed by IAM policies alone. A customer managed key adds
a second, independent control (its key policy), can be shared across accounts, and its use is
logged under a key you own and can disable.

## Remediation
```yaml
DbSecret:
  Type: AWS::SecretsManager::Secret
  Properties:
    KmsKeyId: !Ref SecretsKey
    GenerateSecretString:
      PasswordLength: 32
```
```hcl
resource "aws_secretsmanager_secret" "db" {
  name       = "db"
  kms_key_id = aws_kms_key.secrets.arn
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(s) = super::secret(res) else {
        return vec![];
    };
    match &s.kms_key {
        Value::Absent => vec![fail(
            "no KMS key is set: the AWS managed key aws/secretsmanager encrypts the secret",
            None,
        )],
        Value::Known(k, p) if k.ends_with("alias/aws/secretsmanager") => vec![fail(
            "the secret is encrypted with the AWS managed key aws/secretsmanager",
            Some(*p),
        )],
        Value::Known(..) => vec![Outcome::Pass],
        v if v.is_reference() => vec![Outcome::Pass],
        Value::Unknown(r, p) => vec![unknown(format!("KMS key: {r}"), Some(*p))],
    }
}
