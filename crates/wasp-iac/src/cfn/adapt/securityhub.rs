//! CloudFormation adapters of AWS Security Hub.

use wasp_model::{HubStandard, Kind, Node, SecurityHub};

use super::{at, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, _cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::SecurityHub::Hub" => Kind::SecurityHub(Box::new(SecurityHub {
            enable_default_standards: at(p, &["EnableDefaultStandards"]),
            auto_enable_controls: at(p, &["AutoEnableControls"]),
            control_finding_generator: at(p, &["ControlFindingGenerator"]),
        })),
        "AWS::SecurityHub::Standard" => Kind::HubStandard(Box::new(HubStandard {
            arn: at(p, &["StandardsArn"]),
        })),
        _ => return None,
    };
    Some(kind)
}
