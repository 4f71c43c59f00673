use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-OPENSEARCH-001",
    name: "opensearch-encryption-at-rest-disabled",
    title: "OpenSearch domain is not encrypted at rest",
    severity: Severity::High,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP02"],
    kinds: &[KindTag::SearchDomain],
    references: &[fsbp("Opensearch.1"), fsbp("ES.1"), checkov("CKV_AWS_5")],
    remediation: "Enable EncryptionAtRestOptions (encrypt_at_rest) with a KMS key.",
    doc: r#"## What it checks
That the domain encrypts its data at rest (`EncryptionAtRestOptions.Enabled`,
`encrypt_at_rest { enabled = true }`; off unless set).

## Why it matters
Encryption at rest covers the indices, logs, swap files and automated snapshots of the domain.
Search clusters often index the most sensitive fields of the data they serve: documents,
customer records, application logs. Turning it on later requires a blue/green deployment.

## Remediation
```yaml
EncryptionAtRestOptions:
  Enabled: true
  KmsKeyId: !Ref SearchKey
```
```hcl
encrypt_at_rest {
  enabled    = true
  kms_key_id = aws_kms_key.search.arn
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(d) = super::domain(res) else {
        return vec![];
    };
    vec![must_be_true(
        &d.encryption_at_rest,
        false,
        res.property("encryption_at_rest"),
    )]
}
