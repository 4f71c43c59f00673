use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-ELASTICACHE-001",
    name: "elasticache-at-rest-encryption-disabled",
    title: "ElastiCache replication group is not encrypted at rest",
    severity: Severity::Medium,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP02"],
    kinds: &[KindTag::CacheGroup],
    references: &[fsbp("ElastiCache.4"), checkov("CKV_AWS_29")],
    remediation: "Set AtRestEncryptionEnabled (at_rest_encryption_enabled) to true when creating the replication group.",
    doc: r#"## What it checks
That the replication group encrypts data at rest (`AtRestEncryptionEnabled`,
`at_rest_encryption_enabled`). Redis OSS replication groups are unencrypted unless it is set;
Valkey ones are encrypted unless it is turned off.

## Why it matters
Encryption at rest covers the data the cache writes to disk: swap, backups and snapshots in S3.
Caches often hold session tokens and copies of sensitive records. The setting can only be chosen
when the group is created.

## Remediation
```yaml
AtRestEncryptionEnabled: true
KmsKeyId: !Ref CacheKey
```
```hcl
at_rest_encryption_enabled = true
kms_key_id                 = aws_kms_key.cache.arn
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(g) = super::group(res) else {
        return vec![];
    };
    vec![must_be_true(
        &g.at_rest_encryption,
        super::is_valkey(g),
        res.property("at_rest_encryption"),
    )]
}
