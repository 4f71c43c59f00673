//! CloudFormation adapters of AWS WAF.

use wasp_model::{value, Kind, Node, Value, WebAcl, WebAclAssociation, V};

use super::{at, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::WAFv2::WebACL" => Kind::WebAcl(Box::new(WebAcl {
            name: at(p, &["Name"]),
            scope: at(p, &["Scope"]),
            logging: Value::Absent,
        })),
        "AWS::WAFv2::LoggingConfiguration" => {
            let pos = cx.pos;
            cx.join(p.get("ResourceArn"), move |k| {
                if let Kind::WebAcl(w) = k {
                    w.logging = Value::Known(true, pos);
                }
            });
            Kind::Other
        }
        "AWS::WAFv2::WebACLAssociation" | "AWS::WAFRegional::WebACLAssociation" => {
            let arn = p.get("ResourceArn");
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
