use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{Area, Outcome};

crate::declare! {
    id: "WASP-ELB-002",
    name: "elb-listener-outdated-tls-policy",
    title: "TLS listener allows protocol versions older than TLS 1.2",
    severity: Severity::Medium,
    area: Area::DataInTransit,
    best_practices: &["SEC09-BP02"],
    kinds: &[KindTag::Listener],
    references: &[],
    remediation:
        "Set SslPolicy to ELBSecurityPolicy-TLS13-1-2-2021-06 (or another TLS 1.2+ policy).",
    doc: r#"## What it checks
That `HTTPS` and `TLS` listeners use a security policy that accepts only TLS 1.2 and later:
the `ELBSecurityPolicy-TLS13-1-2-*`, `ELBSecurityPolicy-TLS13-1-3-*`, `ELBSecurityPolicy-TLS-1-2-*`
and `ELBSecurityPolicy-FS-1-2-*` families (`ELBSecurityPolicy-TLS13-1-0-*` and `-1-1-*` add
TLS 1.3 but still accept 1.0 and 1.1). An unset policy is `ELBSecurityPolicy-2016-08`, which
accepts TLS 1.0.

## Why it matters
TLS 1.0 and 1.1 are deprecated (RFC 8996): their cipher suites and handshakes have known
weaknesses, and compliance frameworks such as PCI DSS forbid them.

## Remediation
```yaml
SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
```
```hcl
ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"
```
"#,
}

/// Security policies that accept only TLS 1.2 or later. The `TLS13-1-0-*` and `TLS13-1-1-*`
/// policies add TLS 1.3 but still accept 1.0 / 1.1.
fn modern(policy: &str) -> bool {
    [
        "ELBSecurityPolicy-TLS13-1-2-",
        "ELBSecurityPolicy-TLS13-1-3-",
        "ELBSecurityPolicy-TLS-1-2-",
        "ELBSecurityPolicy-FS-1-2-",
    ]
    .iter()
    .any(|p| policy.starts_with(p))
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::Listener(l) = &res.kind else {
        return vec![];
    };
    match &l.protocol {
        Value::Known(p, _) if p.eq_ignore_ascii_case("HTTPS") || p.eq_ignore_ascii_case("TLS") => {}
        Value::Unknown(r, p) => return vec![unknown(format!("Protocol: {r}"), Some(*p))],
        _ => return vec![],
    }
    vec![match &l.ssl_policy {
        Value::Known(p, _) if modern(p) => Outcome::Pass,
        Value::Known(p, pos) => fail(
            format!("security policy `{p}` accepts TLS older than 1.2"),
            Some(*pos),
        ),
        Value::Absent => fail(
            format!(
                "no {}: the default ELBSecurityPolicy-2016-08 accepts TLS 1.0",
                res.property("ssl_policy")
            ),
            None,
        ),
        Value::Unknown(r, p) => unknown(format!("{}: {r}", res.property("ssl_policy")), Some(*p)),
    }]
}
