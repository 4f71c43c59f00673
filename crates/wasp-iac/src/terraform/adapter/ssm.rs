//! Terraform adapters of AWS Systems Manager.

use wasp_model::{value, Kind, Node, SsmDocument, SsmParameter, Value};

use crate::terraform::eval::why;

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_ssm_parameter" => Kind::SsmParameter(Box::new(SsmParameter {
            name: value(b.get("name")),
            param_type: value(b.get("type")),
            value: value::<String>(b.get("value"))
                .or(value(b.get("insecure_value")))
                .or(value(b.get("value_wo"))),
        })),
        "aws_ssm_document" => {
            let mut d = SsmDocument::default();
            if let Some(perm) = b.get("permissions").filter(|n| !n.is_null()) {
                let shares = match perm.get("type") {
                    Some(t) => value::<String>(Some(t)).map(|t| t.eq_ignore_ascii_case("share")),
                    None if perm.contains_unknown() => Value::Unknown(why(perm).into(), perm.pos),
                    None => Value::Known(false, perm.pos),
                };
                match shares {
                    Value::Known(true, _) => match value::<String>(perm.get("account_ids")) {
                        Value::Known(ids, p) => {
                            for id in ids.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                                d.shared_with.push(Value::Known(id.to_string(), p));
                            }
                        }
                        Value::Absent => {}
                        u => d.shared_with.push(u),
                    },
                    Value::Unknown(r, p) => d.shared_with.push(Value::Unknown(r, p)),
                    _ => {}
                }
            }
            Kind::SsmDocument(Box::new(d))
        }
        _ => return None,
    };
    Some(kind)
}
