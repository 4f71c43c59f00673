use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-OPENSEARCH-006",
    name: "opensearch-fine-grained-access-control-disabled",
    title: "OpenSearch domain does not enable fine-grained access control",
    severity: Severity::Low,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP04"],
    kinds: &[KindTag::SearchDomain],
    references: &[fsbp("Opensearch.7"), checkov("CKV2_AWS_52")],
    remediation:
        "Enable AdvancedSecurityOptions (advanced_security_options) with an IAM master user ARN.",
    doc: r#"## What it checks
That the domain enables fine-grained access control (`AdvancedSecurityOptions.Enabled`,
`advanced_security_options { enabled = true }`).

## Why it matters
The domain's access policy decides who reaches the endpoint; fine-grained access control decides
what each user may do inside it: which indices, documents and fields they can read or write. It
lets one domain serve data of different sensitivity to different users.

## Remediation
```yaml
AdvancedSecurityOptions:
  Enabled: true
  InternalUserDatabaseEnabled: false
  MasterUserOptions:
    MasterUserARN: !GetAtt SearchAdmin.Arn
```
```hcl
advanced_security_options {
  enabled                        = true
  internal_user_database_enabled = false
  master_user_options {
    master_user_arn = aws_iam_role.search_admin.arn
  }
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(d) = super::domain(res) else {
        return vec![];
    };
    vec![must_be_true(
        &d.fine_grained_access,
        false,
        res.property("fine_grained_access"),
    )]
}
