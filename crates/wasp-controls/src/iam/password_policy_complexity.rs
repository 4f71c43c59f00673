use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use super::password_policy::{only_terraform, remediation, with_policy};
use crate::helpers::must_be_true;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-IAM-023",
    name: "iam-password-policy-complexity",
    title: "IAM password policy does not require every character class",
    severity: Severity::Medium,
    area: Area::Identity,
    best_practices: &["SEC02-BP01"],
    kinds: &[KindTag::AccountPasswordPolicy],
    references: &[fsbp("IAM.7"), checkov("CKV_AWS_11"), checkov("CKV_AWS_12"), checkov("CKV_AWS_14"), checkov("CKV_AWS_15")],
    remediation: "Set `require_lowercase_characters`, `require_uppercase_characters`, `require_numbers` and `require_symbols` to true.",
    doc: concat!(
        r#"## What it checks
That the policy requires lowercase letters, uppercase letters, numbers and symbols. Each
setting left out is off.

"#,
        only_terraform!(),
        r#"## Why it matters
Every required character class multiplies the space an attacker must search; without them,
users pick dictionary words.

"#,
        remediation!()
    ),
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    with_policy(res, |p| {
        let mut out: Vec<Outcome> = [
            (&p.require_lowercase, "require_lowercase_characters"),
            (&p.require_uppercase, "require_uppercase_characters"),
            (&p.require_numbers, "require_numbers"),
            (&p.require_symbols, "require_symbols"),
        ]
        .into_iter()
        .map(|(v, name)| must_be_true(v, false, name))
        .filter(|o| *o != Outcome::Pass)
        .collect();
        if out.is_empty() {
            out.push(Outcome::Pass);
        }
        out
    })
}
