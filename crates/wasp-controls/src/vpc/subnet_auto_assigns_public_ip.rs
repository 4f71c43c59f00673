use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource};

use crate::helpers::must_be_false;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-VPC-002",
    name: "subnet-auto-assigns-public-ip",
    title: "Subnet gives every instance a public IP address",
    severity: Severity::Medium,
    area: Area::Network,
    best_practices: &["SEC05-BP01"],
    kinds: &[KindTag::Subnet],
    references: &[fsbp("EC2.15"), checkov("CKV_AWS_130")],
    remediation: "Set MapPublicIpOnLaunch to false; give a public address only to what must be reachable (load balancers, NAT gateways, an explicit Elastic IP).",
    doc: r#"## What it checks
That the subnet does not set `MapPublicIpOnLaunch` (`map_public_ip_on_launch`) to true. Unset
passes: the default is false.

## Why it matters
With auto-assignment on, every instance, task or interface launched into the subnet is
reachable from the internet as soon as a security group allows it, whether or not it was meant
to be public. Load balancers and NAT gateways do not need the setting; leaving it off keeps
the public layer to the resources that were designed for it.

## Remediation
```yaml
PublicSubnet:
  Type: AWS::EC2::Subnet
  Properties:
    VpcId: !Ref Vpc
    CidrBlock: 10.0.0.0/24
    MapPublicIpOnLaunch: false
```
```hcl
resource "aws_subnet" "public" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.0.0.0/24"
  map_public_ip_on_launch = false
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::Subnet(s) = &res.kind else {
        return vec![];
    };
    vec![must_be_false(
        &s.map_public_ip,
        false,
        res.property("map_public_ip"),
    )]
}
