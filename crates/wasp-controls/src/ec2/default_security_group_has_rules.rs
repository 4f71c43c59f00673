use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::helpers::{fail, unknown};
use crate::{checkov, cis, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-EC2-008",
    name: "default-security-group-has-rules",
    title: "Default security group of a VPC allows traffic",
    severity: Severity::Medium,
    area: Area::Network,
    best_practices: &["SEC05-BP02"],
    kinds: &[KindTag::SecurityGroup],
    references: &[cis("5.4"), fsbp("EC2.2"), checkov("CKV2_AWS_12")],
    remediation: "Manage the VPC's default security group with no ingress and no egress rules, and attach purpose-made groups instead.",
    doc: r#"## What it checks
A VPC's default security group managed in Terraform (`aws_default_security_group`) must have
no `ingress` and no `egress` blocks. Terraform removes every rule of the default group it
adopts, so an empty resource passes. CloudFormation cannot declare or manage a VPC's default
security group, so this control has no CloudFormation form.

## Why it matters
Every network interface launched without an explicit security group lands in the VPC's default
group. AWS creates that group allowing all traffic between its members and all egress, so a
forgotten resource silently joins a flat network with everything else that was forgotten.
Emptying the default group makes "no security group chosen" mean "no traffic".

## Remediation
```yaml
# CloudFormation cannot manage a VPC's default security group: give every resource its own
# security group, and empty the default group with Terraform, the console or the CLI.
SecurityGroupIds:
  - !Ref AppSecurityGroup
```
```hcl
resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
  # no ingress or egress blocks: all rules are removed
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(g) = super::group(res).filter(|g| g.is_default) else {
        return vec![];
    };
    if let Some((reason, pos)) = &g.rules_unknown {
        return vec![unknown(format!("rules: {reason}"), Some(*pos))];
    }
    let (i, e) = (g.ingress.len(), g.egress.len());
    if i == 0 && e == 0 {
        return vec![Outcome::Pass];
    }
    let first = g.ingress.iter().chain(&g.egress).map(|r| r.pos).next();
    vec![fail(
        format!("the default security group has {i} ingress and {e} egress rule(s)"),
        first,
    )]
}
