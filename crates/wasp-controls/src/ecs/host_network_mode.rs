use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-ECS-004",
    name: "ecs-host-network-mode",
    title: "ECS task definition uses the host network mode",
    severity: Severity::Medium,
    area: Area::Compute,
    best_practices: &["SEC06-BP02", "SEC05-BP02"],
    kinds: &[KindTag::TaskDefinition],
    references: &[fsbp("ECS.1")],
    remediation: "Use the awsvpc network mode, which gives each task its own network interface and security groups.",
    doc: r#"## What it checks
That the task definition's `NetworkMode` (`network_mode`) is not `host`. Unset passes: the
default is `bridge` on EC2, and Fargate requires `awsvpc`.

## Why it matters
In host mode the containers share the instance's network stack: they can bind any host port,
see traffic of the host's interfaces, and reach the instance metadata service and its role
credentials whatever the hop limit. Security groups can no longer tell tasks apart. The
`awsvpc` mode gives each task its own interface and security groups, so traffic between tasks
is controlled like traffic between instances.

## Remediation
```yaml
TaskDefinition:
  Type: AWS::ECS::TaskDefinition
  Properties:
    NetworkMode: awsvpc
```
```hcl
resource "aws_ecs_task_definition" "app" {
  network_mode = "awsvpc"
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(t) = super::task(res) else {
        return vec![];
    };
    let name = res.property("network_mode");
    vec![match &t.network_mode {
        Value::Known(m, p) if m.eq_ignore_ascii_case("host") => {
            fail(format!("{name} is `{m}`"), Some(*p))
        }
        Value::Known(..) | Value::Absent => Outcome::Pass,
        Value::Unknown(r, p) => unknown(format!("{name}: {r}"), Some(*p)),
    }]
}
