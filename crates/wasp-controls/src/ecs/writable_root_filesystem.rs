use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-ECS-003",
    name: "ecs-writable-root-filesystem",
    title: "ECS container can write to its root filesystem",
    severity: Severity::Medium,
    area: Area::Compute,
    best_practices: &["SEC06-BP02"],
    kinds: &[KindTag::TaskDefinition],
    references: &[fsbp("ECS.5"), checkov("CKV_AWS_336")],
    remediation: "Set ReadonlyRootFilesystem to true and mount a volume (or a tmpfs) only where the application must write.",
    doc: r#"## What it checks
Every container definition sets `ReadonlyRootFilesystem` (`readonlyRootFilesystem`) to true.
Unset fails: the default is a writable root filesystem.

## Why it matters
An attacker who gets code execution in a container usually wants to persist: drop a binary,
change a configuration file, replace a library. A read-only root filesystem stops all of that
and makes the running container match the image that was scanned and signed.

## Remediation
```yaml
ContainerDefinitions:
  - Name: app
    Image: public.ecr.aws/nginx/nginx:1.27
    ReadonlyRootFilesystem: true
```
```hcl
container_definitions = jsonencode([{
  name                   = "app"
  image                  = "public.ecr.aws/nginx/nginx:1.27"
  readonlyRootFilesystem = true
}])
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let name = res.property("containers.readonly_root_filesystem");
    super::per_container(res, |c| match &c.readonly_root_filesystem {
        Value::Known(true, _) => vec![],
        Value::Known(false, p) => vec![fail(
            format!("{} sets {name} to false", super::label(c)),
            Some(*p),
        )],
        Value::Absent => vec![fail(
            format!(
                "{} does not set {name}: its root filesystem is writable",
                super::label(c)
            ),
            Some(c.pos),
        )],
        Value::Unknown(r, p) => vec![unknown(format!("{name}: {r}"), Some(*p))],
    })
}
