use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource};

use wasp_model::Value;

use crate::helpers::{fail, unknown};
use crate::{checkov, cis, fsbp, Area, Meta, Outcome};

pub static META: Meta = Meta {
    id: "WASP-IAM-022",
    name: "iam-password-policy-reuse",
    title: "IAM password policy does not prevent reuse of the last 24 passwords",
    severity: Severity::Low,
    area: Area::Identity,
    best_practices: &["SEC02-BP01", "SEC02-BP05"],
    kinds: &[KindTag::AccountPasswordPolicy],
    references: &[cis("1.9"), fsbp("IAM.16"), checkov("CKV_AWS_13")],
    remediation: "Set `password_reuse_prevention` to 24.",
    doc: r#"## What it checks
That `password_reuse_prevention` is 24 (the most IAM allows). Left out, any previous password
may be reused.

The account password policy exists only in Terraform (`aws_iam_account_password_policy`);
CloudFormation has no resource type for it.

## Why it matters
When a password is changed because it leaked, reusing it, or cycling between two, brings the
leaked one back.

## Remediation
```yaml
# CloudFormation has no resource for the account password policy: set it with the AWS CLI
# (`aws iam update-account-password-policy`) or a custom resource.
```
```hcl
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length        = 14
  password_reuse_prevention      = 24
  max_password_age               = 90
  require_lowercase_characters   = true
  require_uppercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  allow_users_to_change_password = true
}
```
"#,
};

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::AccountPasswordPolicy(p) = &res.kind else {
        return vec![];
    };
    vec![at_least(
        &p.reuse_prevention,
        0,
        24,
        "password_reuse_prevention",
    )]
}

/// An integer setting that must be at least `min`; `default` applies when it is absent.
pub(crate) fn at_least(v: &Value<i64>, default: i64, min: i64, name: &str) -> Outcome {
    match v {
        Value::Known(n, _) if *n >= min => Outcome::Pass,
        Value::Known(n, p) => fail(format!("{name} is {n} (must be at least {min})"), Some(*p)),
        Value::Absent if default >= min => Outcome::Pass,
        Value::Absent => fail(
            format!("{name} is not set (defaults to {default}; must be at least {min})"),
            None,
        ),
        Value::Unknown(r, p) => unknown(format!("{name}: {r}"), Some(*p)),
    }
}
