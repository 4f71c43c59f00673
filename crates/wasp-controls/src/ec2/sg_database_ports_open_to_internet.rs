use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::{fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-EC2-002",
    name: "sg-database-ports-open-to-internet",
    title: "Security group allows database ports from the internet",
    severity: Severity::High,
    area: Area::Network,
    best_practices: &["SEC05-BP02"],
    kinds: &[KindTag::SecurityGroup],
    references: &[fsbp("EC2.19")],
    remediation: "Remove ingress from 0.0.0.0/0 and ::/0 on database ports; allow only the application's security group.",
    doc: r#"## What it checks
Every ingress rule of the security group: none may allow a database or cache port (MySQL 3306,
PostgreSQL 5432, SQL Server 1433, Oracle 1521, MongoDB 27017, Redis 6379, Memcached 11211,
Elasticsearch/OpenSearch 9200 and 9300, Redshift 5439, Cassandra 9042) from `0.0.0.0/0` or `::/0`.

## Why it matters
Data stores belong in the innermost network layer, reachable only from the tier that uses them.
Exposed database ports are found by internet-wide scans and attacked for weak credentials and
unpatched vulnerabilities, and lead straight to the data.

## Remediation
```yaml
SecurityGroupIngress:
  - IpProtocol: tcp
    FromPort: 5432
    ToPort: 5432
    SourceSecurityGroupId: !Ref AppSecurityGroup
```
```hcl
resource "aws_vpc_security_group_ingress_rule" "db_from_app" {
  security_group_id            = aws_security_group.db.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.app.id
}
```
"#,
}

const PORTS: &[(i64, &str)] = &[
    (1433, "SQL Server"),
    (1521, "Oracle"),
    (3306, "MySQL"),
    (5432, "PostgreSQL"),
    (5439, "Redshift"),
    (6379, "Redis"),
    (9042, "Cassandra"),
    (9200, "OpenSearch"),
    (9300, "OpenSearch transport"),
    (11211, "Memcached"),
    (27017, "MongoDB"),
];

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    super::check_ingress(res, |r| match super::port_range(r)? {
        // All-traffic rules are their own control.
        None => Ok(None),
        Some(_) => super::exposed(r, PORTS),
    })
}
