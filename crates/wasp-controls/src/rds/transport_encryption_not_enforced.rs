use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, ParameterGroupKind, Resource, Value};

use crate::data_support::{parameter_group, Group};
use crate::helpers::{fail, unknown};
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-RDS-009",
    name: "rds-transport-encryption-not-enforced",
    title: "RDS database accepts connections without TLS",
    severity: Severity::Medium,
    area: Area::DataInTransit,
    best_practices: &["SEC09-BP02"],
    kinds: &[KindTag::DbInstance, KindTag::DbCluster],
    references: &[checkov("CKV2_AWS_69")],
    remediation: "Set rds.force_ssl = 1 (PostgreSQL, SQL Server) or require_secure_transport = 1 (MySQL, MariaDB) in the database's parameter group.",
    doc: r#"## What it checks
That the parameter group of a DB cluster, or of a DB instance outside a cluster, refuses
unencrypted connections: `rds.force_ssl` = `1` for PostgreSQL, Aurora PostgreSQL and SQL Server,
`require_secure_transport` = `1` (`ON`) for MySQL, MariaDB and Aurora MySQL. The parameter group
is found in the template or configuration by reference or by name. Without a parameter group (or
without the parameter), the engine's default applies: `rds.force_ssl` is on by default for RDS for
PostgreSQL 15 and later only. Oracle and Db2 configure TLS through option groups and are not
checked.

## Why it matters
RDS offers TLS on every engine but, by default, most engines also accept clear-text
connections: a client that does not ask for TLS sends credentials and data unencrypted across the
network. Forcing TLS on the server side makes encryption in transit independent of every
client's configuration.

## Remediation
```yaml
DbParameters:
  Type: AWS::RDS::DBParameterGroup
  Properties:
    Family: postgres16
    Description: TLS only
    Parameters:
      rds.force_ssl: "1"
Database:
  Type: AWS::RDS::DBInstance
  Properties:
    DBParameterGroupName: !Ref DbParameters
```
```hcl
resource "aws_db_parameter_group" "tls" {
  family = "mysql8.0"
  parameter {
    name  = "require_secure_transport"
    value = "1"
  }
}

resource "aws_db_instance" "db" {
  parameter_group_name = aws_db_parameter_group.tls.name
}
```
"#,
}

fn is_on(v: &str) -> bool {
    matches!(v.trim().to_ascii_lowercase().as_str(), "1" | "on" | "true")
}

/// The major version in a family (`postgres16`, `aurora-postgresql15`) or a version (`15.4`).
fn major(s: &str) -> Option<u32> {
    let digits: String = s
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    let (d, kind) = match &res.kind {
        Kind::DbInstance(d) if d.cluster.is_absent() => (d, ParameterGroupKind::Db),
        Kind::DbCluster(d) => (d, ParameterGroupKind::DbCluster),
        _ => return vec![],
    };
    let engine = match &d.engine {
        Value::Known(e, _) => e.to_ascii_lowercase(),
        // A cluster without an engine is Aurora MySQL.
        Value::Absent if kind == ParameterGroupKind::DbCluster => "aurora-mysql".to_string(),
        Value::Absent => return vec![],
        Value::Unknown(r, p) => return vec![unknown(format!("engine: {r}"), Some(*p))],
    };
    let parameter = if engine.contains("postgres") || engine.starts_with("sqlserver") {
        "rds.force_ssl"
    } else if engine.contains("mysql") || engine.contains("mariadb") || engine == "aurora" {
        "require_secure_transport"
    } else {
        return vec![];
    };
    // RDS for PostgreSQL 15 and later force TLS by default.
    let default_on = |family: Option<&str>| -> Result<bool, Outcome> {
        if engine != "postgres" {
            return Ok(false);
        }
        if let Some(m) = family.and_then(major) {
            return Ok(m >= 15);
        }
        match &d.engine_version {
            Value::Known(v, _) => Ok(major(v).is_some_and(|m| m >= 15)),
            // The default engine version is the latest one.
            Value::Absent => Ok(true),
            Value::Unknown(r, p) => Err(unknown(format!("engine version: {r}"), Some(*p))),
        }
    };
    let verdict = |on: bool, which: &str, pos| {
        if on {
            Outcome::Pass
        } else {
            let message = format!(
                "{which} does not set {parameter} = 1: {engine} accepts unencrypted connections"
            );
            fail(message, pos)
        }
    };
    let g = match parameter_group(res, model, &d.parameter_group, kind) {
        Ok(Group::Custom(g)) => g,
        Ok(Group::Default(family)) => {
            return vec![match default_on(family.as_deref()) {
                Ok(on) => verdict(on, "the default parameter group", d.parameter_group.pos()),
                Err(u) => u,
            }]
        }
        Err((r, p)) => return vec![unknown(format!("parameter group: {r}"), p)],
    };
    vec![match g.parameter(parameter) {
        Some(Value::Known(v, p)) => verdict(is_on(v), "the parameter group", Some(*p)),
        Some(Value::Unknown(r, p)) => unknown(format!("{parameter}: {r}"), Some(*p)),
        _ => match &g.parameters_unknown {
            Some((r, p)) => unknown(format!("parameters: {r}"), Some(*p)),
            None => match default_on(g.family.known().map(String::as_str)) {
                Ok(on) => verdict(on, "the parameter group", d.parameter_group.pos()),
                Err(u) => u,
            },
        },
    }]
}

#[cfg(test)]
mod tests {
    use super::major;

    #[test]
    fn majors() {
        assert_eq!(major("postgres16"), Some(16));
        assert_eq!(major("aurora-postgresql15"), Some(15));
        assert_eq!(major("14.7"), Some(14));
        assert_eq!(major("mysql8.0"), Some(8));
        assert_eq!(major("x"), None);
    }
}
