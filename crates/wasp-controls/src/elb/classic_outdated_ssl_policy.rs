use wasp_core::Severity;
use wasp_model::{ClassicListener, ClassicLoadBalancer, Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-ELB-004",
    name: "elb-classic-outdated-ssl-policy",
    title: "Classic load balancer HTTPS listener accepts TLS older than 1.2",
    severity: Severity::Medium,
    area: Area::DataInTransit,
    best_practices: &["SEC09-BP02"],
    kinds: &[KindTag::ClassicLoadBalancer],
    references: &[fsbp("ELB.8"), checkov("CKV_AWS_213")],
    remediation: "Attach an SSL negotiation policy referencing ELBSecurityPolicy-TLS-1-2-2017-01 to HTTPS and SSL listeners.",
    doc: r#"## What it checks
That every `HTTPS` or `SSL` listener of a classic load balancer uses an SSL negotiation policy
that accepts TLS 1.2 only: a policy referencing a predefined `ELBSecurityPolicy-TLS-1-2-*`
policy, or a custom policy that enables no protocol older than `Protocol-TLSv1.2`. Policies are
found in the load balancer's `Policies` (attached by `PolicyNames` or `LoadBalancerPorts`), or in
`aws_lb_ssl_negotiation_policy`, `aws_load_balancer_policy` and
`aws_load_balancer_listener_policy`. A listener without a negotiation policy uses
`ELBSecurityPolicy-2016-08`, which accepts TLS 1.0.

## Why it matters
TLS 1.0 and 1.1 are deprecated (RFC 8996) and their cipher suites have known weaknesses; clients,
or an attacker forcing a downgrade, can still negotiate them while the policy allows it.

## Remediation
```yaml
Policies:
  - PolicyName: tls12
    PolicyType: SSLNegotiationPolicyType
    Attributes:
      - Name: Reference-Security-Policy
        Value: ELBSecurityPolicy-TLS-1-2-2017-01
Listeners:
  - LoadBalancerPort: "443"
    Protocol: HTTPS
    InstancePort: "8443"
    SSLCertificateId: !Ref Certificate
    PolicyNames: [tls12]
```
```hcl
resource "aws_load_balancer_policy" "tls12" {
  load_balancer_name = aws_elb.web.name
  policy_name        = "tls12"
  policy_type_name   = "SSLNegotiationPolicyType"
  policy_attribute {
    name  = "Reference-Security-Policy"
    value = "ELBSecurityPolicy-TLS-1-2-2017-01"
  }
}

resource "aws_load_balancer_listener_policy" "https" {
  load_balancer_name = aws_elb.web.name
  load_balancer_port = 443
  policy_names       = [aws_load_balancer_policy.tls12.policy_name]
}
```
"#,
}

/// Protocols older than TLS 1.2 in a custom negotiation policy.
const OLD: &[&str] = &[
    "Protocol-SSLv2",
    "Protocol-SSLv3",
    "Protocol-TLSv1",
    "Protocol-TLSv1.1",
];

fn judge(lb: &ClassicLoadBalancer, l: &ClassicListener) -> Outcome {
    let port = l
        .port
        .known()
        .map(|n| format!(" on port {n}"))
        .unwrap_or_default();
    for name in &l.policy_names {
        let name = match name {
            Value::Known(n, _) => n,
            Value::Unknown(r, p) => return unknown(format!("policy name: {r}"), Some(*p)),
            Value::Absent => continue,
        };
        let Some(sp) = lb
            .ssl_policies
            .iter()
            .find(|s| s.name.known() == Some(name))
        else {
            // A predefined policy named directly.
            if name.starts_with("ELBSecurityPolicy-TLS-1-2") {
                return Outcome::Pass;
            } else if name.starts_with("ELBSecurityPolicy-") {
                return fail(
                    format!("listener{port} uses `{name}`, which accepts TLS older than 1.2"),
                    Some(l.pos),
                );
            }
            continue;
        };
        return match &sp.reference {
            Value::Known(r, _) if r.starts_with("ELBSecurityPolicy-TLS-1-2") => Outcome::Pass,
            Value::Known(r, p) => fail(
                format!("listener{port} uses `{r}`, which accepts TLS older than 1.2"),
                Some(*p),
            ),
            Value::Unknown(r, p) => unknown(format!("Reference-Security-Policy: {r}"), Some(*p)),
            Value::Absent => match sp.enabled.iter().find(|a| OLD.contains(&a.as_str())) {
                Some(old) => fail(
                    format!("listener{port} uses policy `{name}`, which enables {old}"),
                    Some(sp.pos),
                ),
                None => Outcome::Pass,
            },
        };
    }
    fail(
        format!("listener{port} has no SSL negotiation policy: the default ELBSecurityPolicy-2016-08 accepts TLS 1.0"),
        Some(l.pos),
    )
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::ClassicLoadBalancer(lb) = &res.kind else {
        return vec![];
    };
    let mut out = Vec::new();
    for l in &lb.listeners {
        match &l.protocol {
            Value::Known(p, _) if p == "HTTPS" || p == "SSL" => out.push(judge(lb, l)),
            Value::Unknown(r, p) => out.push(unknown(format!("listener protocol: {r}"), Some(*p))),
            _ => {}
        }
    }
    if let Some((r, p)) = &lb.listeners_unknown {
        out.push(unknown(format!("listeners: {r}"), Some(*p)));
    }
    out
}
