use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::must_be_true;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-RDS-005",
    name: "rds-iam-authentication-disabled",
    title: "RDS database does not enable IAM database authentication",
    severity: Severity::Medium,
    area: Area::DataAtRest,
    best_practices: &["SEC02-BP02", "SEC08-BP04"],
    kinds: &[KindTag::DbInstance, KindTag::DbCluster],
    references: &[
        fsbp("RDS.10"),
        fsbp("RDS.12"),
        checkov("CKV_AWS_161"),
        checkov("CKV_AWS_162"),
    ],
    remediation:
        "Set EnableIAMDatabaseAuthentication to true and connect with IAM authentication tokens.",
    doc: r#"## What it checks
That MySQL, MariaDB and PostgreSQL databases (RDS and Aurora), clusters and instances outside a
cluster, enable IAM database authentication (`EnableIAMDatabaseAuthentication`,
`iam_database_authentication_enabled`). Other engines do not support it and are not checked.

## Why it matters
IAM authentication replaces long-lived database passwords with 15-minute tokens issued to IAM
principals: access is granted and revoked in IAM, logged in CloudTrail, and there is no password
to leak from a configuration file.

## Remediation
```yaml
EnableIAMDatabaseAuthentication: true
```
```hcl
iam_database_authentication_enabled = true
```
"#,
}

/// Engines that support IAM database authentication.
fn supported(engine: &str) -> bool {
    let e = engine.to_ascii_lowercase();
    e.contains("mysql") || e.contains("mariadb") || e.contains("postgres") || e == "aurora"
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(d) = super::own_settings(res) else {
        return vec![];
    };
    match &d.engine {
        Value::Known(e, _) if !supported(e) => return vec![],
        // Clusters without an engine are Aurora MySQL, which supports it.
        _ => {}
    }
    vec![must_be_true(&d.iam_auth, false, res.property("iam_auth"))]
}
