//! Terraform adapters of AWS Database Migration Service.

use wasp_model::{value, DmsEndpoint, Kind, Node, ReplicationInstance};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_dms_replication_instance" => {
            Kind::ReplicationInstance(Box::new(ReplicationInstance {
                // The provider sends its schema default, false, when the argument is not set.
                publicly_accessible: value(b.get("publicly_accessible")).or_default_known(false),
                kms_key: value(b.get("kms_key_arn")),
            }))
        }
        "aws_dms_endpoint" => Kind::DmsEndpoint(Box::new(DmsEndpoint {
            endpoint_type: value(b.get("endpoint_type")),
            engine: value(b.get("engine_name")),
            ssl_mode: value(b.get("ssl_mode")),
        })),
        _ => return None,
    };
    Some(kind)
}
