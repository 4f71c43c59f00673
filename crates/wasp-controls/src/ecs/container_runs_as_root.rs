use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-ECS-002",
    name: "ecs-container-runs-as-root",
    title: "ECS container runs as root",
    severity: Severity::Medium,
    area: Area::Compute,
    best_practices: &["SEC06-BP02"],
    kinds: &[KindTag::TaskDefinition],
    references: &[fsbp("ECS.1")],
    remediation: "Set User on every container definition to a non-root user or uid (for example \"1000:1000\").",
    doc: r#"## What it checks
Every container definition sets `User` (`user`) to a user other than `root` or uid `0`. Unset
fails: the container then runs as the image's `USER`, which is root unless the image says
otherwise, and the task definition does not show it. (Windows containers do not support the
setting; suppress the finding for them.)

## Why it matters
A process running as root inside a container is root on the host's kernel: any container
escape, writable host mount or kernel vulnerability turns into full control of the instance.
Declaring a non-root user in the task definition makes the least-privilege choice explicit and
independent of how each image was built.

## Remediation
```yaml
ContainerDefinitions:
  - Name: app
    Image: public.ecr.aws/nginx/nginx:1.27
    User: "1000:1000"
```
```hcl
container_definitions = jsonencode([{
  name  = "app"
  image = "public.ecr.aws/nginx/nginx:1.27"
  user  = "1000:1000"
}])
```
"#,
}

/// `root`, `0`, `root:group`, `0:gid`.
fn is_root(user: &str) -> bool {
    let u = user.split(':').next().unwrap_or_default().trim();
    u == "root" || u == "0"
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let name = res.property("containers.user");
    super::per_container(res, |c| match &c.user {
        Value::Known(u, p) if is_root(u) => {
            vec![fail(format!("{} runs as `{u}`", super::label(c)), Some(*p))]
        }
        Value::Known(..) => vec![],
        Value::Absent => vec![fail(
            format!(
                "{} does not set {name}: it runs as the image's user, root by default",
                super::label(c)
            ),
            Some(c.pos),
        )],
        v @ Value::Unknown(r, p) => {
            if v.is_reference() {
                vec![]
            } else {
                vec![unknown(format!("{name}: {r}"), Some(*p))]
            }
        }
    })
}
