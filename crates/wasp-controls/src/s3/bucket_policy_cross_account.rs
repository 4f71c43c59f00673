use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::resource_policy::must_not_be_cross_account;
use crate::{fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-S3-010",
    name: "s3-bucket-policy-cross-account",
    title: "S3 bucket policy grants access to other accounts",
    severity: Severity::Low,
    area: Area::DataAtRest,
    best_practices: &["SEC03-BP07", "SEC03-BP09", "SEC08-BP04"],
    kinds: &[KindTag::Bucket],
    references: &[fsbp("S3.6")],
    remediation: "Grant only accounts of your organization (or restrict with aws:PrincipalOrgID), and review every external account the policy names.",
    doc: r#"## What it checks
That no `Allow` statement of the bucket policy admits principals of an account the template does
not show to be its own: account ids and principal ARNs written literally, or a `*` principal
restricted only by conditions naming such accounts. Principals written with the deploying
account (`${AWS::AccountId}`, `data.aws_caller_identity`) count as the owner's; so does an
account that the policy's own resource ARNs name.

## Why it matters
Cross-account grants are a common and legitimate way of sharing data, and a common way data ends
up with a third party nobody remembers. Each external account in a bucket policy should be known,
intended, and preferably inside the organization.

## Remediation
```yaml
Condition:
  StringEquals:
    aws:PrincipalOrgID: o-exampleorgid
```
```hcl
condition {
  test     = "StringEquals"
  variable = "aws:PrincipalOrgID"
  values   = ["o-exampleorgid"]
}
```
"#,
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    let Some(b) = super::bucket(res) else {
        return vec![];
    };
    let Some(policy) = &b.policy else {
        return vec![];
    };
    must_not_be_cross_account(policy, model)
}
