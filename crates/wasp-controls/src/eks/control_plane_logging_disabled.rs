use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-EKS-003",
    name: "eks-control-plane-logging-disabled",
    title: "EKS control plane audit and authenticator logs are not enabled",
    severity: Severity::Medium,
    area: Area::Detection,
    best_practices: &["SEC04-BP01", "SEC10-BP03"],
    kinds: &[KindTag::EksCluster],
    references: &[fsbp("EKS.8"), checkov("CKV_AWS_37")],
    remediation: "Enable at least the `audit` and `authenticator` control plane log types (and `api`) on the cluster.",
    doc: r#"## What it checks
That the cluster's enabled control plane log types (`Logging.ClusterLogging.EnabledTypes`,
`enabled_cluster_log_types`) include `audit` and `authenticator`. None are enabled by default.

## Why it matters
The Kubernetes audit log records who did what through the API server: created a privileged pod,
read a secret, bound a role. The authenticator log maps those requests to IAM principals.
Without them, an investigation of a compromised cluster has no record of the attacker's
actions inside Kubernetes, and detections built on them (GuardDuty EKS protection aside)
have nothing to read.

## Remediation
```yaml
Logging:
  ClusterLogging:
    EnabledTypes:
      - Type: api
      - Type: audit
      - Type: authenticator
```
```hcl
enabled_cluster_log_types = ["api", "audit", "authenticator"]
```
"#,
}

const REQUIRED: &[&str] = &["audit", "authenticator"];

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(c) = super::cluster(res) else {
        return vec![];
    };
    let name = res.property("log_types");
    let Some(types) = &c.log_types else {
        return vec![fail(
            "control plane logging is not configured: no log types are enabled",
            None,
        )];
    };
    if let Some(Value::Unknown(r, p)) = types.iter().find(|t| t.is_unknown()) {
        return vec![unknown(format!("{name}: {r}"), Some(*p))];
    }
    let missing: Vec<&str> = REQUIRED
        .iter()
        .copied()
        .filter(|req| !types.iter().any(|t| t.known().is_some_and(|k| k == req)))
        .collect();
    vec![if missing.is_empty() {
        Outcome::Pass
    } else {
        fail(
            format!("{name} does not include {}", missing.join(" or ")),
            c.log_types_pos,
        )
    }]
}
