use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource};

use super::password_policy_reuse::at_least;
use crate::{checkov, cis, fsbp, Area, Meta, Outcome};

pub static META: Meta = Meta {
    id: "WASP-IAM-021",
    name: "iam-password-policy-min-length",
    title: "IAM password policy allows passwords shorter than 14 characters",
    severity: Severity::Medium,
    area: Area::Identity,
    best_practices: &["SEC02-BP01"],
    kinds: &[KindTag::AccountPasswordPolicy],
    references: &[cis("1.8"), fsbp("IAM.15"), checkov("CKV_AWS_10")],
    remediation: "Set `minimum_password_length` to 14 or more.",
    doc: r#"## What it checks
That `minimum_password_length` is at least 14. Left out, IAM's default of 6 applies.

The account password policy exists only in Terraform (`aws_iam_account_password_policy`);
CloudFormation has no resource type for it.

## Why it matters
Length is what makes a password expensive to guess. Short passwords fall to offline cracking
and to password spraying against the console.

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
        &p.minimum_length,
        6,
        14,
        "minimum_password_length",
    )]
}
