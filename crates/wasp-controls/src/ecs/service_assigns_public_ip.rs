use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-ECS-008",
    name: "ecs-service-assigns-public-ip",
    title: "ECS service gives its tasks public IP addresses",
    severity: Severity::High,
    area: Area::Network,
    best_practices: &["SEC05-BP01"],
    kinds: &[KindTag::EcsService],
    references: &[fsbp("ECS.2"), checkov("CKV_AWS_333")],
    remediation: "Set AssignPublicIp to DISABLED, run the tasks in private subnets and reach them through a load balancer; use a NAT gateway or VPC endpoints for outbound traffic.",
    doc: r#"## What it checks
That the service's `awsvpc` network configuration does not set `AssignPublicIp`
(`assign_public_ip`) to `ENABLED` (true). Unset passes: the default is disabled.

## Why it matters
A task with a public address is reachable from the internet as soon as its security group
allows it, bypassing the load balancer, its TLS policy and any web ACL in front of it. Tasks
belong in private subnets; the load balancer is the public layer.

## Remediation
```yaml
NetworkConfiguration:
  AwsvpcConfiguration:
    AssignPublicIp: DISABLED
    Subnets: !Ref PrivateSubnets
```
```hcl
network_configuration {
  subnets          = var.private_subnet_ids
  assign_public_ip = false
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::EcsService(s) = &res.kind else {
        return vec![];
    };
    let name = res.property("assign_public_ip");
    vec![match &s.assign_public_ip {
        Value::Known(true, p) => fail(
            format!("{name} is {}", res.spell_value("assign_public_ip", "true")),
            Some(*p),
        ),
        Value::Known(false, _) | Value::Absent => Outcome::Pass,
        Value::Unknown(r, p) => unknown(format!("{name}: {r}"), Some(*p)),
    }]
}
