use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource};

use crate::resource_policy::must_not_be_public;
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-KMS-002",
    name: "kms-key-policy-public",
    title: "KMS key policy lets anyone use the key",
    severity: Severity::High,
    area: Area::DataAtRest,
    best_practices: &["SEC03-BP07", "SEC08-BP01"],
    kinds: &[KindTag::KmsKey],
    references: &[checkov("CKV_AWS_33")],
    remediation: "Name specific principals in the key policy, or restrict Principal \"*\" with kms:CallerAccount, aws:PrincipalOrgID or kms:ViaService conditions.",
    doc: r#"## What it checks
That no `Allow` statement of the key policy (`KeyPolicy`, `policy`, or `aws_kms_key_policy`)
admits everyone: `Principal: "*"` (or `{"AWS": "*"}`) without a condition that really restricts
the callers (`kms:CallerAccount`, `aws:PrincipalAccount`, `aws:PrincipalOrgID`, `aws:SourceVpce`
...), as IAM Access Analyzer judges it.

## Why it matters
The key policy is the primary control over a KMS key. A public key policy lets any AWS account
decrypt the data the key protects (or encrypt with it, or change its policy), turning the
encryption of every bucket, volume and database using it into no protection at all.

## Remediation
```yaml
KeyPolicy:
  Version: "2012-10-17"
  Statement:
    - Sid: AccountAdmin
      Effect: Allow
      Principal:
        AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root"
      Action: kms:*
      Resource: "*"
```
```hcl
policy = jsonencode({
  Version = "2012-10-17"
  Statement = [{
    Sid       = "AccountAdmin"
    Effect    = "Allow"
    Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
    Action    = "kms:*"
    Resource  = "*"
  }]
})
```
"#,
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    match &res.kind {
        Kind::KmsKey(k) => k
            .policy
            .as_ref()
            .map(|d| must_not_be_public(d, model))
            .unwrap_or_default(),
        _ => vec![],
    }
}
