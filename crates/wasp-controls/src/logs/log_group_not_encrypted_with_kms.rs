use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource};

use crate::detection_support::must_be_set;
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-LOGS-002",
    name: "log-group-not-encrypted-with-kms",
    title: "CloudWatch Logs log group is not encrypted with a KMS key",
    severity: Severity::Low,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP02"],
    kinds: &[KindTag::LogGroup],
    references: &[checkov("CKV_AWS_158")],
    remediation: "Set KmsKeyId (kms_key_id) to a customer managed KMS key.",
    doc: r#"## What it checks
That the log group is encrypted with a KMS key: `KmsKeyId` (`kms_key_id`) is set. Without it,
CloudWatch Logs encrypts with keys it owns.

## Why it matters
Logs carry request parameters, identifiers and, by accident, tokens and personal data. With a
customer managed key, reading them needs `kms:Decrypt` on that key as well as `logs:` access,
every decryption is logged in CloudTrail, and disabling the key cuts off access at once.

## Remediation
```yaml
AppLogs:
  Type: AWS::Logs::LogGroup
  Properties:
    LogGroupName: /app/web
    RetentionInDays: 365
    KmsKeyId: !GetAtt LogsKey.Arn
```
```hcl
resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/web"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.logs.arn
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::LogGroup(g) = &res.kind else {
        return vec![];
    };
    vec![must_be_set(
        &g.kms_key,
        res.property("kms_key"),
        "no KMS key encrypts the log group",
    )]
}
