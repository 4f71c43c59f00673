use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-ECS-001",
    name: "ecs-privileged-container",
    title: "ECS container runs in privileged mode",
    severity: Severity::High,
    area: Area::Compute,
    best_practices: &["SEC06-BP02"],
    kinds: &[KindTag::TaskDefinition],
    references: &[fsbp("ECS.4"), checkov("CKV_AWS_334")],
    remediation: "Remove Privileged (or set it to false); grant the specific Linux capabilities the container needs with LinuxParameters.Capabilities.Add.",
    doc: r#"## What it checks
No container definition of the task definition sets `Privileged` (`privileged`) to true. Unset
passes: the default is false.

## Why it matters
A privileged container has every Linux capability and access to all host devices: escaping to
the host, and from there to every other task on it and the instance role, is a matter of
mounting the host's disk. Privilege should be granted capability by capability, never as a
whole.

## Remediation
```yaml
ContainerDefinitions:
  - Name: app
    Image: public.ecr.aws/nginx/nginx:1.27
    Privileged: false
```
```hcl
container_definitions = jsonencode([{
  name       = "app"
  image      = "public.ecr.aws/nginx/nginx:1.27"
  privileged = false
}])
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let name = res.property("containers.privileged");
    super::per_container(res, |c| match &c.privileged {
        Value::Known(true, p) => vec![fail(
            format!("{} sets {name} to true", super::label(c)),
            Some(*p),
        )],
        Value::Unknown(r, p) => vec![unknown(format!("{name}: {r}"), Some(*p))],
        _ => vec![],
    })
}
