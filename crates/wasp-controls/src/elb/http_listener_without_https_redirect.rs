use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-ELB-001",
    name: "alb-http-listener-without-https-redirect",
    title: "HTTP listener serves traffic instead of redirecting to HTTPS",
    severity: Severity::Medium,
    area: Area::DataInTransit,
    best_practices: &["SEC09-BP02"],
    kinds: &[KindTag::Listener],
    references: &[fsbp("ELB.1"), checkov("CKV_AWS_2"), checkov("CKV_AWS_103")],
    remediation:
        "Make the HTTP listener's default action a redirect to HTTPS (port 443, status HTTP_301).",
    doc: r#"## What it checks
That every listener with protocol `HTTP` has only `redirect` default actions whose protocol is
`HTTPS` (or a fixed response), so no request is forwarded to targets over plain HTTP.

## Why it matters
Forwarding plain HTTP exposes sessions, credentials and data to anyone on the network path, and
lets an active attacker modify responses. A redirect keeps the convenience of port 80 while every
real exchange happens over TLS.

## Remediation
```yaml
DefaultActions:
  - Type: redirect
    RedirectConfig:
      Protocol: HTTPS
      Port: "443"
      StatusCode: HTTP_301
```
```hcl
default_action {
  type = "redirect"
  redirect {
    protocol    = "HTTPS"
    port        = "443"
    status_code = "HTTP_301"
  }
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::Listener(l) = &res.kind else {
        return vec![];
    };
    match &l.protocol {
        Value::Known(p, _) if p.eq_ignore_ascii_case("HTTP") => {}
        Value::Unknown(r, p) => return vec![unknown(format!("Protocol: {r}"), Some(*p))],
        _ => return vec![],
    }
    for a in l.default_actions.iter().chain(&l.rule_actions) {
        match &a.kind {
            Value::Known(k, _) if k == "redirect" => match &a.redirect_protocol {
                Value::Known(p, _) if p.eq_ignore_ascii_case("HTTPS") => {}
                Value::Known(p, pos) => {
                    return vec![fail(
                        format!("redirects to protocol `{p}`, not HTTPS"),
                        Some(*pos),
                    )]
                }
                Value::Absent => {
                    return vec![fail(
                        "redirect keeps the request's protocol (HTTP)",
                        Some(a.pos),
                    )]
                }
                Value::Unknown(r, p) => {
                    return vec![unknown(format!("redirect protocol: {r}"), Some(*p))]
                }
            },
            Value::Known(k, _) if k == "fixed-response" => {}
            Value::Known(k, _) => {
                return vec![fail(
                    format!("HTTP listener action `{k}` serves traffic over plain HTTP"),
                    Some(a.pos),
                )]
            }
            Value::Unknown(r, p) => return vec![unknown(format!("action type: {r}"), Some(*p))],
            Value::Absent => {}
        }
    }
    vec![Outcome::Pass]
}
