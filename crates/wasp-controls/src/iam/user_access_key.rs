use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{Area, Outcome};

crate::declare! {
    id: "WASP-IAM-020",
    name: "iam-user-access-key",
    title: "IAM user access key is created by the template",
    severity: Severity::Medium,
    area: Area::Identity,
    best_practices: &["SEC02-BP02", "SEC02-BP05"],
    kinds: &[KindTag::AccessKey],
    references: &[],
    remediation: "Use a role instead (instance profile, task role, IRSA, OIDC federation for CI); if a long-term key is unavoidable, create it outside IaC and rotate it.",
    doc: r#"## What it checks
Every active IAM access key (`AWS::IAM::AccessKey`, `aws_iam_access_key`; `Status` defaults to
`Active`). A key created as `Inactive` passes. In Terraform, a key without `pgp_key` also has its
secret written to the state in plaintext, which the message says.

## Why it matters
Access keys are long-term credentials: they do not expire, they leak through code, CI logs and
laptops, and whoever holds one is the user until someone notices. Workloads on AWS get temporary
credentials from roles, and CI systems from OIDC federation; a key minted by a template also
passes through its outputs or state, one more place to steal it from.

## Remediation
```yaml
AppRole:
  Type: AWS::IAM::Role
  Properties:
    AssumeRolePolicyDocument:
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Principal:
            Service: ec2.amazonaws.com
          Action: sts:AssumeRole
```
```hcl
resource "aws_iam_role" "ci" {
  name               = "ci"
  assume_role_policy = data.aws_iam_policy_document.github_oidc.json
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::AccessKey(k) = &res.kind else {
        return vec![];
    };
    let state = if let Value::Known(true, _) = k.secret_in_state {
        "; its secret is stored in plaintext in the state (no `pgp_key`)"
    } else {
        ""
    };
    match &k.status {
        Value::Known(s, _) if s.eq_ignore_ascii_case("inactive") => vec![Outcome::Pass],
        Value::Known(_, p) => vec![fail(
            format!("an active long-term access key is created for the user{state}"),
            Some(*p),
        )],
        Value::Absent => vec![fail(
            format!("an access key is created for the user (active by default){state}"),
            None,
        )],
        Value::Unknown(r, p) => vec![unknown(format!("key status: {r}"), Some(*p))],
    }
}
