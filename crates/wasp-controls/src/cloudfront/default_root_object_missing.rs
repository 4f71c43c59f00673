use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-CF-005",
    name: "cloudfront-default-root-object-missing",
    title: "CloudFront distribution has no default root object",
    severity: Severity::Low,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP04"],
    kinds: &[KindTag::Distribution],
    references: &[fsbp("CloudFront.1"), checkov("CKV_AWS_305")],
    remediation: "Set DefaultRootObject (for example index.html) on the distribution.",
    doc: r#"## What it checks
That the distribution sets a default root object, the object returned for a request to the root
URL (`https://example.com/`).

## Why it matters
Without it, a request for the root is passed to the origin as is. Depending on the origin, that
returns an error that reveals its nature, or the listing of its contents (an S3 bucket that
allows listing), exposing object names that were never meant to be published.

## Remediation
```yaml
DistributionConfig:
  DefaultRootObject: index.html
```
```hcl
resource "aws_cloudfront_distribution" "site" {
  default_root_object = "index.html"
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(d) = super::distribution(res) else {
        return vec![];
    };
    let setting = res.property("default_root_object");
    vec![match &d.default_root_object {
        Value::Known(o, _) if !o.trim().is_empty() => Outcome::Pass,
        Value::Known(_, p) => fail(format!("{setting} is empty"), Some(*p)),
        Value::Absent => fail(format!("no {setting}"), None),
        Value::Unknown(r, p) => unknown(format!("{setting}: {r}"), Some(*p)),
    }]
}
