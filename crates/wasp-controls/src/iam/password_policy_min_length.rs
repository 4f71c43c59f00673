use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use super::password_policy::{at_least, only_terraform, remediation, with_policy};
use crate::{checkov, cis, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-IAM-021",
    name: "iam-password-policy-min-length",
    title: "IAM password policy allows passwords shorter than 14 characters",
    severity: Severity::Medium,
    area: Area::Identity,
    best_practices: &["SEC02-BP01"],
    kinds: &[KindTag::AccountPasswordPolicy],
    references: &[cis("1.8"), fsbp("IAM.15"), checkov("CKV_AWS_10")],
    remediation: "Set `minimum_password_length` to 14 or more.",
    doc: concat!(
        r#"## What it checks
That `minimum_password_length` is at least 14. Left out, IAM's default of 6 applies.

"#,
        only_terraform!(),
        r#"## Why it matters
Length is what makes a password expensive to guess. Short passwords fall to offline cracking
and to password spraying against the console.

"#,
        remediation!()
    ),
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    with_policy(res, |p| {
        vec![at_least(
            &p.minimum_length,
            6,
            14,
            "minimum_password_length",
        )]
    })
}
