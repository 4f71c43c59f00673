use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{must_be_true, unknown};
use crate::{checkov, cis, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-KMS-001",
    name: "kms-key-rotation-disabled",
    title: "KMS key rotation is not enabled",
    severity: Severity::Medium,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP01"],
    kinds: &[KindTag::KmsKey],
    references: &[cis("3.6"), fsbp("KMS.4"), checkov("CKV_AWS_7")],
    remediation: "Set EnableKeyRotation to true on symmetric encryption keys.",
    doc: r#"## What it checks
That symmetric encryption KMS keys (`KeySpec` `SYMMETRIC_DEFAULT`, the default) enable automatic
key rotation. Asymmetric and HMAC keys cannot rotate automatically and are not checked.

## Why it matters
Automatic rotation replaces the key material regularly while keeping old material for
decryption, limiting how much data any one piece of key material protects and following the
cryptographic hygiene most compliance frameworks require.

## Remediation
```yaml
DataKey:
  Type: AWS::KMS::Key
  Properties:
    EnableKeyRotation: true
```
```hcl
resource "aws_kms_key" "data" {
  enable_key_rotation = true
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::KmsKey(k) = &res.kind else {
        return vec![];
    };
    match &k.key_spec {
        Value::Known(spec, _) if spec != "SYMMETRIC_DEFAULT" => return vec![],
        Value::Unknown(r, p) => {
            return vec![unknown(
                format!("{}: {r}", res.property("key_spec")),
                Some(*p),
            )]
        }
        _ => {}
    }
    vec![must_be_true(&k.rotation, false, res.property("rotation"))]
}
