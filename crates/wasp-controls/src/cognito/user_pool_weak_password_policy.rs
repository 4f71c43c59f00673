use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, must_be_true, unknown};
use crate::{fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-COGNITO-003",
    name: "cognito-user-pool-weak-password-policy",
    title: "Cognito user pool password policy is weak",
    severity: Severity::Medium,
    area: Area::Identity,
    best_practices: &["SEC02-BP01"],
    kinds: &[KindTag::UserPool],
    references: &[fsbp("Cognito.3")],
    remediation: "Require at least 8 characters (more is better) with lowercase, uppercase, numbers and symbols, and temporary passwords valid for 7 days or less.",
    doc: r#"## What it checks
The user pool's password policy (`Policies.PasswordPolicy`, `password_policy`), against the
AWS Foundational Security Best Practices defaults: a minimum length of at least 8, lowercase,
uppercase, numbers and symbols all required, and temporary passwords valid for at most 7 days.
A pool that sets no password policy gets Cognito's default, which meets them; a policy that is
set but leaves a requirement out turns that requirement off.

## Why it matters
Short passwords or passwords from a single character class fall to guessing and credential
stuffing; long-lived temporary passwords sent by email or SMS are a standing way in for whoever
intercepts them.

## Remediation
```yaml
Policies:
  PasswordPolicy:
    MinimumLength: 12
    RequireLowercase: true
    RequireUppercase: true
    RequireNumbers: true
    RequireSymbols: true
    TemporaryPasswordValidityDays: 3
```
```hcl
password_policy {
  minimum_length                   = 12
  require_lowercase                = true
  require_uppercase                = true
  require_numbers                  = true
  require_symbols                  = true
  temporary_password_validity_days = 3
}
```
"#,
}

fn bound(
    v: &Value<i64>,
    default: i64,
    ok: impl Fn(i64) -> bool,
    what: &str,
    rule: &str,
) -> Outcome {
    match v {
        Value::Known(n, _) if ok(*n) => Outcome::Pass,
        Value::Known(n, p) => fail(format!("{what} is {n} (must be {rule})"), Some(*p)),
        Value::Absent if ok(default) => Outcome::Pass,
        Value::Absent => fail(format!("{what} is not set (must be {rule})"), None),
        Value::Unknown(r, p) => unknown(format!("{what}: {r}"), Some(*p)),
    }
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::UserPool(p) = &res.kind else {
        return vec![];
    };
    let Some(pp) = &p.password_policy else {
        return vec![Outcome::Pass];
    };
    let classes = [
        (
            &pp.require_lowercase,
            res.property("password_policy.require_lowercase"),
        ),
        (
            &pp.require_uppercase,
            res.property("password_policy.require_uppercase"),
        ),
        (
            &pp.require_numbers,
            res.property("password_policy.require_numbers"),
        ),
        (
            &pp.require_symbols,
            res.property("password_policy.require_symbols"),
        ),
    ];
    let mut out: Vec<Outcome> = std::iter::once(bound(
        &pp.minimum_length,
        8,
        |n| n >= 8,
        res.property("password_policy.minimum_length"),
        "at least 8",
    ))
    .chain(
        classes
            .into_iter()
            .map(|(v, name)| must_be_true(v, false, name)),
    )
    .chain(std::iter::once(bound(
        &pp.temporary_password_validity_days,
        7,
        |n| (1..=7).contains(&n),
        res.property("password_policy.temporary_password_validity_days"),
        "at most 7",
    )))
    .filter(|o| *o != Outcome::Pass)
    .collect();
    if out.is_empty() {
        out.push(Outcome::Pass);
    }
    out
}
