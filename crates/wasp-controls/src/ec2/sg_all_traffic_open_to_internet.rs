use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-EC2-003",
    name: "sg-all-traffic-open-to-internet",
    title: "Security group allows all traffic from the internet",
    severity: Severity::Critical,
    area: Area::Network,
    best_practices: &["SEC05-BP02"],
    kinds: &[KindTag::SecurityGroup],
    references: &[checkov("CKV_AWS_277")],
    remediation: "Replace the all-protocol or all-port ingress rule from 0.0.0.0/0 or ::/0 with rules for the ports the service really serves.",
    doc: r#"## What it checks
That no ingress rule allows all protocols (`-1`), or every TCP or UDP port (0-65535), from
`0.0.0.0/0` or `::/0`.

## Why it matters
An all-traffic rule exposes every service the instance runs, including ones nobody meant to
publish (metadata proxies, debug ports, databases), and removes the network layer entirely.

## Remediation
```yaml
SecurityGroupIngress:
  - IpProtocol: tcp
    FromPort: 443
    ToPort: 443
    CidrIp: 0.0.0.0/0
```
```hcl
ingress {
  protocol    = "tcp"
  from_port   = 443
  to_port     = 443
  cidr_blocks = ["0.0.0.0/0"]
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    super::check_ingress(res, |r| {
        Ok(match super::port_range(r)? {
            None => Some("allows all protocols and ports".to_string()),
            Some((proto, 0, 65535)) => Some(format!("allows every {proto} port")),
            Some(_) => None,
        })
    })
}
