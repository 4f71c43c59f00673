use wasp_core::Severity;
use wasp_model::{KindTag, Model, ParameterGroupKind, Resource, Value};

use crate::data_support::{parameter_group, Group};
use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-REDSHIFT-003",
    name: "redshift-ssl-not-required",
    title: "Redshift cluster accepts connections without TLS",
    severity: Severity::Medium,
    area: Area::DataInTransit,
    best_practices: &["SEC09-BP02"],
    kinds: &[KindTag::Warehouse],
    references: &[fsbp("Redshift.2"), checkov("CKV_AWS_105")],
    remediation: "Set require_ssl to true in the cluster's parameter group.",
    doc: r#"## What it checks
That the cluster's parameter group sets `require_ssl` to `true`. The parameter group is found in
the template or configuration by reference or by name. A cluster without a parameter group uses
the default group, which requires TLS for clusters created since January 2025
(`default.redshift-2.0`); a custom group of the `redshift-1.0` family that does not set the
parameter accepts clear-text connections.

## Why it matters
Redshift offers TLS but, unless `require_ssl` is on, also accepts clients that do not ask for it:
their credentials and query results then cross the network unencrypted.

## Remediation
```yaml
WarehouseParameters:
  Type: AWS::Redshift::ClusterParameterGroup
  Properties:
    Description: TLS only
    ParameterGroupFamily: redshift-1.0
    Parameters:
      - ParameterName: require_ssl
        ParameterValue: "true"
```
```hcl
resource "aws_redshift_parameter_group" "tls" {
  name   = "tls-only"
  family = "redshift-1.0"
  parameter {
    name  = "require_ssl"
    value = "true"
  }
}
```
"#,
}

fn is_on(v: &str) -> bool {
    matches!(v.trim().to_ascii_lowercase().as_str(), "true" | "1" | "on")
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    let Some(w) = super::cluster(res) else {
        return vec![];
    };
    let verdict = |on: bool, pos| {
        if on {
            Outcome::Pass
        } else {
            fail(
                "the parameter group does not set require_ssl = true: clear-text connections are accepted",
                pos,
            )
        }
    };
    let g = match parameter_group(res, model, &w.parameter_group, ParameterGroupKind::Redshift) {
        Ok(Group::Custom(g)) => g,
        // The default group of clusters created since January 2025 is `default.redshift-2.0`.
        Ok(Group::Default(None)) => return vec![Outcome::Pass],
        Ok(Group::Default(Some(family))) => {
            return vec![verdict(family.ends_with("2.0"), w.parameter_group.pos())]
        }
        Err((r, p)) => return vec![unknown(format!("parameter group: {r}"), p)],
    };
    vec![match g.parameter("require_ssl") {
        Some(Value::Known(v, p)) => verdict(is_on(v), Some(*p)),
        Some(Value::Unknown(r, p)) => unknown(format!("require_ssl: {r}"), Some(*p)),
        _ => match &g.parameters_unknown {
            Some((r, p)) => unknown(format!("parameters: {r}"), Some(*p)),
            None => match &g.family {
                Value::Known(f, _) => verdict(f.ends_with("2.0"), w.parameter_group.pos()),
                Value::Unknown(r, p) => unknown(format!("parameter group family: {r}"), Some(*p)),
                Value::Absent => verdict(false, w.parameter_group.pos()),
            },
        },
    }]
}
