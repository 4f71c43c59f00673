//! Terraform adapters of AWS WAF.

use wasp_model::{value, Kind, KindTag, Node, Value, WebAcl, WebAclAssociation, V};

use super::{Index, RawRes};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_wafv2_web_acl" => Kind::WebAcl(Box::new(WebAcl {
            name: value(b.get("name")),
            scope: value(b.get("scope")),
            logging: Value::Absent,
        })),
        "aws_wafv2_web_acl_association" | "aws_wafregional_web_acl_association" => {
            let arn = b.get("resource_arn");
            Kind::WebAclAssociation(Box::new(WebAclAssociation {
                resource_arn: value(arn),
                target: arn.and_then(|n| match &n.v {
                    V::Ref(r) => Some(r.target.to_string()),
                    _ => None,
                }),
            }))
        }
        _ => return None,
    };
    Some(kind)
}

/// Joins a sub-resource of this service into the resource it configures; `false` when the type
/// is not one of its own.
pub(super) fn join(r: &RawRes, ix: &Index, kinds: &mut [Kind]) -> bool {
    let b = &r.body;
    match r.rtype.as_str() {
        "aws_wafv2_web_acl_logging_configuration" => {
            if let Some(i) = ix.find(b.get("resource_arn"), KindTag::WebAcl, kinds) {
                if let Kind::WebAcl(w) = &mut kinds[i] {
                    w.logging = Value::Known(true, r.pos);
                }
            }
        }
        _ => return false,
    }
    true
}
