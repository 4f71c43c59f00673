use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use super::engine::supplied_at_deploy;
use crate::helpers::{fail, unknown};
use crate::{Area, Outcome};

crate::declare! {
    id: "WASP-IAM-019",
    name: "iam-user-plaintext-console-password",
    title: "IAM user console password is written in the source or kept in plaintext state",
    severity: Severity::High,
    area: Area::Identity,
    best_practices: &["SEC02-BP03"],
    kinds: &[KindTag::User],
    references: &[],
    remediation: "Take the initial password from a dynamic reference or a NoEcho parameter (CloudFormation), or set `pgp_key` on the login profile (Terraform), and require a reset at first sign-in.",
    doc: r#"## What it checks
Users with a console password. In CloudFormation, `LoginProfile.Password` must not be a literal
(a parameter without default given at deploy time, or a dynamic reference
`{{resolve:secretsmanager:...}}`, passes; a parameter default is a literal). In Terraform,
`aws_iam_user_login_profile` generates the password and stores it in the state in plaintext
unless `pgp_key` is set: without it, the control fails.

## Why it matters
A password in a template is in every clone of the repository, every CI log that prints the
template and every copy of the stack's history; a password in the state is readable by everyone
who can read the state bucket. Either way it outlives the first sign-in it was meant for.

## Remediation
```yaml
LoginProfile:
  Password: "{{resolve:secretsmanager:initial-passwords:SecretString:alice}}"
  PasswordResetRequired: true
```
```hcl
resource "aws_iam_user_login_profile" "alice" {
  user                    = aws_iam_user.alice.name
  pgp_key                 = "keybase:alice"
  password_reset_required = true
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::User(u) = &res.kind else {
        return vec![];
    };
    if u.login_profile.is_absent() {
        return vec![];
    }
    let mut out = Vec::new();
    match &u.login_password {
        Value::Known(pw, p) if !pw.is_empty() && !pw.starts_with("{{resolve:") => out.push(fail(
            "the initial console password is written in the source",
            Some(*p),
        )),
        Value::Unknown(r, p) if !supplied_at_deploy(r) && !u.login_password.is_reference() => {
            out.push(unknown(format!("console password: {r}"), Some(*p)))
        }
        _ => {}
    }
    if let Value::Known(true, p) = &u.login_password_in_state {
        out.push(fail(
            "the generated console password is stored in plaintext in the state (no `pgp_key`)",
            Some(*p),
        ));
    }
    if out.is_empty() {
        out.push(Outcome::Pass);
    }
    out
}
