//! Terraform adapters of AWS Secrets Manager.

use wasp_model::{value, Kind, KindTag, Node, Rotation, Secret, Value};

use super::{blocks, dig, policy_doc, vstr, Index, RawRes};
use crate::terraform::eval::why;

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_secretsmanager_secret" => Kind::Secret(Box::new(Secret {
            name: value(b.get("name")),
            kms_key: value(b.get("kms_key_id")),
            // Provider versions before 5 configured rotation on the secret itself.
            rotation: blocks(b, "rotation_rules")
                .first()
                .map(|r| rotation(b, r.pos)),
            policy: policy_doc("secret policy", b.get("policy")),
            ..Secret::default()
        })),
        _ => return None,
    };
    Some(kind)
}

/// Joins a sub-resource of this service into the resource it configures; `false` when the type
/// is not one of its own.
pub(super) fn join(r: &RawRes, ix: &Index, kinds: &mut [Kind]) -> bool {
    let b = &r.body;
    match r.rtype.as_str() {
        "aws_secretsmanager_secret_version" => {
            if let Some(s) = ix
                .find(b.get("secret_id"), KindTag::Secret, kinds)
                .and_then(|i| secret_mut(kinds, i))
            {
                for key in ["secret_string", "secret_string_wo"] {
                    if let Some(n) = b.get(key).filter(|n| !n.is_null()) {
                        s.values.push(text(n));
                    }
                }
            }
        }
        "aws_secretsmanager_secret_rotation" => {
            if let Some(s) = ix
                .find(b.get("secret_id"), KindTag::Secret, kinds)
                .and_then(|i| secret_mut(kinds, i))
            {
                s.rotation = Some(rotation(b, r.pos));
            }
        }
        "aws_secretsmanager_secret_policy" => {
            if let Some(s) = ix
                .find(b.get("secret_arn"), KindTag::Secret, kinds)
                .and_then(|i| secret_mut(kinds, i))
            {
                if let Some(mut d) = policy_doc("secret policy", b.get("policy")) {
                    d.joined_from = Some(r.address.clone());
                    s.policy = Some(d);
                }
            }
        }
        _ => return false,
    }
    true
}

/// A string attribute that may hold the result of `jsonencode` (kept as a tree by the
/// evaluator): the JSON text when it is fully known.
fn text(n: &Node) -> Value<String> {
    match &n.v {
        wasp_model::V::Map(_) | wasp_model::V::Seq(_) => match n.first_unknown() {
            Some((_, p)) => Value::Unknown(first_unknown_reason(n).into(), p),
            None => Value::Known(n.to_json().to_string(), n.pos),
        },
        _ => value(Some(n)),
    }
}

/// The reason of the first value inside `n` that is not statically known.
fn first_unknown_reason(n: &Node) -> String {
    fn find(n: &Node) -> Option<&Node> {
        match &n.v {
            wasp_model::V::Unknown(_) | wasp_model::V::Ref(_) => Some(n),
            wasp_model::V::Seq(s) => s.iter().find_map(find),
            wasp_model::V::Map(m) => m.entries.iter().find_map(|e| find(&e.value)),
            _ => None,
        }
    }
    why(find(n).unwrap_or(n))
}

fn rotation(b: &Node, pos: wasp_core::Pos) -> Rotation {
    Rotation {
        after_days: value(dig(b, &["rotation_rules", "automatically_after_days"])),
        schedule: vstr(b, &["rotation_rules", "schedule_expression"]),
        pos,
    }
}

fn secret_mut(kinds: &mut [Kind], i: usize) -> Option<&mut Secret> {
    match &mut kinds[i] {
        Kind::Secret(s) => Some(s),
        _ => None,
    }
}
