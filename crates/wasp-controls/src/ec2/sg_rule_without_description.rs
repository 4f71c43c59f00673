use wasp_core::{Pos, Severity};
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-EC2-010",
    name: "sg-rule-without-description",
    title: "Security group rule has no description",
    severity: Severity::Low,
    area: Area::Network,
    best_practices: &["SEC05-BP02"],
    kinds: &[KindTag::SecurityGroup],
    references: &[checkov("CKV_AWS_23")],
    remediation:
        "Give every ingress and egress rule a Description that says which flow it allows and why.",
    doc: r#"## What it checks
Every ingress and egress rule of the security group, inline or declared as its own resource,
must have a non-empty description.

## Why it matters
Traffic-flow controls are only as good as their reviews. A rule without a description cannot
be traced back to the flow it was opened for, so nobody dares to remove it once that flow is
gone, and rules accumulate. Describing each rule makes stale and overly broad rules visible in
reviews and in the console.

## Remediation
```yaml
SecurityGroupIngress:
  - IpProtocol: tcp
    FromPort: 5432
    ToPort: 5432
    SourceSecurityGroupId: !Ref AppSecurityGroup
    Description: PostgreSQL from the application tier
```
```hcl
ingress {
  description     = "PostgreSQL from the application tier"
  protocol        = "tcp"
  from_port       = 5432
  to_port         = 5432
  security_groups = [aws_security_group.app.id]
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(g) = super::group(res) else {
        return vec![];
    };
    let mut out = Vec::new();
    let mut seen: Vec<Pos> = Vec::new();
    for (dir, rules, name) in [
        ("ingress", &g.ingress, res.property("ingress.description")),
        ("egress", &g.egress, res.property("egress.description")),
    ] {
        for r in rules {
            // A Terraform block with several CIDRs is one rule per CIDR at the same place.
            if seen.contains(&r.pos) {
                continue;
            }
            seen.push(r.pos);
            match &r.description {
                Value::Known(d, _) if !d.trim().is_empty() => {}
                Value::Known(_, p) => {
                    out.push(fail(format!("{dir} rule has an empty {name}"), Some(*p)))
                }
                Value::Absent => out.push(fail(format!("{dir} rule has no {name}"), Some(r.pos))),
                v @ Value::Unknown(reason, p) => {
                    if !v.is_reference() {
                        out.push(unknown(format!("{name}: {reason}"), Some(*p)));
                    }
                }
            }
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
