use wasp_core::Severity;
use wasp_iam::analyze::escalation::{detect, EscalationHit};
use wasp_iam::analyze::least_privilege::admin_statements;
use wasp_iam::PolicySet;
use wasp_model::{Kind, Model, Resource};

use super::engine::{combined, each_own_policy, statement_pos};
use crate::helpers::{fail, unknown};
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-IAM-003",
    name: "iam-privilege-escalation",
    title: "IAM permissions allow a privilege-escalation method",
    severity: Severity::High,
    area: Area::Identity,
    best_practices: &["SEC03-BP02"],
    kinds: super::POLICY_HOLDERS,
    references: &[checkov("CKV_AWS_110"), checkov("CKV_AWS_286")],
    remediation: "Remove or scope the actions the method needs (restrict `iam:PassRole` to named roles and `iam:PassedToService`, never grant `iam:Put*Policy`, `iam:Attach*Policy`, `iam:CreatePolicyVersion` on `*`).",
    doc: r#"## What it checks
The published privilege-escalation methods (Rhino Security Labs' 21 and later ones for
CodeStar, SageMaker, Glue jobs, CodeBuild, SSM and EC2 Instance Connect), each a set of actions
that together let a principal grant itself more than it has. For a role, user or group, all its
identity policies are combined (inline, joined, managed policies of the template, the policies
of a user's groups, and AWS managed policies known to enable a method on their own), with
denies and the permissions boundary applied; for a managed policy, its own document. One
failure per method found, naming the method and the statements that enable it; a principal or
policy with administrator access gets one failure saying so (every method applies).

An `Allow` counts whatever its conditions, except `iam:PassedToService`, which is checked
against the service the method passes a role to. Creating access keys or console passwords
only for the caller's own user (`user/${aws:username}`, the self-service pattern) does not
count.

## Why it matters
A principal that can attach a policy to itself, create a new version of its own policy, or pass
a more privileged role to a service it controls is one API call away from administrator
access. Least privilege that can be undone by its holder is not least privilege.

## Remediation
```yaml
PolicyDocument:
  Version: "2012-10-17"
  Statement:
    - Effect: Allow
      Action: iam:PassRole
      Resource: !GetAtt WorkerRole.Arn
      Condition:
        StringEquals:
          iam:PassedToService: ecs-tasks.amazonaws.com
```
```hcl
data "aws_iam_policy_document" "deployer" {
  statement {
    actions   = ["iam:PassRole"]
    resources = [aws_iam_role.worker.arn]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}
```
"#,
}

fn message(hit: &EscalationHit, describe: &dyn Fn(&wasp_iam::StatementRef) -> String) -> String {
    let mut labels: Vec<String> = hit
        .grants
        .iter()
        .flat_map(|(_, refs)| refs.iter().map(describe))
        .collect();
    labels.sort();
    labels.dedup();
    let actions: Vec<&str> = hit.grants.iter().map(|(a, _)| *a).collect();
    format!(
        "privilege escalation {}: {} ({}), through {}",
        hit.method.name,
        hit.method.description,
        actions.join(" + "),
        labels.join("; ")
    )
}

/// Methods that act on another user's credentials: granted only on the caller's own user
/// (`arn:aws:iam::*:user/${aws:username}`, the self-service pattern), they escalate nothing.
const OTHER_USERS_CREDENTIALS: &[&str] = &[
    "CreateAccessKey",
    "CreateLoginProfile",
    "UpdateLoginProfile",
];

fn self_service_only(hit: &EscalationHit, set: &PolicySet) -> bool {
    OTHER_USERS_CREDENTIALS.contains(&hit.method.name)
        && hit.grants.iter().flat_map(|(_, r)| r.iter()).all(|r| {
            set.policy(r)
                .and_then(|p| p.source_statement(r.statement))
                .and_then(|s| s.resource.as_ref())
                .is_some_and(|res| {
                    !res.negated
                        && res
                            .values
                            .iter()
                            .all(|v| v.ends_with(":user/${aws:username}"))
                })
        })
}

fn first_ref(hit: &EscalationHit) -> Option<&wasp_iam::StatementRef> {
    hit.grants.iter().flat_map(|(_, r)| r.iter()).next()
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    if let Kind::ManagedPolicy(_) = res.kind {
        return each_own_policy(res, model, |name, node, policy| {
            let set = PolicySet::new().with_identity(name, policy.clone());
            if let Some(r) = admin_statements(&set).first() {
                return vec![fail(
                    format!("policy `{name}` grants administrator access: every escalation method applies"),
                    Some(statement_pos(Some(node), r.statement as usize, node.pos)),
                )];
            }
            detect(&set)
                .iter()
                .filter(|hit| !self_service_only(hit, &set))
                .map(|hit| {
                    let pos = first_ref(hit).map_or(node.pos, |r| {
                        statement_pos(Some(node), r.statement as usize, node.pos)
                    });
                    fail(message(hit, &|r| set.describe(r)), Some(pos))
                })
                .collect()
        });
    }
    let Some(c) = combined(res, model) else {
        return vec![];
    };
    if let Some(r) = admin_statements(&c.set).first() {
        let msg = format!(
            "has administrator access through {}: every escalation method applies",
            c.describe(r)
        );
        return vec![match &c.boundary_unknown {
            Some((why, p)) => unknown(format!("{msg}; but {why}"), Some(*p)),
            None => fail(msg, Some(c.pos(r))),
        }];
    }
    let hits: Vec<EscalationHit> = detect(&c.set)
        .into_iter()
        .filter(|hit| !self_service_only(hit, &c.set))
        .collect();
    let mut out = Vec::new();
    for hit in &hits {
        let pos = first_ref(hit).map(|r| c.pos(r));
        let msg = message(hit, &|r| c.describe(r));
        out.push(match &c.boundary_unknown {
            Some((r, p)) => unknown(format!("{msg}; but {r}"), Some(*p)),
            None => fail(msg, pos),
        });
    }
    let has_boundary = c.set.boundary.is_some() || c.boundary_unknown.is_some();
    for (name, entry, pos) in &c.managed {
        for m in &entry.methods {
            if hits.iter().any(|h| h.method.name == *m) {
                continue;
            }
            let msg = format!(
                "privilege escalation {m}: enabled by the AWS managed policy {name} on its own"
            );
            out.push(if has_boundary {
                unknown(
                    format!("{msg}; the permissions boundary may prevent it"),
                    Some(*pos),
                )
            } else {
                fail(msg, Some(*pos))
            });
        }
    }
    if out.is_empty() {
        if let Some((r, p)) = c.unknown.first() {
            out.push(unknown(r.clone(), Some(*p)));
        } else {
            out.push(Outcome::Pass);
        }
    }
    out
}
