use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use super::user_inline_policy::from_managed;
use crate::helpers::fail;
use crate::{checkov, cis, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-IAM-017",
    name: "iam-user-managed-policy-attached",
    title: "IAM user has managed policies attached directly",
    severity: Severity::Low,
    area: Area::Identity,
    best_practices: &["SEC02-BP06", "SEC03-BP02"],
    kinds: &[KindTag::User],
    references: &[cis("1.15"), fsbp("IAM.2"), checkov("CKV_AWS_40")],
    remediation: "Attach the managed policy to a group instead and add the user to the group.",
    doc: r#"## What it checks
That no managed policy is attached to the user directly: `ManagedPolicyArns` /
`managed_policy_arns` of the user, `AWS::IAM::ManagedPolicy` resources listing the user in
`Users`, and `aws_iam_user_policy_attachment` or `aws_iam_policy_attachment` naming it.

## Why it matters
As with inline policies, permissions attached user by user are hard to review and to revoke
consistently. A group per job function keeps one place to read and change them.

## Remediation
```yaml
Alice:
  Type: AWS::IAM::User
  Properties:
    Groups:
      - !Ref ReadOnly
ReadOnly:
  Type: AWS::IAM::Group
  Properties:
    ManagedPolicyArns:
      - arn:aws:iam::aws:policy/ReadOnlyAccess
```
```hcl
resource "aws_iam_group_policy_attachment" "read_only" {
  group      = aws_iam_group.read_only.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
```
"#,
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    let Kind::User(u) = &res.kind else {
        return vec![];
    };
    let mut out = Vec::new();
    for d in &u.policies {
        if let Some(from) = d.joined_from.as_deref().filter(|f| from_managed(model, f)) {
            out.push(fail(
                format!("managed policy `{from}` is attached to the user"),
                Some(d.pos),
            ));
        }
    }
    for arn in &u.managed_policy_arns {
        match arn {
            Value::Known(a, p) => out.push(fail(
                format!("managed policy `{a}` is attached to the user"),
                Some(*p),
            )),
            Value::Unknown(_, p) => {
                out.push(fail("a managed policy is attached to the user", Some(*p)))
            }
            Value::Absent => {}
        }
    }
    for link in &u.managed_policy_refs {
        out.push(fail(
            "a managed policy of the template is attached to the user",
            Some(link.pos()),
        ));
    }
    if out.is_empty() {
        out.push(Outcome::Pass);
    }
    out
}
