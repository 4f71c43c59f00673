use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-CF-002",
    name: "cloudfront-outdated-viewer-tls",
    title: "CloudFront distribution accepts viewer TLS older than 1.2",
    severity: Severity::Medium,
    area: Area::DataInTransit,
    best_practices: &["SEC09-BP02"],
    kinds: &[KindTag::Distribution],
    references: &[fsbp("CloudFront.7"), checkov("CKV_AWS_174"), checkov("CKV2_AWS_42")],
    remediation: "Serve the distribution with a custom ACM certificate and MinimumProtocolVersion TLSv1.2_2021 (or later).",
    doc: r#"## What it checks
That the distribution's viewer certificate uses a custom certificate with the security policy
`TLSv1.2_2021` or a later one (`TLSv1.2_2025`, `TLSv1.3_2025`). The default `*.cloudfront.net`
certificate always uses the `TLSv1` policy; a custom certificate without a minimum protocol
version gets `TLSv1` too. `TLSv1.2_2018` and `TLSv1.2_2019` are reported as well: they accept
TLS 1.2 only but keep CBC and non-forward-secret cipher suites.

## Why it matters
TLS 1.0 and 1.1 are deprecated (RFC 8996) and their cipher suites have known weaknesses; a
viewer, or an attacker in the middle forcing a downgrade, could negotiate them. PCI DSS and most
compliance frameworks require TLS 1.2 at least.

## Remediation
```yaml
ViewerCertificate:
  AcmCertificateArn: !Ref Certificate
  SslSupportMethod: sni-only
  MinimumProtocolVersion: TLSv1.2_2021
```
```hcl
viewer_certificate {
  acm_certificate_arn      = aws_acm_certificate.site.arn
  ssl_support_method       = "sni-only"
  minimum_protocol_version = "TLSv1.2_2021"
}
```
"#,
}

/// Security policies that accept TLS 1.2 and later with modern cipher suites only.
fn modern(policy: &str) -> bool {
    let Some(rest) = policy
        .strip_prefix("TLSv1.2_")
        .or_else(|| policy.strip_prefix("TLSv1.3_"))
    else {
        return false;
    };
    rest.get(..4)
        .and_then(|y| y.parse::<u32>().ok())
        .is_some_and(|year| year >= 2021)
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(d) = super::distribution(res) else {
        return vec![];
    };
    let setting = res.property("minimum_protocol_version");
    match &d.default_certificate {
        Value::Absent | Value::Known(true, _) => {
            return vec![fail(
                "the distribution uses the default *.cloudfront.net certificate, whose security policy is TLSv1",
                d.default_certificate.pos().or(d.viewer_certificate_pos),
            )]
        }
        Value::Unknown(r, p) => {
            return vec![unknown(
                format!(
                    "{}: {r}",
                    res.property("default_certificate")
                ),
                Some(*p),
            )]
        }
        Value::Known(false, _) => {}
    }
    vec![match &d.minimum_protocol_version {
        Value::Known(v, _) if modern(v) => Outcome::Pass,
        Value::Known(v, p) => fail(
            format!("{setting} `{v}` is older than TLSv1.2_2021"),
            Some(*p),
        ),
        Value::Absent => fail(
            format!("no {setting}: CloudFront applies TLSv1"),
            d.viewer_certificate_pos,
        ),
        Value::Unknown(r, p) => unknown(format!("{setting}: {r}"), Some(*p)),
    }]
}

#[cfg(test)]
mod tests {
    #[test]
    fn modern_policies() {
        for p in ["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"] {
            assert!(super::modern(p), "{p}");
        }
        for p in [
            "TLSv1",
            "TLSv1_2016",
            "TLSv1.1_2016",
            "TLSv1.2_2018",
            "TLSv1.2_2019",
            "SSLv3",
        ] {
            assert!(!super::modern(p), "{p}");
        }
    }
}
