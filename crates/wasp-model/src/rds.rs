//! Amazon RDS: DB instances and clusters, parameter groups (Redshift's too).

use serde::Serialize;
use wasp_core::Pos;

use crate::value::Value;

/// RDS DB instance or Aurora/RDS cluster.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Database {
    pub engine: Value<String>,
    pub storage_encrypted: Value<bool>,
    pub kms_key: Value<String>,
    pub publicly_accessible: Value<bool>,
    pub deletion_protection: Value<bool>,
    pub backup_retention: Value<i64>,
    pub iam_auth: Value<bool>,
    /// Instances of a cluster take encryption from the cluster.
    pub cluster: Value<String>,
    pub engine_version: Value<String>,
    pub auto_minor_version_upgrade: Value<bool>,
    pub copy_tags_to_snapshot: Value<bool>,
    /// The DB parameter group (instances) or DB cluster parameter group (clusters): its name,
    /// or a reference to it.
    pub parameter_group: Value<String>,
}

/// What a [`ParameterGroup`] configures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParameterGroupKind {
    /// RDS DB instances.
    #[default]
    Db,
    /// RDS / Aurora DB clusters.
    DbCluster,
    /// Redshift clusters.
    Redshift,
}

/// A parameter group: RDS DB and cluster parameter groups, Redshift cluster parameter groups.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ParameterGroup {
    #[serde(rename = "group_kind")]
    pub kind: ParameterGroupKind,
    pub name: Value<String>,
    /// `postgres16`, `aurora-mysql8.0`, `redshift-1.0`, ...
    pub family: Value<String>,
    /// Parameters by name, as written.
    #[serde(serialize_with = "crate::json::named")]
    pub parameters: Vec<(String, Value<String>)>,
    /// The parameters cannot be enumerated statically (the reason).
    #[serde(serialize_with = "crate::json::reason")]
    pub parameters_unknown: Option<(String, Pos)>,
}

impl ParameterGroup {
    /// The value of a parameter (names compared case-insensitively).
    pub fn parameter(&self, name: &str) -> Option<&Value<String>> {
        self.parameters
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }
}
