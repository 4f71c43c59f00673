use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::iam::engine::supplied_at_deploy;
use crate::{Area, Outcome};

crate::declare! {
    id: "WASP-SECRETS-004",
    name: "secrets-plaintext-value-in-source",
    title: "Secrets Manager secret value is written in the source",
    severity: Severity::High,
    area: Area::Identity,
    best_practices: &["SEC02-BP03"],
    kinds: &[KindTag::Secret],
    references: &[],
    remediation: "Let Secrets Manager generate the value (`GenerateSecretString`, `random_password` with the rotation function), or pass it at deploy time (NoEcho parameter, sensitive variable without default).",
    doc: r#"## What it checks
The secret's value as the source gives it: `SecretString` of `AWS::SecretsManager::Secret`, or
`secret_string` / `secret_string_wo` of each `aws_secretsmanager_secret_version`. A literal
fails, including one that comes from a parameter or variable default. A value generated
(`GenerateSecretString`), taken from another resource (`random_password.db.result`), a dynamic
reference (`{{resolve:...}}`), or supplied at deploy time (a NoEcho parameter or a variable
without default) passes.

## Why it matters
A secret in a template is no secret: it is in the repository's history, in every clone and fork,
in CI logs, and for Terraform in the state. Rotating it means editing code, and the old value
stays in the history forever.

## Remediation
```yaml
DbSecret:
  Type: AWS::SecretsManager::Secret
  Properties:
    GenerateSecretString:
      SecretStringTemplate: '{"username": "app"}'
      GenerateStringKey: password
      PasswordLength: 32
```
```hcl
resource "random_password" "db" {
  length = 32
}

resource "aws_secretsmanager_secret_version" "db" {
  secret_id     = aws_secretsmanager_secret.db.id
  secret_string = random_password.db.result
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(s) = super::secret(res) else {
        return vec![];
    };
    let mut out = Vec::new();
    for v in &s.values {
        match v {
            Value::Known(text, p) if !text.is_empty() && !text.starts_with("{{resolve:") => {
                out.push(fail("the secret value is written in the source", Some(*p)))
            }
            Value::Unknown(r, p) if !v.is_reference() && !supplied_at_deploy(r) => {
                out.push(unknown(format!("secret value: {r}"), Some(*p)))
            }
            _ => {}
        }
    }
    if out.is_empty() {
        out.push(Outcome::Pass);
    }
    out
}
