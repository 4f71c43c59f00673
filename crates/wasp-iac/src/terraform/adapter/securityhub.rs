//! Terraform adapters of AWS Security Hub.

use wasp_model::{value, HubStandard, Kind, Node, SecurityHub};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_securityhub_account" => Kind::SecurityHub(Box::new(SecurityHub {
            enable_default_standards: value(b.get("enable_default_standards")),
            auto_enable_controls: value(b.get("auto_enable_controls")),
            control_finding_generator: value(b.get("control_finding_generator")),
        })),
        "aws_securityhub_standards_subscription" => Kind::HubStandard(Box::new(HubStandard {
            arn: value(b.get("standards_arn")),
        })),
        _ => return None,
    };
    Some(kind)
}
