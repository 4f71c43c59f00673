use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use super::password_policy::{at_least, only_terraform, remediation, with_policy};
use crate::{checkov, cis, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-IAM-022",
    name: "iam-password-policy-reuse",
    title: "IAM password policy does not prevent reuse of the last 24 passwords",
    severity: Severity::Low,
    area: Area::Identity,
    best_practices: &["SEC02-BP01", "SEC02-BP05"],
    kinds: &[KindTag::AccountPasswordPolicy],
    references: &[cis("1.9"), fsbp("IAM.16"), checkov("CKV_AWS_13")],
    remediation: "Set `password_reuse_prevention` to 24.",
    doc: concat!(
        r#"## What it checks
That `password_reuse_prevention` is 24 (the most IAM allows). Left out, any previous password
may be reused.

"#,
        only_terraform!(),
        r#"## Why it matters
When a password is changed because it leaked, reusing it, or cycling between two, brings the
leaked one back.

"#,
        remediation!()
    ),
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    with_policy(res, |p| {
        vec![at_least(
            &p.reuse_prevention,
            0,
            24,
            "password_reuse_prevention",
        )]
    })
}
