use std::sync::LazyLock;

use regex::Regex;
use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, Area, Meta, Outcome};

pub static META: Meta = wasp_control::meta! {
    id: "WASP-LAMBDA-002",
    name: "lambda-plaintext-secret-in-environment",
    title: "Lambda environment variable holds a plaintext secret",
    severity: Severity::High,
    area: Area::Identity,
    best_practices: &["SEC02-BP03"],
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
};

/// The resource kinds it applies to; others are skipped without calling [`check`].
pub const KINDS: &[KindTag] = &[KindTag::Function];

pub(crate) static SECRET_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b)|(?:-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----)",
    )
    .expect("valid regex")
});

/// Does a variable name say it holds a secret? The name is split into words at `_`, `-`, `.`
/// and lower-to-upper case changes (`DB_PASSWORD`, `apiKey`), so `PASSENGER_TABLE` or
/// `CACHE_BYPASS` are not taken for passwords.
pub(crate) fn secret_name(name: &str) -> bool {
    crate::helpers::names_secret(
        name,
        &['_', '-', '.'],
        &[
            "pass",
            "password",
            "passwd",
            "pwd",
            "passphrase",
            "secret",
            "secrets",
            "token",
            "credential",
            "credentials",
            "apikey",
        ],
        &["api", "private", "auth"],
    )
}

/// A value that points at a secret store rather than holding the secret.
pub(crate) fn is_reference(v: &str) -> bool {
    v.starts_with("arn:") || v.starts_with("{{resolve:") || v.is_empty()
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::Function(f) = &res.kind else {
        return vec![];
    };
    let mut out = Vec::new();
    for (name, value) in &f.environment {
        match value {
            Value::Known(v, p) => {
                if SECRET_VALUE.is_match(v) {
                    out.push(fail(
                        format!("`{name}` holds what looks like an access key or private key"),
                        Some(*p),
                    ));
                } else if secret_name(name) && !is_reference(v) {
                    out.push(fail(
                        format!("`{name}` holds a literal secret value"),
                        Some(*p),
                    ));
                }
            }
            Value::Unknown(r, p) if secret_name(name) && !value.is_reference() => {
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

#[cfg(test)]
mod tests {
    use super::secret_name;

    #[test]
    fn secret_names_are_whole_words() {
        for n in [
            "DB_PASSWORD",
            "password",
            "apiKey",
            "API_KEY",
            "STRIPE_SECRET",
            "authToken",
            "PRIVATE_KEY",
            "db-pass",
        ] {
            assert!(secret_name(n), "{n}");
        }
        for n in [
            "PASSENGER_TABLE",
            "CACHE_BYPASS",
            "TOKENIZER_MODEL",
            "KEY_PREFIX",
            "COMPASS",
        ] {
            assert!(!secret_name(n), "{n}");
        }
    }
}
