//! CloudFormation adapters of Amazon Redshift.

use wasp_model::{items, Kind, Node, ParameterGroup, ParameterGroupKind, Warehouse};

use super::{at, first_unknown_reason, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, _cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::Redshift::Cluster" => Kind::Warehouse(Box::new(Warehouse {
            encrypted: at(p, &["Encrypted"]),
            kms_key: at(p, &["KmsKeyId"]),
            publicly_accessible: at(p, &["PubliclyAccessible"]),
            parameter_group: at(p, &["ClusterParameterGroupName"]),
            enhanced_vpc_routing: at(p, &["EnhancedVpcRouting"]),
        })),
        "AWS::Redshift::ClusterParameterGroup" => {
            let mut g = ParameterGroup {
                kind: ParameterGroupKind::Redshift,
                name: at(p, &["ParameterGroupName"]),
                family: at(p, &["ParameterGroupFamily"]),
                ..ParameterGroup::default()
            };
            for item in items(p.get("Parameters")) {
                match item.get("ParameterName").and_then(Node::as_str) {
                    Some(name) => g
                        .parameters
                        .push((name.to_string(), at(item, &["ParameterValue"]))),
                    None if item.contains_unknown() => {
                        g.parameters_unknown
                            .get_or_insert((first_unknown_reason(item), item.pos));
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
