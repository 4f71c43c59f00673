//! CloudFormation adapters of AWS Database Migration Service.

use wasp_model::{DmsEndpoint, Kind, Node, ReplicationInstance};

use super::{at, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, _cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::DMS::ReplicationInstance" => {
            Kind::ReplicationInstance(Box::new(ReplicationInstance {
                publicly_accessible: at(p, &["PubliclyAccessible"]),
                kms_key: at(p, &["KmsKeyId"]),
            }))
        }
        "AWS::DMS::Endpoint" => Kind::DmsEndpoint(Box::new(DmsEndpoint {
            endpoint_type: at(p, &["EndpointType"]),
            engine: at(p, &["EngineName"]),
            ssl_mode: at(p, &["SslMode"]),
        })),
        _ => return None,
    };
    Some(kind)
}
