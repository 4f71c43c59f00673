//! Terraform adapters of Amazon RDS.

use wasp_model::{value, Database, Kind, Node, ParameterGroup, ParameterGroupKind, Value};

use super::blocks;
use crate::terraform::eval::why;

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_db_instance" | "aws_rds_cluster" => {
            let db = Database {
                engine: value(b.get("engine")),
                storage_encrypted: value(b.get("storage_encrypted")),
                kms_key: value(b.get("kms_key_id")),
                publicly_accessible: value(b.get("publicly_accessible")),
                deletion_protection: value(b.get("deletion_protection")),
                backup_retention: value(b.get("backup_retention_period")),
                iam_auth: value(b.get("iam_database_authentication_enabled")),
                cluster: value(b.get("cluster_identifier")).filter_cluster(rtype),
                engine_version: value(b.get("engine_version")),
                auto_minor_version_upgrade: value(b.get("auto_minor_version_upgrade")),
                copy_tags_to_snapshot: value(b.get("copy_tags_to_snapshot")),
                parameter_group: value::<String>(b.get("parameter_group_name"))
                    .or(value(b.get("db_cluster_parameter_group_name"))),
            };
            if rtype == "aws_db_instance" {
                Kind::DbInstance(Box::new(db))
            } else {
                Kind::DbCluster(Box::new(db))
            }
        }
        "aws_redshift_parameter_group"
        | "aws_db_parameter_group"
        | "aws_rds_cluster_parameter_group" => {
            let mut g = ParameterGroup {
                kind: match rtype {
                    "aws_redshift_parameter_group" => ParameterGroupKind::Redshift,
                    "aws_rds_cluster_parameter_group" => ParameterGroupKind::DbCluster,
                    _ => ParameterGroupKind::Db,
                },
                name: value(b.get("name")),
                family: value(b.get("family")),
                ..ParameterGroup::default()
            };
            for p in blocks(b, "parameter") {
                match p.get("name").and_then(Node::as_str) {
                    Some(name) => g.parameters.push((name.to_string(), value(p.get("value")))),
                    None if p.contains_unknown() => {
                        g.parameters_unknown.get_or_insert((why(p), p.pos));
                    }
                    None => {}
                }
            }
            Kind::ParameterGroup(Box::new(g))
        }
        _ => return None,
    };
    Some(kind)
}

trait ClusterFilter {
    fn filter_cluster(self, rtype: &str) -> Self;
}

impl ClusterFilter for Value<String> {
    fn filter_cluster(self, rtype: &str) -> Self {
        if rtype == "aws_db_instance" {
            self
        } else {
            Value::Absent
        }
    }
}
