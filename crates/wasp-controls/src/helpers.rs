//! Small pieces shared by controls.

use wasp_core::Pos;
use wasp_model::{items, Node, Value, V};

use crate::Outcome;

pub fn fail(message: impl Into<String>, pos: Option<Pos>) -> Outcome {
    Outcome::Fail {
        message: message.into(),
        pos,
    }
}

pub fn unknown(reason: impl Into<String>, pos: Option<Pos>) -> Outcome {
    Outcome::Unknown {
        reason: reason.into(),
        pos,
    }
}

/// A boolean setting that must be true. `default` is the service default when it is absent.
pub fn must_be_true(v: &Value<bool>, default: bool, what: &str) -> Outcome {
    match v {
        Value::Known(true, _) => Outcome::Pass,
        Value::Known(false, p) => fail(format!("{what} is false"), Some(*p)),
        Value::Absent if default => Outcome::Pass,
        Value::Absent => fail(format!("{what} is not set (defaults to false)"), None),
        Value::Unknown(r, p) => unknown(format!("{what}: {r}"), Some(*p)),
    }
}

/// A boolean setting that must be false. `default` is the service default when it is absent.
pub fn must_be_false(v: &Value<bool>, default: bool, what: &str) -> Outcome {
    match v {
        Value::Known(false, _) => Outcome::Pass,
        Value::Known(true, p) => fail(format!("{what} is true"), Some(*p)),
        Value::Absent if !default => Outcome::Pass,
        Value::Absent => fail(format!("{what} is not set (defaults to true)"), None),
        Value::Unknown(r, p) => unknown(format!("{what}: {r}"), Some(*p)),
    }
}

/// The statements of a policy document (`Statement` as an object or an array).
pub fn statements(doc: &Node) -> &[Node] {
    items(doc.get("Statement"))
}

/// The values of a policy element that may be a string or a list of strings.
/// `Err` carries the reason and position of the first value that is not statically known.
pub fn strings(node: Option<&Node>) -> Result<Vec<&str>, (String, Pos)> {
    let mut out = Vec::new();
    for n in items(node) {
        match &n.v {
            V::Str(s) => out.push(&**s),
            V::Unknown(r) => return Err((r.to_string(), n.pos)),
            V::Ref(r) => {
                return Err((
                    format!("refers to `{}`, known only at deploy time", r.target),
                    n.pos,
                ))
            }
            _ => {
                if let Some(s) = n.as_str() {
                    out.push(s);
                } else if let Some((r, p)) = n.first_unknown() {
                    return Err((r.to_string(), p));
                }
            }
        }
    }
    Ok(out)
}

/// Is `cidr` the whole IPv4 or IPv6 internet?
pub fn is_world(cidr: &str) -> bool {
    matches!(cidr.trim(), "0.0.0.0/0" | "::/0" | "0::/0" | "::0/0")
}
