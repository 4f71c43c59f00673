//! Amazon Redshift.

use serde::Serialize;

use crate::value::Value;

/// Redshift provisioned cluster.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Warehouse {
    pub encrypted: Value<bool>,
    pub kms_key: Value<String>,
    pub publicly_accessible: Value<bool>,
    /// Name of the cluster parameter group, or a reference to it.
    pub parameter_group: Value<String>,
    pub enhanced_vpc_routing: Value<bool>,
}
