use wasp_core::Severity;
use wasp_iam::analyze::exposure::{analyze, Exposure};
use wasp_model::{KindTag, Model, Resource};

use super::engine::{readable, statement_pos, trust_policy, OWNER};
use crate::helpers::{fail, unknown};
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-IAM-012",
    name: "iam-role-trust-public",
    title: "IAM role can be assumed by anyone",
    severity: Severity::Critical,
    area: Area::Identity,
    best_practices: &["SEC03-BP07"],
    kinds: &[KindTag::Role],
    references: &[checkov("CKV_AWS_60")],
    remediation: "Name the accounts, roles or services that may assume the role in `Principal` instead of `\"*\"`, or restrict `\"*\"` with an `aws:PrincipalOrgID` or `aws:PrincipalArn` condition.",
    doc: r#"## What it checks
The role's trust policy: no `Allow` statement may admit every AWS principal (`"Principal": "*"`,
`{"AWS": "*"}`, or `NotPrincipal`) unless a condition really restricts who can use it
(`aws:PrincipalOrgID`, `aws:PrincipalAccount`, `aws:PrincipalArn`, `aws:SourceIp`, ... under a
positive operator, without `IfExists` and without wildcard values), as IAM Access Analyzer
treats them. Federated principals are checked by `iam-role-trust-oidc-unrestricted`.

## Why it matters
A role any AWS account can assume is a door into the account for everyone who learns its ARN,
and role ARNs are not secret. Whatever the role may do, anyone may do.

## Remediation
```yaml
AssumeRolePolicyDocument:
  Version: "2012-10-17"
  Statement:
    - Effect: Allow
      Principal:
        AWS: !Sub "arn:aws:iam::${AWS::AccountId}:role/deployer"
      Action: sts:AssumeRole
```
```hcl
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/deployer"]
    }
  }
}
```
"#,
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    let Some((parsed, d)) = trust_policy(res, model) else {
        return vec![];
    };
    let policy = match parsed {
        Ok(p) => p,
        Err((r, p)) => return vec![unknown(r, Some(p))],
    };
    let node = d.document.known();
    let mut out = Vec::new();
    for hit in analyze(&policy, Some(OWNER), &[]) {
        if hit.exposure != Exposure::Public {
            continue;
        }
        let everyone = policy
            .statements
            .iter()
            .find(|s| s.index == hit.statement)
            .and_then(|s| s.principal.as_ref())
            .is_some_and(|p| p.negated || p.is_everyone());
        if everyone {
            out.push(fail(
                format!("trust policy: {}", readable(&hit.message)),
                Some(statement_pos(node, hit.statement, d.pos)),
            ));
        }
    }
    if out.is_empty() {
        out.push(Outcome::Pass);
    }
    out
}
