use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-CODEBUILD-004",
    name: "codebuild-artifacts-unencrypted",
    title: "CodeBuild project turns off encryption of its artifacts or S3 logs",
    severity: Severity::Medium,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP02", "SEC11-BP07"],
    kinds: &[KindTag::BuildProject],
    references: &[
        fsbp("CodeBuild.3"),
        checkov("CKV_AWS_78"),
        checkov("CKV_AWS_311"),
    ],
    remediation: "Remove EncryptionDisabled (or set it to false) on the artifacts and the S3 logs, and set the project's EncryptionKey to a customer managed KMS key.",
    doc: r#"## What it checks
That no artifact (primary or secondary) and not the S3 build logs set `EncryptionDisabled`
(`encryption_disabled`) to true. Unset passes: CodeBuild encrypts them by default.

## Why it matters
Build artifacts are what gets deployed, and build logs often contain configuration and
environment details. Written to S3 unencrypted, they are protected only by the bucket's own
settings; encrypted with the project's key, reading them also needs access to that key.

## Remediation
```yaml
Artifacts:
  Type: S3
  Location: !Ref ArtifactBucket
  EncryptionDisabled: false
```
```hcl
artifacts {
  type                = "S3"
  location            = aws_s3_bucket.artifacts.id
  encryption_disabled = false
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(p) = super::project(res) else {
        return vec![];
    };
    let artifacts = res.property("artifacts_encryption_disabled");
    let mut out = Vec::new();
    let items = p
        .artifacts_encryption_disabled
        .iter()
        .map(|v| ("artifacts", artifacts, v))
        .chain(std::iter::once((
            "S3 logs",
            res.property("s3_logs_encryption_disabled"),
            &p.s3_logs_encryption_disabled,
        )));
    for (what, name, v) in items {
        match v {
            Value::Known(true, pos) => {
                out.push(fail(format!("{what}: {name} is true"), Some(*pos)))
            }
            Value::Unknown(r, pos) => out.push(unknown(format!("{what} {name}: {r}"), Some(*pos))),
            _ => {}
        }
    }
    if out.is_empty() {
        out.push(Outcome::Pass);
    }
    out
}
