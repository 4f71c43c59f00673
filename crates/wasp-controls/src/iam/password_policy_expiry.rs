use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use super::password_policy::{only_terraform, remediation, with_policy};
use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-IAM-024",
    name: "iam-password-policy-expiry",
    title: "IAM password policy does not expire passwords within 90 days",
    severity: Severity::Low,
    area: Area::Identity,
    best_practices: &["SEC02-BP05"],
    kinds: &[KindTag::AccountPasswordPolicy],
    references: &[fsbp("IAM.17"), checkov("CKV_AWS_9")],
    remediation: "Set `max_password_age` to 90 or less, or federate people through IAM Identity Center and keep no IAM user passwords.",
    doc: concat!(
        r#"## What it checks
That `max_password_age` is set to 90 days or less. Left out (or 0), passwords never expire.
Current NIST guidance (SP 800-63B) prefers long passwords and MFA to forced rotation; this control
follows the CIS 1.x and PCI DSS requirement, which is why its severity is low.

"#,
        only_terraform!(),
        r#"## Why it matters
A password that never expires stays valid however long ago it leaked. Expiry bounds how long
a stolen password works when nobody noticed the theft.

"#,
        remediation!()
    ),
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    with_policy(res, |p| match &p.max_age {
        Value::Known(d, pos) if *d <= 0 || *d > 90 => vec![fail(
            format!("max_password_age is {d} (must be between 1 and 90)"),
            Some(*pos),
        )],
        Value::Known(..) => vec![Outcome::Pass],
        Value::Absent => vec![fail(
            "max_password_age is not set: passwords never expire",
            None,
        )],
        Value::Unknown(r, pos) => vec![unknown(format!("max_password_age: {r}"), Some(*pos))],
    })
}
