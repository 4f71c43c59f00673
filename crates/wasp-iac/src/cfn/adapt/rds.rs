//! CloudFormation adapters of Amazon RDS.

use wasp_model::{value, Database, Kind, Node, ParameterGroup, ParameterGroupKind, V};

use super::{at, first_unknown_reason, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, _cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::RDS::DBInstance" => Kind::DbInstance(Box::new(database(p))),
        "AWS::RDS::DBCluster" => Kind::DbCluster(Box::new(database(p))),
        "AWS::RDS::DBParameterGroup" | "AWS::RDS::DBClusterParameterGroup" => {
            let cluster = ty == "AWS::RDS::DBClusterParameterGroup";
            let mut g = ParameterGroup {
                kind: if cluster {
                    ParameterGroupKind::DbCluster
                } else {
                    ParameterGroupKind::Db
                },
                name: at(
                    p,
                    &[if cluster {
                        "DBClusterParameterGroupName"
                    } else {
                        "DBParameterGroupName"
                    }],
                ),
                family: at(p, &["Family"]),
                ..ParameterGroup::default()
            };
            match p.get("Parameters") {
                Some(Node { v: V::Map(m), .. }) => {
                    for e in &m.entries {
                        g.parameters
                            .push((e.key.to_string(), value(Some(&e.value))));
                    }
                }
                Some(n) if n.contains_unknown() => {
                    g.parameters_unknown = Some((first_unknown_reason(n), n.pos));
                }
                _ => {}
            }
            Kind::ParameterGroup(Box::new(g))
        }
        _ => return None,
    };
    Some(kind)
}

fn database(p: &Node) -> Database {
    Database {
        engine: at(p, &["Engine"]),
        storage_encrypted: at(p, &["StorageEncrypted"]),
        kms_key: at(p, &["KmsKeyId"]),
        publicly_accessible: at(p, &["PubliclyAccessible"]),
        deletion_protection: at(p, &["DeletionProtection"]),
        backup_retention: at(p, &["BackupRetentionPeriod"]),
        iam_auth: at(p, &["EnableIAMDatabaseAuthentication"]),
        cluster: at(p, &["DBClusterIdentifier"]),
        engine_version: at(p, &["EngineVersion"]),
        auto_minor_version_upgrade: at(p, &["AutoMinorVersionUpgrade"]),
        copy_tags_to_snapshot: at(p, &["CopyTagsToSnapshot"]),
        parameter_group: at::<String>(p, &["DBParameterGroupName"])
            .or(at(p, &["DBClusterParameterGroupName"])),
    }
}
