use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-ELB-003",
    name: "elb-classic-listener-not-encrypted",
    title: "Classic load balancer listener accepts unencrypted traffic",
    severity: Severity::Medium,
    area: Area::DataInTransit,
    best_practices: &["SEC09-BP02"],
    kinds: &[KindTag::ClassicLoadBalancer],
    references: &[fsbp("ELB.3")],
    remediation: "Use HTTPS or SSL listeners with an ACM certificate; better, migrate to an Application or Network Load Balancer.",
    doc: r#"## What it checks
That every front-end listener of a classic load balancer uses `HTTPS` or `SSL`, not `HTTP` or
`TCP`. Classic load balancers cannot redirect HTTP to HTTPS, so any plain listener serves traffic
in clear text.

## Why it matters
Requests, responses, cookies and credentials sent to a plain listener cross the network
unencrypted and can be read or altered on the way.

## Remediation
```yaml
Listeners:
  - LoadBalancerPort: "443"
    Protocol: HTTPS
    InstancePort: "8443"
    InstanceProtocol: HTTPS
    SSLCertificateId: !Ref Certificate
```
```hcl
listener {
  lb_port            = 443
  lb_protocol        = "https"
  instance_port      = 8443
  instance_protocol  = "https"
  ssl_certificate_id = aws_acm_certificate.site.arn
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::ClassicLoadBalancer(lb) = &res.kind else {
        return vec![];
    };
    let setting = res.property("listeners.protocol");
    let mut out = Vec::new();
    for l in &lb.listeners {
        match &l.protocol {
            Value::Known(p, pos) if p == "HTTP" || p == "TCP" => {
                let port = l
                    .port
                    .known()
                    .map(|n| format!(" on port {n}"))
                    .unwrap_or_default();
                out.push(fail(
                    format!("listener{port} uses {setting} {p}: traffic is not encrypted"),
                    Some(*pos),
                ));
            }
            Value::Unknown(r, pos) => out.push(unknown(format!("{setting}: {r}"), Some(*pos))),
            _ => {}
        }
    }
    if let Some((r, p)) = &lb.listeners_unknown {
        out.push(unknown(format!("listeners: {r}"), Some(*p)));
    }
    if out.is_empty() {
        out.push(Outcome::Pass);
    }
    out
}
