use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-CF-004",
    name: "cloudfront-origin-deprecated-ssl",
    title: "CloudFront may use SSLv3 with a custom origin",
    severity: Severity::Medium,
    area: Area::DataInTransit,
    best_practices: &["SEC09-BP02"],
    kinds: &[KindTag::Distribution],
    references: &[fsbp("CloudFront.10"), checkov("CKV2_AWS_54")],
    remediation: "Remove SSLv3 from OriginSSLProtocols; list TLSv1.2 only.",
    doc: r#"## What it checks
That no custom origin lists `SSLv3` among the protocols CloudFront may use to connect to it over
HTTPS (`OriginSSLProtocols`, `origin_ssl_protocols`). Origins fetched only over HTTP are left to
`cloudfront-origin-allows-http`.

## Why it matters
SSL 3.0 is broken (POODLE, RFC 7568): traffic protected by it can be decrypted. If the origin
still accepts it, CloudFront may negotiate it, exposing everything between the edge and the
origin.

## Remediation
```yaml
CustomOriginConfig:
  OriginProtocolPolicy: https-only
  OriginSSLProtocols: [TLSv1.2]
```
```hcl
custom_origin_config {
  http_port              = 80
  https_port             = 443
  origin_protocol_policy = "https-only"
  origin_ssl_protocols   = ["TLSv1.2"]
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(d) = super::distribution(res) else {
        return vec![];
    };
    if !d.origins.iter().any(|o| o.custom) {
        return vec![];
    }
    let setting = res.property("origins.ssl_protocols");
    let mut out = Vec::new();
    for o in d.origins.iter().filter(|o| o.custom) {
        if o.protocol_policy
            .known()
            .is_some_and(|p| p.eq_ignore_ascii_case("http-only"))
        {
            continue;
        }
        let id = o.id.known().map(String::as_str).unwrap_or("?");
        for v in &o.ssl_protocols {
            match v {
                Value::Known(p, pos) if p.eq_ignore_ascii_case("SSLv3") => out.push(fail(
                    format!("origin `{id}` allows SSLv3 in {setting}"),
                    Some(*pos),
                )),
                Value::Unknown(r, pos) => out.push(unknown(format!("{setting}: {r}"), Some(*pos))),
                _ => {}
            }
        }
    }
    if out.is_empty() {
        out.push(Outcome::Pass);
    }
    out
}
