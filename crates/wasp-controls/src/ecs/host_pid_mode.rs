use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-ECS-005",
    name: "ecs-host-pid-mode",
    title: "ECS task definition shares the host's process namespace",
    severity: Severity::High,
    area: Area::Compute,
    best_practices: &["SEC06-BP02"],
    kinds: &[KindTag::TaskDefinition],
    references: &[fsbp("ECS.3"), checkov("CKV_AWS_335")],
    remediation: "Remove PidMode host; use `task` only when containers of the same task must see each other's processes.",
    doc: r#"## What it checks
That the task definition's `PidMode` (`pid_mode`) is not `host`. Unset passes: each container
then has its own process namespace.

## Why it matters
With the host's process namespace, the containers see every process on the instance,
including other tasks and the ECS agent, and with enough privilege can signal them or read
their memory and environment (where credentials live). It removes one of the main isolation
boundaries between a container and its host.

## Remediation
```yaml
TaskDefinition:
  Type: AWS::ECS::TaskDefinition
  Properties:
    PidMode: task
```
```hcl
resource "aws_ecs_task_definition" "app" {
  pid_mode = "task"
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(t) = super::task(res) else {
        return vec![];
    };
    let name = res.property("pid_mode");
    vec![match &t.pid_mode {
        Value::Known(m, p) if m.eq_ignore_ascii_case("host") => {
            fail(format!("{name} is `{m}`"), Some(*p))
        }
        Value::Known(..) | Value::Absent => Outcome::Pass,
        Value::Unknown(r, p) => unknown(format!("{name}: {r}"), Some(*p)),
    }]
}
