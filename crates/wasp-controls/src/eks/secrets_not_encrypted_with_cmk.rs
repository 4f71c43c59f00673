use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-EKS-002",
    name: "eks-secrets-not-encrypted-with-cmk",
    title: "EKS cluster does not envelope-encrypt Kubernetes secrets with a customer managed key",
    severity: Severity::Medium,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP01", "SEC08-BP02"],
    kinds: &[KindTag::EksCluster],
    references: &[fsbp("EKS.3"), checkov("CKV_AWS_58")],
    remediation:
        "Add an EncryptionConfig for the `secrets` resource with a customer managed KMS key.",
    doc: r#"## What it checks
That the cluster has an encryption configuration for the `secrets` resource with a KMS key
(`EncryptionConfig` / `encryption_config`). Clusters on Kubernetes 1.28 and later encrypt
all API data with an AWS owned key by default; older clusters without the configuration do
not envelope-encrypt secrets at all.

## Why it matters
Kubernetes secrets hold database passwords, tokens and certificates. Envelope encryption with
your own KMS key means reading them from the cluster's storage also needs that key: access is
governed by a key policy you control, every use is logged in CloudTrail, and disabling the key
cuts access in an incident. With an AWS owned key none of that is yours to see or control.

## Remediation
```yaml
EncryptionConfig:
  - Resources: [secrets]
    Provider:
      KeyArn: !GetAtt EksSecretsKey.Arn
```
```hcl
encryption_config {
  resources = ["secrets"]
  provider {
    key_arn = aws_kms_key.eks_secrets.arn
  }
}
```
"#,
}

/// Kubernetes minor version from `1.27`, if it reads as one.
fn minor(version: &str) -> Option<u32> {
    let mut parts = version.trim().split('.');
    (parts.next()? == "1").then_some(())?;
    parts.next()?.parse().ok()
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(c) = super::cluster(res) else {
        return vec![];
    };
    let name = res.property("secrets_kms_key");
    vec![match &c.secrets_kms_key {
        Value::Known(k, _) if !k.trim().is_empty() => Outcome::Pass,
        v @ Value::Unknown(r, p) => {
            if v.is_reference() {
                Outcome::Pass
            } else {
                unknown(format!("{name}: {r}"), Some(*p))
            }
        }
        _ => {
            let old = c
                .version
                .known()
                .and_then(|v| minor(v))
                .is_some_and(|m| m < 28);
            fail(
                if old {
                    format!("no {name} for secrets: Kubernetes secrets are not envelope-encrypted")
                } else {
                    format!(
                        "no {name} for secrets: they are envelope-encrypted only with an AWS owned key"
                    )
                },
                None,
            )
        }
    }]
}
