use wasp_core::Severity;
use wasp_iam::condition::BaseOp;
use wasp_iam::Effect;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use super::engine::combined;
use crate::helpers::{fail, unknown};
use crate::{cis, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-IAM-018",
    name: "iam-user-console-access-without-mfa-enforcement",
    title: "IAM user with console access has no policy enforcing MFA",
    severity: Severity::Medium,
    area: Area::Identity,
    best_practices: &["SEC02-BP01"],
    kinds: &[KindTag::User],
    references: &[cis("1.10"), fsbp("IAM.5")],
    remediation: "Federate people through IAM Identity Center; if the IAM user must stay, attach (through its group) a policy that denies everything but MFA self-management without `aws:MultiFactorAuthPresent`.",
    doc: r#"## What it checks
Users with a console password (`LoginProfile`, `aws_iam_user_login_profile`): among all the
policies that apply to the user (its own, those attached to it and those of its groups), one
must deny access when MFA is absent: a `Deny` statement conditioned on
`aws:MultiFactorAuthPresent` being `false` (`Bool` / `BoolIfExists`) or missing (`Null`).

Whether an MFA device is actually assigned cannot be seen in a template or module: MFA devices
are registered by the user after deployment. What the code can show is that the account refuses
to work without one, and that is what this control looks for. Users without a console password
pass.

## Why it matters
A password alone is phished, guessed or reused from another breach; the console is where a
stolen password is worth the most. Enforcing MFA in policy makes a user without a device unable
to do anything but set one up.

## Remediation
```yaml
Statement:
  - Sid: DenyAllExceptMfaSetupWithoutMfa
    Effect: Deny
    NotAction: ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetUser", "iam:ListMFADevices", "sts:GetSessionToken"]
    Resource: "*"
    Condition:
      BoolIfExists:
        aws:MultiFactorAuthPresent: "false"
```
```hcl
statement {
  sid         = "DenyAllExceptMfaSetupWithoutMfa"
  effect      = "Deny"
  not_actions = ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetUser", "iam:ListMFADevices", "sts:GetSessionToken"]
  resources   = ["*"]
  condition {
    test     = "BoolIfExists"
    variable = "aws:MultiFactorAuthPresent"
    values   = ["false"]
  }
}
```
"#,
}

fn enforces_mfa(s: &wasp_iam::Statement) -> bool {
    s.effect == Some(Effect::Deny)
        && s.conditions.iter().any(|c| {
            c.key.eq_ignore_ascii_case("aws:MultiFactorAuthPresent")
                && match c.operator.base {
                    BaseOp::Bool => c.values.iter().any(|v| v == "false"),
                    BaseOp::Null => c.values.iter().any(|v| v == "true"),
                    _ => false,
                }
        })
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    let Kind::User(u) = &res.kind else {
        return vec![];
    };
    let console_pos = match &u.login_profile {
        Value::Known(true, p) => *p,
        Value::Known(false, _) | Value::Absent => return vec![Outcome::Pass],
        Value::Unknown(r, p) => return vec![unknown(format!("login profile: {r}"), Some(*p))],
    };
    let Some(c) = combined(res, model) else {
        return vec![];
    };
    let enforced = c
        .set
        .identity
        .iter()
        .any(|p| p.source.statements.iter().any(enforces_mfa));
    if enforced {
        return vec![Outcome::Pass];
    }
    if let Some((r, p)) = c.unknown.first() {
        return vec![unknown(
            format!("no readable policy enforces MFA, and {r}"),
            Some(*p),
        )];
    }
    vec![fail(
        "the user has a console password and none of its policies denies access without MFA",
        Some(console_pos),
    )]
}
