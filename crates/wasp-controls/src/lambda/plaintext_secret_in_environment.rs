use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::secret;
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-LAMBDA-002",
    name: "lambda-plaintext-secret-in-environment",
    title: "Lambda environment variable holds a plaintext secret",
    severity: Severity::High,
    area: Area::Identity,
    best_practices: &["SEC02-BP03"],
    kinds: &[KindTag::Function],
    references: &[checkov("CKV_AWS_45")],
    remediation: "Store the secret in Secrets Manager or SSM Parameter Store (SecureString) and read it at run time; pass only its name or ARN.",
    doc: r#"## What it checks
The function's environment variables: a value that looks like an AWS access key or a private
key, or a variable whose name says it is a secret (password, secret, token, API key, private
key, credentials) with a literal value, fails. Values that are references (Secrets Manager or
SSM ARNs, CloudFormation dynamic references `{{resolve:...}}`) pass.

## Why it matters
Environment variables are returned in plain text to anyone allowed
`lambda:GetFunctionConfiguration`, are copied into templates, state files and CI logs, and
cannot be rotated without a redeploy. A secret there is a secret shared with every reader of
the configuration.

## Remediation
```yaml
Environment:
  Variables:
    DB_PASSWORD_SECRET_ARN: !Ref DbPasswordSecret
```
```hcl
environment {
  variables = {
    DB_PASSWORD_SECRET_ARN = aws_secretsmanager_secret.db.arn
  }
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::Function(f) = &res.kind else {
        return vec![];
    };
    let mut out = Vec::new();
    for (name, value) in &f.environment {
        match value {
            Value::Known(v, p) => {
                if secret::is_secret_value(v) {
                    out.push(fail(
                        format!("`{name}` holds what looks like an access key or private key"),
                        Some(*p),
                    ));
                } else if secret::variable_name(name) && !secret::is_reference(v) {
                    out.push(fail(
                        format!("`{name}` holds a literal secret value"),
                        Some(*p),
                    ));
                }
            }
            Value::Unknown(r, p) if secret::variable_name(name) && !value.is_reference() => {
                out.push(unknown(format!("`{name}`: {r}"), Some(*p)))
            }
            _ => {}
        }
    }
    if out.is_empty() {
        out.push(Outcome::Pass);
    }
    out
}
