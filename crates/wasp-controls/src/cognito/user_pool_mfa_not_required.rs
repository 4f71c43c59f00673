use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-COGNITO-001",
    name: "cognito-user-pool-mfa-not-required",
    title: "Cognito user pool does not require MFA",
    severity: Severity::Medium,
    area: Area::Identity,
    best_practices: &["SEC02-BP01"],
    kinds: &[KindTag::UserPool],
    references: &[fsbp("Cognito.5")],
    remediation: "Set `MfaConfiguration` / `mfa_configuration` to `ON` with a TOTP (software token) or SMS second factor.",
    doc: r#"## What it checks
That the user pool's `MfaConfiguration` (`mfa_configuration`) is `ON`. The default, `OFF`, fails;
`OPTIONAL` fails too, since users can then sign in with a password alone. Pools whose users all
sign in through federation or passwordless factors get their MFA elsewhere; the template cannot
tell, so such pools should set `ON` or suppress this control with a reason.

## Why it matters
Application users reuse passwords, and credential stuffing against public sign-in pages is
constant. A second factor turns a leaked password list into failed sign-ins.

## Remediation
```yaml
UserPool:
  Type: AWS::Cognito::UserPool
  Properties:
    MfaConfiguration: "ON"
    EnabledMfas:
      - SOFTWARE_TOKEN_MFA
```
```hcl
resource "aws_cognito_user_pool" "users" {
  name              = "users"
  mfa_configuration = "ON"
  software_token_mfa_configuration {
    enabled = true
  }
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::UserPool(p) = &res.kind else {
        return vec![];
    };
    let name = res.property("mfa");
    match &p.mfa {
        Value::Known(m, _) if m.eq_ignore_ascii_case("on") => vec![Outcome::Pass],
        Value::Known(m, pos) => vec![fail(
            format!("{name} is `{m}`: users can sign in with a password alone"),
            Some(*pos),
        )],
        Value::Absent => vec![fail(format!("{name} is not set (defaults to OFF)"), None)],
        Value::Unknown(r, pos) => vec![unknown(format!("{name}: {r}"), Some(*pos))],
    }
}
