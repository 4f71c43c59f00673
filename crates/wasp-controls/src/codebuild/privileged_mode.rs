use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::helpers::must_be_false;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-CODEBUILD-001",
    name: "codebuild-privileged-mode",
    title: "CodeBuild project runs builds in privileged mode",
    severity: Severity::Medium,
    area: Area::Compute,
    best_practices: &["SEC11-BP07", "SEC06-BP02"],
    kinds: &[KindTag::BuildProject],
    references: &[fsbp("CodeBuild.5"), checkov("CKV_AWS_316")],
    remediation: "Set PrivilegedMode to false; build images with a daemonless builder (Kaniko, Buildah) or in a dedicated, isolated project.",
    doc: r#"## What it checks
That the project's build environment does not set `PrivilegedMode` (`privileged_mode`) to true.
Unset passes: the default is false.

## Why it matters
Privileged mode runs the build container with full access to the host's Docker daemon and
devices. Build steps come from the repository, its dependencies and their install scripts, so a
single malicious dependency gets a privileged container with the project's role: it can tamper
with the build host, other artifacts and the images it pushes.

## Remediation
```yaml
Environment:
  Type: LINUX_CONTAINER
  ComputeType: BUILD_GENERAL1_SMALL
  Image: aws/codebuild/standard:7.0
  PrivilegedMode: false
```
```hcl
environment {
  type            = "LINUX_CONTAINER"
  compute_type    = "BUILD_GENERAL1_SMALL"
  image           = "aws/codebuild/standard:7.0"
  privileged_mode = false
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(p) = super::project(res) else {
        return vec![];
    };
    vec![must_be_false(
        &p.privileged_mode,
        false,
        res.property("privileged_mode"),
    )]
}
