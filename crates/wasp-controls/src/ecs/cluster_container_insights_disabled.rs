use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-ECS-007",
    name: "ecs-cluster-container-insights-disabled",
    title: "ECS cluster does not use Container Insights",
    severity: Severity::Low,
    area: Area::Detection,
    best_practices: &["SEC04-BP01"],
    kinds: &[KindTag::EcsCluster],
    references: &[fsbp("ECS.12"), checkov("CKV_AWS_65")],
    remediation: "Set the cluster setting containerInsights to enabled (or enhanced).",
    doc: r#"## What it checks
That the cluster's `containerInsights` setting (`ClusterSettings`, `setting`) is `enabled` or
`enhanced`. Unset fails: it is off unless the account-level default was changed, which the
source does not show (suppress the finding if it was).

## Why it matters
Container Insights collects per-task and per-container metrics and performance logs: the
baseline that makes an unexpected process burning CPU (a miner), a task restarting in a loop
or unusual network volume visible, and the history an investigation needs to see when it
started.

## Remediation
```yaml
ClusterSettings:
  - Name: containerInsights
    Value: enabled
```
```hcl
setting {
  name  = "containerInsights"
  value = "enabled"
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::EcsCluster(c) = &res.kind else {
        return vec![];
    };
    vec![match &c.container_insights {
        Value::Known(v, _)
            if v.eq_ignore_ascii_case("enabled") || v.eq_ignore_ascii_case("enhanced") =>
        {
            Outcome::Pass
        }
        Value::Known(v, p) => fail(format!("containerInsights is `{v}`"), Some(*p)),
        Value::Absent => fail("containerInsights is not set (defaults to disabled)", None),
        Value::Unknown(r, p) => unknown(format!("containerInsights: {r}"), Some(*p)),
    }]
}
