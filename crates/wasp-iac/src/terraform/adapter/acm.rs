//! Terraform adapters of AWS Certificate Manager.

use wasp_model::{value, Certificate, Kind, Node};

use super::vstr;

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_acm_certificate" => Kind::Certificate(Box::new(Certificate {
            key_algorithm: value(b.get("key_algorithm")),
            transparency_logging: vstr(
                b,
                &["options", "certificate_transparency_logging_preference"],
            ),
            validation_method: value(b.get("validation_method")),
            private_ca: value(b.get("certificate_authority_arn")),
            imported: b.get("private_key").is_some_and(|n| !n.is_null()),
        })),
        _ => return None,
    };
    Some(kind)
}
