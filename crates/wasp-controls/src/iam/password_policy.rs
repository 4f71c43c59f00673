//! What the account password-policy controls share: the resource they read, the check of a
//! minimum, and the end of their docs (where the policy can be set, and the fix).

use wasp_model::{AccountPasswordPolicy, Kind, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::Outcome;

/// The paragraph of every password-policy doc that says where the policy can be set.
macro_rules! only_terraform {
    () => {
        "The account password policy exists only in Terraform (`aws_iam_account_password_policy`);\nCloudFormation has no resource type for it.\n\n"
    };
}
pub(crate) use only_terraform;

/// The `## Remediation` section shared by the password-policy docs: one policy that meets them
/// all.
macro_rules! remediation {
    () => {
        r#"## Remediation
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
"#
    };
}
pub(crate) use remediation;

/// Runs `check` on the account password policy; other resources give no result.
pub(crate) fn with_policy(
    res: &Resource,
    check: impl FnOnce(&AccountPasswordPolicy) -> Vec<Outcome>,
) -> Vec<Outcome> {
    match &res.kind {
        Kind::AccountPasswordPolicy(p) => check(p),
        _ => vec![],
    }
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
