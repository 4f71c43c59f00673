use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource};

use wasp_model::Value;

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Meta, Outcome};

pub static META: Meta = Meta {
    id: "WASP-IAM-024",
    name: "iam-password-policy-expiry",
    title: "IAM password policy does not expire passwords within 90 days",
    severity: Severity::Low,
    area: Area::Identity,
    best_practices: &["SEC02-BP05"],
    kinds: &[KindTag::AccountPasswordPolicy],
    references: &[fsbp("IAM.17"), checkov("CKV_AWS_9")],
    remediation: "Set `max_password_age` to 90 or less, or federate people through IAM Identity Center and keep no IAM user passwords.",
    doc: r#"## What it checks
That `max_password_age` is set to 90 days or less. Left out (or 0), passwords never expire.
Current NIST guidance (SP 800-63B) prefers long passwords and MFA to forced rotation; this control
follows the CIS 1.x and PCI DSS requirement, which is why its severity is low.

The account password policy exists only in Terraform (`aws_iam_account_password_policy`);
CloudFormation has no resource type for it.

## Why it matters
A password that never expires stays valid however long ago it leaked. Expiry bounds how long
a stolen password works when nobody noticed the theft.

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
    match &p.max_age {
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
    }
}
