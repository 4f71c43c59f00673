use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::secret;
use crate::{fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-CODEBUILD-002",
    name: "codebuild-plaintext-secret-in-environment",
    title: "CodeBuild environment variable holds a plaintext secret",
    severity: Severity::High,
    area: Area::Identity,
    best_practices: &["SEC02-BP03", "SEC11-BP07"],
    kinds: &[KindTag::BuildProject],
    references: &[fsbp("CodeBuild.2")],
    remediation: "Store the secret in Secrets Manager or Parameter Store and declare the variable with Type SECRETS_MANAGER or PARAMETER_STORE, its value being the secret's name.",
    doc: r#"## What it checks
The project's environment variables of type `PLAINTEXT` (the default): a value that looks like
an AWS access key or a private key, a literal value for `AWS_ACCESS_KEY_ID` or
`AWS_SECRET_ACCESS_KEY`, or a literal value for a variable whose name says it is a secret
(password, secret, token, API key, private key, credentials) fails. Variables of type
`SECRETS_MANAGER` or `PARAMETER_STORE` hold a name, not the secret, and pass.

## Why it matters
Plaintext build variables are shown to anyone allowed `codebuild:BatchGetProjects`, printed by
any build step that dumps its environment, and kept in templates and state files. Build
credentials (registry tokens, signing keys, deploy keys) are exactly what an attacker needs to
tamper with the software supply chain.

## Remediation
```yaml
EnvironmentVariables:
  - Name: NPM_TOKEN
    Type: SECRETS_MANAGER
    Value: ci/npm-token
```
```hcl
environment_variable {
  name  = "NPM_TOKEN"
  type  = "SECRETS_MANAGER"
  value = "ci/npm-token"
}
```
"#,
}

const CREDENTIAL_NAMES: &[&str] = &["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"];

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(p) = super::project(res) else {
        return vec![];
    };
    let mut out = Vec::new();
    for v in &p.environment {
        match &v.var_type {
            Value::Known(t, _) if !t.eq_ignore_ascii_case("PLAINTEXT") => continue,
            Value::Unknown(r, pos) => {
                out.push(unknown(format!("variable type: {r}"), Some(*pos)));
                continue;
            }
            _ => {}
        }
        let name = match &v.name {
            Value::Known(n, _) => n.as_str(),
            _ => "*",
        };
        let secret = secret::variable_name(name) || CREDENTIAL_NAMES.contains(&name);
        match &v.value {
            Value::Known(val, pos) => {
                if secret::is_secret_value(val) {
                    out.push(fail(
                        format!("`{name}` holds what looks like an access key or private key"),
                        Some(*pos),
                    ));
                } else if secret && !secret::is_reference(val) {
                    out.push(fail(
                        format!("`{name}` holds a literal secret value"),
                        Some(*pos),
                    ));
                }
            }
            val @ Value::Unknown(r, pos) if secret && !val.is_reference() => {
                out.push(unknown(format!("`{name}`: {r}"), Some(*pos)))
            }
            _ => {}
        }
    }
    if let Some((reason, pos)) = &p.environment_unknown {
        out.push(unknown(
            format!("environment variables: {reason}"),
            Some(*pos),
        ));
    }
    if out.is_empty() {
        out.push(Outcome::Pass);
    }
    out
}
