use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-ECR-002",
    name: "ecr-tags-mutable",
    title: "ECR repository allows image tags to be overwritten",
    severity: Severity::Medium,
    area: Area::Compute,
    best_practices: &["SEC06-BP04"],
    kinds: &[KindTag::EcrRepository],
    references: &[fsbp("ECR.2"), checkov("CKV_AWS_51")],
    remediation: "Set ImageTagMutability to IMMUTABLE (or IMMUTABLE_WITH_EXCLUSION for a few moving tags) and deploy by tag or digest.",
    doc: r#"## What it checks
That the repository's `ImageTagMutability` (`image_tag_mutability`) is `IMMUTABLE` or
`IMMUTABLE_WITH_EXCLUSION`. Unset fails: the default is `MUTABLE`.

## Why it matters
With mutable tags, anyone who can push can replace the image behind `v1.4.2` that was
reviewed, scanned and approved: the next deployment, scale-out or node replacement silently
runs different code. Immutable tags make a tag name a promise about its content, which is
what deployment pipelines, scans and signatures rely on.

## Remediation
```yaml
Repository:
  Type: AWS::ECR::Repository
  Properties:
    ImageTagMutability: IMMUTABLE
```
```hcl
resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::EcrRepository(r) = &res.kind else {
        return vec![];
    };
    let name = res.property("tag_mutability");
    vec![match &r.tag_mutability {
        Value::Known(m, _) if m.to_ascii_uppercase().starts_with("IMMUTABLE") => Outcome::Pass,
        Value::Known(m, p) => fail(format!("{name} is `{m}`"), Some(*p)),
        Value::Absent => fail(format!("{name} is not set (defaults to MUTABLE)"), None),
        Value::Unknown(reason, p) => unknown(format!("{name}: {reason}"), Some(*p)),
    }]
}
