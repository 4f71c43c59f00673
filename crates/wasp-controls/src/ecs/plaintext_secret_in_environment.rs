use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::secret;
use crate::{fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-ECS-006",
    name: "ecs-plaintext-secret-in-environment",
    title: "ECS container environment holds a plaintext secret",
    severity: Severity::High,
    area: Area::Identity,
    best_practices: &["SEC02-BP03"],
    kinds: &[KindTag::TaskDefinition],
    references: &[fsbp("ECS.8")],
    remediation: "Move the value to Secrets Manager or SSM Parameter Store and reference it under the container's Secrets (`secrets`) with valueFrom.",
    doc: r#"## What it checks
The plain `Environment` (`environment`) variables of every container definition: a value that
looks like an AWS access key or a private key, a literal value for `AWS_ACCESS_KEY_ID`,
`AWS_SECRET_ACCESS_KEY` or `ECS_ENGINE_AUTH_DATA`, or a literal value for a variable whose
name says it is a secret (password, secret, token, API key, private key, credentials) fails.
ARNs and dynamic references pass. Variables passed through `Secrets` (`secrets`) are not
environment values and are not checked.

## Why it matters
Environment values are stored in the task definition in plain text: anyone allowed
`ecs:DescribeTaskDefinition` reads them, every revision keeps them forever, and they end up in
templates, state files and CI logs. The `secrets` field injects the same variable at start
time from a store that encrypts, audits and rotates it.

## Remediation
```yaml
ContainerDefinitions:
  - Name: app
    Image: public.ecr.aws/nginx/nginx:1.27
    Secrets:
      - Name: DB_PASSWORD
        ValueFrom: !Ref DbPasswordSecret
```
```hcl
container_definitions = jsonencode([{
  name  = "app"
  image = "public.ecr.aws/nginx/nginx:1.27"
  secrets = [{
    name      = "DB_PASSWORD"
    valueFrom = aws_secretsmanager_secret.db.arn
  }]
}])
```
"#,
}

/// Names Security Hub's ECS.8 singles out, whatever the word-splitting says.
const CREDENTIAL_NAMES: &[&str] = &[
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "ECS_ENGINE_AUTH_DATA",
];

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    super::per_container(res, |c| {
        let mut out = Vec::new();
        for (name, value) in &c.environment {
            let secret = secret::variable_name(name) || CREDENTIAL_NAMES.contains(&name.as_str());
            match value {
                Value::Known(v, p) => {
                    if secret::is_secret_value(v) {
                        out.push(fail(
                            format!(
                                "{}: `{name}` holds what looks like an access key or private key",
                                super::label(c)
                            ),
                            Some(*p),
                        ));
                    } else if secret && !secret::is_reference(v) {
                        out.push(fail(
                            format!("{}: `{name}` holds a literal secret value", super::label(c)),
                            Some(*p),
                        ));
                    }
                }
                Value::Unknown(r, p) if (secret || name == "*") && !value.is_reference() => {
                    out.push(unknown(format!("`{name}`: {r}"), Some(*p)))
                }
                _ => {}
            }
        }
        out
    })
}
