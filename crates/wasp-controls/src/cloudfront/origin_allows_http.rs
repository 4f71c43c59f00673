use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-CF-003",
    name: "cloudfront-origin-allows-http",
    title: "CloudFront sends requests to a custom origin over plain HTTP",
    severity: Severity::Medium,
    area: Area::DataInTransit,
    best_practices: &["SEC09-BP02"],
    kinds: &[KindTag::Distribution],
    references: &[fsbp("CloudFront.9"), checkov("CKV2_AWS_72")],
    remediation: "Set OriginProtocolPolicy to https-only on custom origins.",
    doc: r#"## What it checks
That every custom origin of a distribution sets the origin protocol policy to `https-only`.
`http-only` always fetches over HTTP; `match-viewer` fetches over HTTP whenever the viewer used
HTTP, which happens as long as a cache behavior allows it (`allow-all`).

## Why it matters
The leg between CloudFront and the origin crosses the internet for most custom origins. Over
HTTP, the content and any forwarded headers, cookies or authorization tokens travel unencrypted,
even when viewers connect with HTTPS.

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
    let setting = res.property("origins.protocol_policy");
    let viewers_http = d.viewer_protocol_policies.iter().any(|v| {
        v.known()
            .is_some_and(|p| p.eq_ignore_ascii_case("allow-all"))
    });
    let viewers_unknown = d.viewer_protocol_policies.iter().find(|v| v.is_unknown());
    let mut out = Vec::new();
    for o in d.origins.iter().filter(|o| o.custom) {
        let id = o.id.known().map(String::as_str).unwrap_or("?");
        match &o.protocol_policy {
            Value::Known(p, pos) if p.eq_ignore_ascii_case("http-only") => out.push(fail(
                format!("origin `{id}` sets {setting} `http-only`"),
                Some(*pos),
            )),
            Value::Known(p, pos) if p.eq_ignore_ascii_case("match-viewer") => {
                if viewers_http {
                    out.push(fail(
                        format!(
                            "origin `{id}` sets {setting} `match-viewer` and a cache behavior accepts HTTP viewers"
                        ),
                        Some(*pos),
                    ));
                } else if let Some(Value::Unknown(r, p)) = viewers_unknown {
                    out.push(unknown(format!("viewer protocol policy: {r}"), Some(*p)));
                }
            }
            Value::Unknown(r, pos) => out.push(unknown(format!("{setting}: {r}"), Some(*pos))),
            _ => {}
        }
    }
    if out.is_empty() {
        out.push(Outcome::Pass);
    }
    out
}
