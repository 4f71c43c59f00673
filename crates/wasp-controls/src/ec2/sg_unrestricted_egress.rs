use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, is_world, unknown};
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-EC2-009",
    name: "sg-unrestricted-egress",
    title: "Security group allows all outbound traffic to the internet",
    severity: Severity::Low,
    area: Area::Network,
    best_practices: &["SEC05-BP02"],
    kinds: &[KindTag::SecurityGroup],
    references: &[checkov("CKV_AWS_382")],
    remediation: "Replace the allow-all egress rule with rules for the ports and destinations the workload needs (HTTPS to 0.0.0.0/0, the database's security group, VPC endpoints).",
    doc: r#"## What it checks
The egress rules of the security group: a rule that allows every protocol, or every TCP or UDP
port, to `0.0.0.0/0` or `::/0` fails. In CloudFormation, a group that does not declare
`SecurityGroupEgress` keeps the allow-all egress rule EC2 adds to every new group (standalone
`AWS::EC2::SecurityGroupEgress` resources do not remove it), so it fails too. Terraform removes
that default rule from the groups it creates.

## Why it matters
Outbound rules are the last chance to stop a compromised workload from downloading its tooling,
reaching a command-and-control server or exfiltrating data over an arbitrary port. Allowing
only what the workload needs (usually HTTPS, the database, the VPC endpoints) turns those
steps into visible, blocked attempts.

## Remediation
```yaml
SecurityGroupEgress:
  - IpProtocol: tcp
    FromPort: 443
    ToPort: 443
    CidrIp: 0.0.0.0/0
```
```hcl
egress {
  protocol    = "tcp"
  from_port   = 443
  to_port     = 443
  cidr_blocks = ["0.0.0.0/0"]
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(g) = super::group(res) else {
        return vec![];
    };
    let mut out = Vec::new();
    if g.implicit_egress_all {
        out.push(fail(
            "no SecurityGroupEgress is declared: EC2 keeps its rule allowing all outbound traffic",
            None,
        ));
    }
    for r in &g.egress {
        let world = [(&r.cidr_ipv4, "0.0.0.0/0"), (&r.cidr_ipv6, "::/0")]
            .into_iter()
            .find_map(|(v, label)| match v {
                Value::Known(c, _) if is_world(c) => Some(Ok(label)),
                Value::Unknown(reason, p) => Some(Err(unknown(
                    format!("rule destination: {reason}"),
                    Some(*p),
                ))),
                _ => None,
            });
        let world = match world {
            Some(Ok(w)) => w,
            Some(Err(u)) => {
                out.push(u);
                continue;
            }
            None => continue,
        };
        match super::port_range(r) {
            Ok(None) => out.push(fail(
                format!("egress to {world} allows all traffic"),
                Some(r.pos),
            )),
            Ok(Some((proto, 0, 65535))) if matches!(proto.as_str(), "tcp" | "udp" | "6" | "17") => {
                out.push(fail(
                    format!(
                        "egress to {world} allows every {} port",
                        proto.to_uppercase()
                    ),
                    Some(r.pos),
                ))
            }
            Ok(Some(_)) => {}
            Err(u) => out.push(u),
        }
    }
    if let Some((reason, pos)) = &g.rules_unknown {
        out.push(unknown(format!("rules: {reason}"), Some(*pos)));
    }
    if out.is_empty() {
        out.push(Outcome::Pass);
    }
    out
}
