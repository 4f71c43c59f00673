use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource};

use crate::helpers::fail;
use crate::{checkov, cis, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-IAM-016",
    name: "iam-user-inline-policy",
    title: "IAM user has inline policies",
    severity: Severity::Low,
    area: Area::Identity,
    best_practices: &["SEC02-BP06", "SEC03-BP02"],
    kinds: &[KindTag::User],
    references: &[cis("1.15"), fsbp("IAM.2"), checkov("CKV_AWS_40")],
    remediation: "Move the user's permissions to a group (or to a role the user assumes) and add the user to the group.",
    doc: r#"## What it checks
That no inline policy is attached to the user: the user's own `Policies` / `inline_policy`
blocks, and `AWS::IAM::Policy`, `AWS::IAM::UserPolicy` or `aws_iam_user_policy` resources naming
the user. Managed policies attached to users are checked by `iam-user-managed-policy-attached`.

## Why it matters
Permissions granted user by user drift apart and are hard to review: who can do what is
scattered over as many documents as there are users. Groups (or, better, roles through a
central identity provider) give each job function one reviewed set of permissions, and leaving
the group removes them all.

## Remediation
```yaml
Developers:
  Type: AWS::IAM::Group
  Properties:
    ManagedPolicyArns:
      - !Ref DeveloperPolicy
Alice:
  Type: AWS::IAM::User
  Properties:
    Groups:
      - !Ref Developers
```
```hcl
resource "aws_iam_group_policy_attachment" "developers" {
  group      = aws_iam_group.developers.name
  policy_arn = aws_iam_policy.developer.arn
}

resource "aws_iam_user_group_membership" "alice" {
  user   = aws_iam_user.alice.name
  groups = [aws_iam_group.developers.name]
}
```
"#,
}

/// Is a joined document a managed policy (rather than an inline one)?
pub(crate) fn from_managed(model: &Model, joined_from: &str) -> bool {
    model.get(joined_from).is_some_and(|r| {
        matches!(
            r.source_type.as_str(),
            "AWS::IAM::ManagedPolicy" | "aws_iam_policy"
        )
    })
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    let Kind::User(u) = &res.kind else {
        return vec![];
    };
    let inline: Vec<_> = u
        .policies
        .iter()
        .filter(|d| match &d.joined_from {
            None => true,
            Some(from) => !from_managed(model, from),
        })
        .collect();
    if inline.is_empty() {
        return vec![Outcome::Pass];
    }
    inline
        .iter()
        .map(|d| {
            let from = d
                .joined_from
                .as_deref()
                .map(|f| format!(" (from `{f}`)"))
                .unwrap_or_default();
            fail(
                format!("inline policy `{}`{from} is attached to the user", d.name),
                Some(d.pos),
            )
        })
        .collect()
}
