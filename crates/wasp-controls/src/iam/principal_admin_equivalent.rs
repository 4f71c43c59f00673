use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use super::engine::{combined, examples};
use crate::helpers::{fail, unknown};
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-IAM-002",
    name: "iam-principal-admin-equivalent",
    title: "IAM role, user or group has administrator access through its policies combined",
    severity: Severity::Critical,
    area: Area::Identity,
    best_practices: &["SEC03-BP02"],
    kinds: &[KindTag::Role, KindTag::User, KindTag::Group],
    references: &[checkov("CKV_AWS_274")],
    remediation: "Replace the administrator grant (a `*` on `*` statement or `AdministratorAccess`) with policies scoped to the actions and resources the principal uses.",
    doc: r#"## What it checks
Every identity policy of the role, user or group combined, as IAM evaluates them: inline
policies, policies of the same template attached to it (`AWS::IAM::Policy`,
`AWS::IAM::ManagedPolicy`, `aws_iam_role_policy`, policy attachments), AWS managed policies
attached by ARN (`arn:aws:iam::aws:policy/AdministratorAccess` is read as the `*` on `*` grant it
is) and, for a user, the policies of its groups. It fails when some statement allows every
action on every resource without conditions and no deny or permissions boundary takes it back.

A managed policy that is not defined in the template (a customer managed ARN, an ARN built from
parameters) cannot be read: the result is then Unknown unless the readable policies already
grant administrator access.

## Why it matters
Administrator access is the whole account: reading every secret, deleting every backup,
turning off CloudTrail and granting itself anything else. A workload or person that needs it
every day is rare; one that has it by accident is a compromise waiting for a stolen credential.

## Remediation
```yaml
AppRole:
  Type: AWS::IAM::Role
  Properties:
    AssumeRolePolicyDocument: { ... }
    Policies:
      - PolicyName: read-orders
        PolicyDocument:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Action: ["dynamodb:GetItem", "dynamodb:Query"]
              Resource: !GetAtt Orders.Arn
```
```hcl
resource "aws_iam_role_policy" "read_orders" {
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["dynamodb:GetItem", "dynamodb:Query"]
      Resource = aws_dynamodb_table.orders.arn
    }]
  })
}
```
"#,
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    let Some(c) = combined(res, model) else {
        return vec![];
    };
    let admin = wasp_iam::analyze::least_privilege::admin_statements(&c.set);
    if let Some(first) = admin.first() {
        if let Some((r, p)) = &c.boundary_unknown {
            return vec![unknown(
                format!("allows every action on every resource, but {r}"),
                Some(*p),
            )];
        }
        let labels: Vec<String> = admin.iter().map(|r| c.describe(r)).collect();
        return vec![fail(
            format!(
                "allows every action on every resource through {}",
                examples(&labels)
            ),
            Some(c.pos(first)),
        )];
    }
    if let Some((r, p)) = c.unknown.first() {
        return vec![unknown(r.clone(), Some(*p))];
    }
    vec![Outcome::Pass]
}
