//! CloudFormation adapters of AWS Systems Manager.

use wasp_model::{Kind, Node, SsmParameter};

use super::{at, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, _cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::SSM::Parameter" => Kind::SsmParameter(Box::new(SsmParameter {
            name: at(p, &["Name"]),
            param_type: at(p, &["Type"]),
            value: at(p, &["Value"]),
        })),
        _ => return None,
    };
    Some(kind)
}
