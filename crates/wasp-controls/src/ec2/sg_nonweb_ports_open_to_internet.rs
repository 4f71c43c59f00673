use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::{fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-EC2-007",
    name: "sg-nonweb-ports-open-to-internet",
    title: "Security group allows internet traffic to ports other than 80 and 443",
    severity: Severity::Medium,
    area: Area::Network,
    best_practices: &["SEC05-BP02"],
    kinds: &[KindTag::SecurityGroup],
    references: &[fsbp("EC2.18")],
    remediation: "Open only TCP 80 and 443 to 0.0.0.0/0 and ::/0; reach every other port through a load balancer, a VPN or a narrow, known CIDR.",
    doc: r#"## What it checks
Every ingress rule of the security group whose source is `0.0.0.0/0` or `::/0`: it may allow
only TCP port 80 or TCP port 443. A wider TCP range, any UDP port, an all-traffic rule or another
IP protocol open to the internet fails. ICMP rules are not counted.

## Why it matters
Only web front ends have a reason to accept connections from anyone. Every other open port
(application servers, caches, message brokers, metrics endpoints) is found by internet-wide
scanners within hours and tried with known exploits and default credentials. Keeping the
internet-facing surface to the web ports makes the network layer enforce the design instead
of relying on each service's own authentication.

## Remediation
```yaml
SecurityGroupIngress:
  - IpProtocol: tcp
    FromPort: 443
    ToPort: 443
    CidrIp: 0.0.0.0/0
  - IpProtocol: tcp
    FromPort: 8080
    ToPort: 8080
    SourceSecurityGroupId: !Ref LoadBalancerSecurityGroup
```
```hcl
ingress {
  protocol    = "tcp"
  from_port   = 443
  to_port     = 443
  cidr_blocks = ["0.0.0.0/0"]
}

ingress {
  protocol        = "tcp"
  from_port       = 8080
  to_port         = 8080
  security_groups = [aws_security_group.lb.id]
}
```
"#,
}

/// TCP ports that may be open to the internet.
const AUTHORIZED: &[i64] = &[80, 443];

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    super::check_ingress(res, |r| {
        let Some((proto, from, to)) = super::port_range(r)? else {
            return Ok(Some("allows all traffic".into()));
        };
        let ports = if from == to {
            from.to_string()
        } else {
            format!("{from}-{to}")
        };
        Ok(match proto.as_str() {
            "icmp" | "icmpv6" | "1" | "58" => None,
            "tcp" | "6" if from == to && AUTHORIZED.contains(&from) => None,
            "tcp" | "6" => Some(format!("exposes TCP {ports}")),
            "udp" | "17" => Some(format!("exposes UDP {ports}")),
            other => Some(format!("allows IP protocol {other}")),
        })
    })
}
