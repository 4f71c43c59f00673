use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-CF-006",
    name: "cloudfront-s3-origin-without-access-control",
    title: "CloudFront reaches an S3 origin without origin access control",
    severity: Severity::Medium,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP04"],
    kinds: &[KindTag::Distribution],
    references: &[fsbp("CloudFront.13"), checkov("CKV2_AWS_46")],
    remediation: "Attach an origin access control (OriginAccessControlId) to S3 origins and allow only CloudFront in the bucket policy.",
    doc: r#"## What it checks
That every S3 (REST endpoint) origin of a distribution is reached with an origin access control
(`OriginAccessControlId`, `origin_access_control_id`) or, at least, a legacy origin access
identity. S3 website endpoints are custom origins and are not checked here.

## Why it matters
Without origin access control, CloudFront sends anonymous requests to the bucket, so the bucket
must allow public reads: anyone can bypass the distribution (and its WAF, signed URLs, geo
restrictions and logging) and read the objects directly from S3.

## Remediation
```yaml
Origins:
  - Id: assets
    DomainName: !GetAtt Assets.RegionalDomainName
    OriginAccessControlId: !GetAtt AssetsAccess.Id
    S3OriginConfig:
      OriginAccessIdentity: ""
```
```hcl
origin {
  origin_id                = "assets"
  domain_name              = aws_s3_bucket.assets.bucket_regional_domain_name
  origin_access_control_id = aws_cloudfront_origin_access_control.assets.id
}
```
"#,
}

fn set(v: &Value<String>) -> Result<bool, (String, wasp_core::Pos)> {
    match v {
        Value::Known(s, _) => Ok(!s.trim().is_empty()),
        Value::Unknown(..) if v.is_reference() => Ok(true),
        Value::Unknown(r, p) => Err((r.to_string(), *p)),
        Value::Absent => Ok(false),
    }
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(d) = super::distribution(res) else {
        return vec![];
    };
    if !d.origins.iter().any(|o| o.s3) {
        return vec![];
    }
    let mut out = Vec::new();
    for o in d.origins.iter().filter(|o| o.s3) {
        let id = o.id.known().map(String::as_str).unwrap_or("?");
        match (set(&o.access_control), set(&o.access_identity)) {
            (Ok(true), _) | (_, Ok(true)) => {}
            (Err((r, p)), _) | (_, Err((r, p))) => {
                out.push(unknown(format!("origin access of `{id}`: {r}"), Some(p)))
            }
            (Ok(false), Ok(false)) => out.push(fail(
                format!("S3 origin `{id}` has no origin access control: the bucket must allow anonymous reads"),
                Some(o.pos),
            )),
        }
    }
    if out.is_empty() {
        out.push(Outcome::Pass);
    }
    out
}
