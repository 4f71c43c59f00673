use wasp_core::Severity;
use wasp_model::{Model, Node, Resource, Value};

use crate::helpers::{fail, statements, strings, unknown};
use crate::{checkov, cis, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-IAM-001",
    name: "iam-policy-full-admin",
    title: "IAM policy grants full administrative access",
    severity: Severity::Critical,
    area: Area::Identity,
    best_practices: &["SEC03-BP02"],
    kinds: super::POLICY_HOLDERS,
    references: &[cis("1.16"), fsbp("IAM.1"), checkov("CKV_AWS_1"), checkov("CKV_AWS_62")],
    remediation: "Replace \"Action\": \"*\" on \"Resource\": \"*\" with the specific actions and resources the principal needs.",
    doc: r#"## What it checks
Every policy document the resource defines (inline policies of roles, users and groups; managed
and standalone policies): no `Allow` statement may grant `"Action": "*"` on `"Resource": "*"`.

## Why it matters
A principal with `*:*` can do everything in the account, including turning off logging, reading
every secret and granting itself more. Least privilege starts with not handing out the keys to
the whole account.

## Remediation
```yaml
PolicyDocument:
  Version: "2012-10-17"
  Statement:
    - Effect: Allow
      Action: ["s3:GetObject", "s3:PutObject"]
      Resource: !Sub "${Data.Arn}/*"
```
```hcl
data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["${aws_s3_bucket.data.arn}/*"]
  }
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let docs = super::own_documents(res);
    docs.into_iter()
        .map(|d| match &d.document {
            Value::Known(doc, _) => admin_statement(doc, &d.name),
            Value::Unknown(r, p) => unknown(format!("policy `{}`: {r}", d.name), Some(*p)),
            Value::Absent => Outcome::Pass,
        })
        .collect()
}

fn admin_statement(doc: &Node, name: &str) -> Outcome {
    let mut pending = None;
    for st in statements(doc) {
        if st.get("Effect").and_then(Node::as_str) != Some("Allow") {
            continue;
        }
        let actions = match strings(st.get("Action")) {
            Ok(a) => a,
            Err((r, p)) => {
                pending.get_or_insert(unknown(format!("policy `{name}` action: {r}"), Some(p)));
                continue;
            }
        };
        if !actions.iter().any(|a| *a == "*" || *a == "*:*") {
            continue;
        }
        let resources = match strings(st.get("Resource")) {
            Ok(r) => r,
            Err((r, p)) => {
                pending.get_or_insert(unknown(format!("policy `{name}` resource: {r}"), Some(p)));
                continue;
            }
        };
        if resources.contains(&"*") {
            return fail(
                format!("policy `{name}` allows \"*\" actions on \"*\" resources"),
                Some(st.pos),
            );
        }
    }
    pending.unwrap_or(Outcome::Pass)
}
