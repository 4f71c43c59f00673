use wasp_core::Severity;
use wasp_iam::analyze::exposure::{restriction, Restriction};
use wasp_iam::condition::BaseOp;
use wasp_iam::model::{Condition, PrincipalType};
use wasp_model::{KindTag, Model, Resource};

use super::engine::{account_of, each_assume_statement, OWNER};
use crate::helpers::fail;
use crate::{Area, Outcome};

crate::declare! {
    id: "WASP-IAM-014",
    name: "iam-role-trust-cross-account-without-external-id",
    title: "IAM role trusts another account without an external id or organization condition",
    severity: Severity::Medium,
    area: Area::Identity,
    best_practices: &["SEC03-BP08", "SEC03-BP09"],
    kinds: &[KindTag::Role],
    references: &[],
    remediation: "Add an `sts:ExternalId` condition (third parties) or an `aws:PrincipalOrgID` condition (accounts of your organization) to the statement trusting the other account.",
    doc: r#"## What it checks
Statements of the role's trust policy that allow `sts:AssumeRole` to principals of another
account: an account id, an account root ARN, or a user or role ARN whose account is written in
the template (the deploying account, `${AWS::AccountId}` or
`data.aws_caller_identity.current.account_id`, is not another account). Such a statement must be
restricted by `sts:ExternalId` (the third-party pattern), by `aws:PrincipalOrgID` /
`aws:PrincipalOrgPaths` (accounts of your organization), or require MFA
(`aws:MultiFactorAuthPresent: true`, for people), under a positive operator without `IfExists`.
An account id written literally is taken as another account: the template cannot tell that it
is its own.

## Why it matters
A third party that assumes roles in many customers' accounts can be tricked by one customer
into using its access to another's (the confused deputy): the external id, known only to you
and the third party, is what tells your role apart. Between your own accounts, an organization
condition keeps the trust valid only while both stay in the organization.

## Remediation
```yaml
Statement:
  - Effect: Allow
    Principal:
      AWS: arn:aws:iam::111122223333:root
    Action: sts:AssumeRole
    Condition:
      StringEquals:
        sts:ExternalId: !Ref VendorExternalId
```
```hcl
statement {
  actions = ["sts:AssumeRole"]
  principals {
    type        = "AWS"
    identifiers = ["arn:aws:iam::111122223333:root"]
  }
  condition {
    test     = "StringEquals"
    variable = "sts:ExternalId"
    values   = [var.vendor_external_id]
  }
}
```
"#,
}

fn guards(c: &Condition) -> bool {
    if c.operator.if_exists || c.values.is_empty() {
        return false;
    }
    if c.key.eq_ignore_ascii_case("sts:ExternalId") {
        return matches!(
            c.operator.base,
            BaseOp::StringEquals | BaseOp::StringEqualsIgnoreCase | BaseOp::StringLike
        ) && !c.values.iter().any(|v| v.bytes().all(|b| b == b'*'));
    }
    if c.key.eq_ignore_ascii_case("aws:MultiFactorAuthPresent") {
        return c.operator.base == BaseOp::Bool && c.values.iter().all(|v| v == "true");
    }
    restriction(c) == Some(Restriction::Organization)
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    each_assume_statement(res, model, "AWS", |s, p, pos| {
        let external: Vec<&str> = p
            .entries
            .iter()
            .filter(|(t, v)| *t == PrincipalType::Aws && v != "*")
            .filter(|(_, v)| account_of(v).is_some_and(|a| a != OWNER))
            .map(|(_, v)| v.as_str())
            .collect();
        if external.is_empty() {
            return None;
        }
        if s.conditions.iter().any(guards) {
            return Some(vec![]);
        }
        Some(vec![fail(
            format!(
                "trust policy {} lets {} assume the role without an sts:ExternalId, organization or MFA condition",
                s.label(),
                external.join(", ")
            ),
            Some(pos),
        )])
    })
}
