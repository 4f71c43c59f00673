use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::data_support::customer_managed_key;
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-BACKUP-001",
    name: "backup-vault-not-encrypted-with-cmk",
    title: "Backup vault is not encrypted with a customer managed KMS key",
    severity: Severity::Low,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP01"],
    kinds: &[KindTag::BackupVault],
    references: &[checkov("CKV_AWS_166")],
    remediation: "Set EncryptionKeyArn (kms_key_arn) to a customer managed KMS key.",
    doc: r#"## What it checks
That the vault names a customer managed KMS key (`EncryptionKeyArn`, `kms_key_arn`). Without one,
AWS Backup encrypts recovery points with the AWS managed key `aws/backup`.

## Why it matters
Backups are a full copy of the data. With a customer managed key, its key policy controls who can
restore or copy recovery points (including across accounts), independently of the vault's access
policy, and its use is logged.

## Remediation
```yaml
Vault:
  Type: AWS::Backup::BackupVault
  Properties:
    BackupVaultName: primary
    EncryptionKeyArn: !GetAtt BackupKey.Arn
```
```hcl
resource "aws_backup_vault" "primary" {
  name        = "primary"
  kms_key_arn = aws_kms_key.backup.arn
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(v) = super::vault(res) else {
        return vec![];
    };
    vec![customer_managed_key(
        &v.kms_key,
        res.property("kms_key"),
        "recovery points are encrypted with the AWS managed key aws/backup",
    )]
}
