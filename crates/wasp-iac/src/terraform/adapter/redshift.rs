//! Terraform adapters of Amazon Redshift.

use wasp_model::{value, Kind, Node, Warehouse};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_redshift_cluster" => Kind::Warehouse(Box::new(Warehouse {
            encrypted: value(b.get("encrypted")),
            kms_key: value(b.get("kms_key_id")),
            publicly_accessible: value(b.get("publicly_accessible")),
            parameter_group: value(b.get("cluster_parameter_group_name")),
            enhanced_vpc_routing: value(b.get("enhanced_vpc_routing")),
        })),
        _ => return None,
    };
    Some(kind)
}
