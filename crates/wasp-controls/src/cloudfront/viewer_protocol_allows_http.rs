use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-CF-001",
    name: "cloudfront-viewer-protocol-allows-http",
    title: "CloudFront distribution serves viewers over plain HTTP",
    severity: Severity::Medium,
    area: Area::DataInTransit,
    best_practices: &["SEC09-BP02"],
    kinds: &[KindTag::Distribution],
    references: &[fsbp("CloudFront.3"), checkov("CKV_AWS_34")],
    remediation:
        "Set ViewerProtocolPolicy to redirect-to-https or https-only on every cache behavior.",
    doc: r#"## What it checks
That the default cache behavior and every ordered cache behavior of a distribution set the viewer
protocol policy to `redirect-to-https` or `https-only`, not `allow-all`.

## Why it matters
With `allow-all`, CloudFront answers plain HTTP requests: content, cookies and tokens cross the
network unencrypted and can be read or altered on the way. Redirecting to HTTPS keeps old links
working while every exchange is encrypted.

## Remediation
```yaml
DefaultCacheBehavior:
  TargetOriginId: site
  ViewerProtocolPolicy: redirect-to-https
  CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
```
```hcl
default_cache_behavior {
  target_origin_id       = "site"
  viewer_protocol_policy = "redirect-to-https"
  allowed_methods        = ["GET", "HEAD"]
  cached_methods         = ["GET", "HEAD"]
  cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(d) = super::distribution(res) else {
        return vec![];
    };
    let setting = res.property("viewer_protocol_policies");
    let mut out = Vec::new();
    for (i, v) in d.viewer_protocol_policies.iter().enumerate() {
        let which = if i == 0 {
            "the default cache behavior".to_string()
        } else {
            format!("cache behavior {i}")
        };
        match v {
            Value::Known(p, pos) if p.eq_ignore_ascii_case("allow-all") => out.push(fail(
                format!("{which} sets {setting} `allow-all`, accepting plain HTTP"),
                Some(*pos),
            )),
            Value::Unknown(r, pos) => out.push(unknown(format!("{setting}: {r}"), Some(*pos))),
            // Required by both sources; a missing one is a broken template, not an HTTP opening.
            _ => {}
        }
    }
    if out.is_empty() {
        out.push(Outcome::Pass);
    }
    out
}
