use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource};

use crate::helpers::must_be_false;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-EC2-006",
    name: "instance-public-ip",
    title: "Instance gets a public IP address",
    severity: Severity::Medium,
    area: Area::Network,
    best_practices: &["SEC05-BP01"],
    kinds: &[
        KindTag::Instance,
        KindTag::LaunchTemplate,
        KindTag::LaunchConfiguration,
    ],
    references: &[
        fsbp("EC2.9"),
        fsbp("AutoScaling.5"),
        checkov("CKV_AWS_88"),
        checkov("CKV_AWS_389"),
    ],
    remediation: "Set AssociatePublicIpAddress to false and reach the instance through a load balancer or Session Manager.",
    doc: r#"## What it checks
That instances, launch templates and launch configurations do not explicitly associate a
public IP address with their network interfaces.

## Why it matters
An instance with a public address sits directly on the internet: one security group mistake
exposes it. Placing compute in private subnets behind load balancers keeps a network layer
between the internet and the workload.

## Remediation
```yaml
NetworkInterfaces:
  - DeviceIndex: "0"
    AssociatePublicIpAddress: false
    SubnetId: !Ref PrivateSubnet
```
```hcl
resource "aws_instance" "app" {
  ami                         = var.ami
  instance_type               = "t3.micro"
  subnet_id                   = aws_subnet.private.id
  associate_public_ip_address = false
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    match &res.kind {
        Kind::Instance(c) | Kind::LaunchTemplate(c) | Kind::LaunchConfiguration(c) => {
            // Unset depends on the subnet's auto-assign setting, which is its own concern.
            vec![must_be_false(
                &c.associate_public_ip,
                false,
                res.property("associate_public_ip"),
            )]
        }
        _ => vec![],
    }
}
