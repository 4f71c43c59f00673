use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-LAMBDA-004",
    name: "lambda-not-in-vpc",
    title: "Lambda function does not run in a VPC",
    severity: Severity::Low,
    area: Area::Network,
    best_practices: &["SEC05-BP01"],
    kinds: &[KindTag::Function],
    references: &[fsbp("Lambda.3"), checkov("CKV_AWS_117")],
    remediation: "Attach the function to private subnets with VpcConfig (vpc_config) and a security group that allows only what it needs.",
    doc: r#"## What it checks
That the function has a VPC configuration with subnets (`VpcConfig`, `vpc_config.subnet_ids`).
Unset fails: the function then runs in the Lambda service's network with direct internet
access.

Whether a function needs to be in a VPC depends on what it reaches: a function that talks to
databases, caches or internal services should run in their network layer; one that only calls
public AWS APIs gains little. The configuration does not say which, so review the finding and
suppress it for functions that reach no private resource.

## Why it matters
Outside a VPC a function cannot be placed in a network layer: security groups, network ACLs,
VPC endpoints with their policies, and egress filtering do not apply to it, and its traffic
does not appear in VPC flow logs. Data stores it uses must then be reachable from outside
their own network.

## Remediation
```yaml
VpcConfig:
  SubnetIds: !Ref PrivateSubnets
  SecurityGroupIds:
    - !Ref FunctionSecurityGroup
```
```hcl
vpc_config {
  subnet_ids         = var.private_subnet_ids
  security_group_ids = [aws_security_group.function.id]
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::Function(f) = &res.kind else {
        return vec![];
    };
    let name = res.property("in_vpc");
    vec![match &f.in_vpc {
        Value::Known(true, _) => Outcome::Pass,
        Value::Known(false, p) => fail(format!("{name} has no subnets"), Some(*p)),
        Value::Absent => fail(
            format!("no {name}: the function runs outside any VPC"),
            None,
        ),
        v @ Value::Unknown(r, p) => {
            if v.is_reference() {
                Outcome::Pass
            } else {
                unknown(format!("{name}: {r}"), Some(*p))
            }
        }
    }]
}
