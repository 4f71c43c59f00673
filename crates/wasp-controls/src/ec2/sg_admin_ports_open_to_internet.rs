use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::{checkov, cis, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-EC2-001",
    name: "sg-admin-ports-open-to-internet",
    title: "Security group allows SSH or RDP from the internet",
    severity: Severity::High,
    area: Area::Network,
    best_practices: &["SEC05-BP02", "SEC06-BP03"],
    kinds: &[KindTag::SecurityGroup],
    references: &[
        cis("5.2"),
        cis("5.3"),
        fsbp("EC2.13"),
        fsbp("EC2.14"),
        checkov("CKV_AWS_24"),
        checkov("CKV_AWS_25"),
    ],
    remediation: "Remove ingress from 0.0.0.0/0 and ::/0 on ports 22 and 3389; use Session Manager or a narrow, known CIDR.",
    doc: r#"## What it checks
Every ingress rule of the security group: none may allow TCP ports 22 (SSH) or 3389 (RDP), alone
or within a wider range or an all-traffic rule, from `0.0.0.0/0` or `::/0`.

## Why it matters
Remote administration ports open to the internet are scanned within minutes of exposure and
attacked with stolen and guessed credentials. Interactive access should go through AWS Systems
Manager Session Manager, which needs no inbound port at all.

## Remediation
```yaml
SecurityGroupIngress:
  - IpProtocol: tcp
    FromPort: 22
    ToPort: 22
    CidrIp: 10.20.0.0/16   # the administrators' network, never 0.0.0.0/0
```
```hcl
ingress {
  protocol    = "tcp"
  from_port   = 22
  to_port     = 22
  cidr_blocks = ["10.20.0.0/16"]
}
```
"#,
}

const PORTS: &[(i64, &str)] = &[(22, "SSH"), (3389, "RDP")];

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    super::check_ingress(res, |r| super::exposed(r, PORTS))
}
