use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::helpers::fail;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-SECRETS-001",
    name: "secrets-rotation-disabled",
    title: "Secrets Manager secret has no automatic rotation",
    severity: Severity::Medium,
    area: Area::Identity,
    best_practices: &["SEC02-BP05"],
    kinds: &[KindTag::Secret],
    references: &[fsbp("SecretsManager.1"), checkov("CKV2_AWS_57")],
    remediation: "Add a rotation schedule (`AWS::SecretsManager::RotationSchedule`, `aws_secretsmanager_secret_rotation`) with a rotation function.",
    doc: r#"## What it checks
That the secret has automatic rotation configured: an `AWS::SecretsManager::RotationSchedule`
or `aws_secretsmanager_secret_rotation` of the same template or module pointing at it (or, with
Terraform AWS provider versions before 5, a `rotation_rules` block on the secret).

## Why it matters
A secret that never changes stays valid for as long as any copy of it exists: in a developer's
shell history, a log line, a former employee's notes. Rotation bounds how long a leaked value
is worth anything, and proves the applications can survive a change before an incident forces
one.

## Remediation
```yaml
DbSecretRotation:
  Type: AWS::SecretsManager::RotationSchedule
  Properties:
    SecretId: !Ref DbSecret
    HostedRotationLambda:
      RotationType: PostgreSQLSingleUser
    RotationRules:
      AutomaticallyAfterDays: 30
```
```hcl
resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = aws_secretsmanager_secret.db.id
  rotation_lambda_arn = aws_lambda_function.rotate_db.arn
  rotation_rules {
    automatically_after_days = 30
  }
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(s) = super::secret(res) else {
        return vec![];
    };
    match s.rotation {
        Some(_) => vec![Outcome::Pass],
        None => vec![fail(
            "no rotation schedule is configured for the secret",
            None,
        )],
    }
}
