use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-OPENSEARCH-002",
    name: "opensearch-node-to-node-encryption-disabled",
    title: "OpenSearch domain does not encrypt traffic between nodes",
    severity: Severity::Medium,
    area: Area::DataInTransit,
    best_practices: &["SEC09-BP02"],
    kinds: &[KindTag::SearchDomain],
    references: &[fsbp("Opensearch.3"), fsbp("ES.3"), checkov("CKV_AWS_6")],
    remediation: "Enable NodeToNodeEncryptionOptions (node_to_node_encryption).",
    doc: r#"## What it checks
That the domain encrypts traffic between its nodes with TLS (`NodeToNodeEncryptionOptions.Enabled`,
`node_to_node_encryption { enabled = true }`; off unless set).

## Why it matters
Search requests, indexed documents and replication traffic move between the nodes of a domain
constantly. Without node-to-node encryption this traffic is clear text inside the VPC, readable by
anything able to capture it.

## Remediation
```yaml
NodeToNodeEncryptionOptions:
  Enabled: true
```
```hcl
node_to_node_encryption {
  enabled = true
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(d) = super::domain(res) else {
        return vec![];
    };
    vec![must_be_true(
        &d.node_to_node_encryption,
        false,
        res.property("node_to_node_encryption"),
    )]
}
