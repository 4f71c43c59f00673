use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-DMS-002",
    name: "dms-endpoint-ssl-disabled",
    title: "DMS database endpoint connects without TLS",
    severity: Severity::Medium,
    area: Area::DataInTransit,
    best_practices: &["SEC09-BP02", "SEC09-BP03"],
    kinds: &[KindTag::DmsEndpoint],
    references: &[fsbp("DMS.9"), checkov("CKV2_AWS_49")],
    remediation: "Set SslMode (ssl_mode) to verify-full (or require) on database endpoints.",
    doc: r#"## What it checks
That endpoints of database engines set an SSL mode other than `none` (`SslMode`, `ssl_mode`;
`none` by default): `require`, `verify-ca` or `verify-full`. Endpoints of services reached
through AWS APIs or configured by their own settings (S3, DynamoDB, Kinesis, Kafka, OpenSearch,
Neptune, Redshift ...) are not checked.

## Why it matters
A migration moves the whole content of a database. Without TLS, every row travels between the
replication instance and the database in clear text; `verify-ca` and `verify-full` also make sure
the instance talks to the real database.

## Remediation
```yaml
SslMode: verify-full
CertificateArn: !Ref RdsCa
```
```hcl
ssl_mode        = "verify-full"
certificate_arn = aws_dms_certificate.rds_ca.certificate_arn
```
"#,
}

/// Relational engines whose endpoints take an SSL mode.
fn database_engine(engine: &str) -> bool {
    matches!(
        engine.to_ascii_lowercase().as_str(),
        "mysql"
            | "mariadb"
            | "aurora"
            | "aurora-postgresql"
            | "postgres"
            | "oracle"
            | "sqlserver"
            | "db2"
            | "db2-zos"
            | "sybase"
            | "azuredb"
            | "azure-sql-managed-instance"
            | "babelfish"
            | "mongodb"
            | "docdb"
    )
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::DmsEndpoint(e) = &res.kind else {
        return vec![];
    };
    match &e.engine {
        Value::Known(n, _) if !database_engine(n) => return vec![],
        Value::Unknown(r, p) => return vec![unknown(format!("engine: {r}"), Some(*p))],
        _ => {}
    }
    let setting = res.property("ssl_mode");
    vec![match &e.ssl_mode {
        Value::Known(m, p) if m.eq_ignore_ascii_case("none") => {
            fail(format!("{setting} is none"), Some(*p))
        }
        Value::Known(..) => Outcome::Pass,
        Value::Absent => fail(
            format!("no {setting}: connections are not encrypted (none)"),
            None,
        ),
        Value::Unknown(r, p) => unknown(format!("{setting}: {r}"), Some(*p)),
    }]
}
