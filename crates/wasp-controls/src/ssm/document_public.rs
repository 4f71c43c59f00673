use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-SSM-001",
    name: "ssm-document-public",
    title: "Systems Manager document is shared publicly",
    severity: Severity::Critical,
    area: Area::Identity,
    best_practices: &["SEC03-BP07"],
    kinds: &[KindTag::SsmDocument],
    references: &[fsbp("SSM.4"), checkov("CKV_AWS_303")],
    remediation:
        "Share the document with named accounts only (permissions account_ids), never with All.",
    doc: r#"## What it checks
The document's sharing permissions (`permissions` of `aws_ssm_document` with type `Share`)
must not list `All`. CloudFormation cannot share a document (`AWS::SSM::Document` has no
sharing property), so this control has no CloudFormation form.

## Why it matters
Automation and command documents describe how your instances are managed: scripts, paths,
parameter names, sometimes embedded endpoints or credentials. A public document is readable,
and runnable, by every AWS account, which discloses that information and invites reuse of
your operational tooling.

## Remediation
```yaml
# AWS::SSM::Document cannot be shared from CloudFormation; share with named accounts only:
# aws ssm modify-document-permission --name Doc --permission-type Share --account-ids-to-add 111122223333
Document:
  Type: AWS::SSM::Document
  Properties:
    DocumentType: Command
```
```hcl
resource "aws_ssm_document" "patch" {
  name          = "patch"
  document_type = "Command"
  permissions = {
    type        = "Share"
    account_ids = "111122223333"
  }
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::SsmDocument(d) = &res.kind else {
        return vec![];
    };
    let mut out = Vec::new();
    for a in &d.shared_with {
        match a {
            Value::Known(id, p) if id.eq_ignore_ascii_case("all") => {
                out.push(fail("the document is shared with All accounts", Some(*p)))
            }
            Value::Unknown(r, p) => out.push(unknown(format!("account_ids: {r}"), Some(*p))),
            _ => {}
        }
    }
    if out.is_empty() {
        out.push(Outcome::Pass);
    }
    out
}
