use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::data_support::requires_secure_transport;
use crate::{Area, Outcome};

crate::declare! {
    id: "WASP-EFS-002",
    name: "efs-tls-not-enforced",
    title: "EFS file system policy does not require TLS",
    severity: Severity::Medium,
    area: Area::DataInTransit,
    best_practices: &["SEC09-BP02"],
    kinds: &[KindTag::FileSystem],
    references: &[],
    remediation: "Add a file system policy statement that denies all actions to every principal when aws:SecureTransport is false.",
    doc: r#"## What it checks
That the file system policy (`FileSystemPolicy`, `aws_efs_file_system_policy`) has a `Deny`
statement for all principals and all actions (`*` or `elasticfilesystem:*`) under the condition
`Bool` `aws:SecureTransport` = `false`. A file system without a policy fails.

## Why it matters
NFS clients mount EFS without TLS unless each one is told to (`mount -t efs -o tls`). A policy
that refuses unencrypted connections makes encryption in transit a property of the file system,
not of every client's mount options.

## Remediation
```yaml
FileSystemPolicy:
  Version: "2012-10-17"
  Statement:
    - Effect: Deny
      Principal:
        AWS: "*"
      Action: "*"
      Condition:
        Bool:
          aws:SecureTransport: false
```
```hcl
resource "aws_efs_file_system_policy" "tls" {
  file_system_id = aws_efs_file_system.shared.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = { AWS = "*" }
      Action    = "*"
      Resource  = aws_efs_file_system.shared.arn
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(f) = super::file_system(res) else {
        return vec![];
    };
    vec![requires_secure_transport(
        f.policy.as_ref(),
        &["elasticfilesystem:*"],
        "the file system has no policy denying connections without TLS",
    )]
}
