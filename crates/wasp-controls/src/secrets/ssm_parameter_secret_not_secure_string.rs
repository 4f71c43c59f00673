use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::secret;
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-SECRETS-006",
    name: "ssm-parameter-secret-not-secure-string",
    title: "SSM parameter named as a secret is not a SecureString",
    severity: Severity::Medium,
    area: Area::Identity,
    best_practices: &["SEC02-BP03"],
    kinds: &[KindTag::SsmParameter],
    references: &[checkov("CKV2_AWS_34")],
    remediation: "Store the secret as a `SecureString` parameter (Terraform) or in Secrets Manager (CloudFormation cannot create SecureString parameters).",
    doc: r#"## What it checks
SSM Parameter Store parameters whose name says they hold a secret (a path segment or word such
as `password`, `passwd`, `secret`, `token`, `credentials`, `api-key`, `private-key`): their type
must be `SecureString`. Parameters of type `String` or `StringList` with such a name fail;
parameters with other names pass. CloudFormation's `AWS::SSM::Parameter` cannot create a
`SecureString` at all: a secret there belongs in Secrets Manager.

## Why it matters
`String` parameters are stored and returned unencrypted: anyone allowed `ssm:GetParameter`,
`ssm:DescribeParameters` with values, or the console's Parameter Store view reads them, and the
value is also in the template or state that created it. `SecureString` values are encrypted
with KMS, and reading them needs `kms:Decrypt` on the key.

## Remediation
```yaml
DbPassword:
  Type: AWS::SecretsManager::Secret
  Properties:
    Name: /app/prod/db/password
    GenerateSecretString:
      PasswordLength: 32
```
```hcl
resource "aws_ssm_parameter" "db_password" {
  name   = "/app/prod/db/password"
  type   = "SecureString"
  key_id = aws_kms_key.params.arn
  value  = random_password.db.result
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::SsmParameter(p) = &res.kind else {
        return vec![];
    };
    let name = match &p.name {
        Value::Known(n, _) => n.as_str(),
        // CloudFormation generates a name; nothing says it is a secret.
        Value::Absent => return vec![Outcome::Pass],
        Value::Unknown(r, pos) => {
            return match &p.param_type {
                Value::Known(t, _) if t == "SecureString" => vec![Outcome::Pass],
                _ => vec![unknown(format!("parameter name: {r}"), Some(*pos))],
            }
        }
    };
    if !secret::parameter_name(name) {
        return vec![Outcome::Pass];
    }
    match &p.param_type {
        Value::Known(t, _) if t == "SecureString" => vec![Outcome::Pass],
        Value::Known(t, pos) => vec![fail(
            format!("parameter `{name}` holds a secret but is a plaintext `{t}`"),
            Some(*pos),
        )],
        Value::Absent => vec![fail(
            format!("parameter `{name}` holds a secret but has no type (plaintext)"),
            None,
        )],
        Value::Unknown(r, pos) => vec![unknown(format!("parameter type: {r}"), Some(*pos))],
    }
}
