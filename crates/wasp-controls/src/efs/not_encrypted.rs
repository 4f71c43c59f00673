use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-EFS-001",
    name: "efs-not-encrypted",
    title: "EFS file system is not encrypted at rest",
    severity: Severity::High,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP02"],
    kinds: &[KindTag::FileSystem],
    references: &[fsbp("EFS.1"), checkov("CKV_AWS_42")],
    remediation: "Set Encrypted to true (with KmsKeyId for a customer managed key) when creating the file system.",
    doc: r#"## What it checks
That the file system is encrypted at rest (`Encrypted`, `encrypted`). Through CloudFormation and
Terraform, as through the API, a file system is unencrypted unless this is set.

## Why it matters
Encryption at rest protects the file data and metadata on the storage and in backups. It can only
be chosen when the file system is created: fixing it later means creating a new file system and
copying every file.

## Remediation
```yaml
FileSystem:
  Type: AWS::EFS::FileSystem
  Properties:
    Encrypted: true
    KmsKeyId: !GetAtt DataKey.Arn
```
```hcl
resource "aws_efs_file_system" "shared" {
  encrypted  = true
  kms_key_id = aws_kms_key.data.arn
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(f) = super::file_system(res) else {
        return vec![];
    };
    vec![must_be_true(&f.encrypted, false, res.property("encrypted"))]
}
