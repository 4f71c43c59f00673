//! [`Value`]: a typed attribute that is absent, known, or unknown, always with a position.

use std::sync::Arc;

use wasp_core::Pos;

use crate::node::{Node, V};

/// A typed attribute of a normalized resource.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value<T> {
    /// Not set in the source: the service default applies.
    #[default]
    Absent,
    /// Set, and statically certain.
    Known(T, Pos),
    /// Set, but not statically knowable (the reason says why).
    Unknown(Arc<str>, Pos),
}

impl<T> Value<T> {
    pub fn known(&self) -> Option<&T> {
        match self {
            Value::Known(v, _) => Some(v),
            _ => None,
        }
    }
    pub fn is_absent(&self) -> bool {
        matches!(self, Value::Absent)
    }
    pub fn is_unknown(&self) -> bool {
        matches!(self, Value::Unknown(..))
    }
    /// Set to a reference to another resource: the value is known only at deploy time, but it
    /// is certainly set (for example a KMS key of the same template).
    pub fn is_reference(&self) -> bool {
        matches!(self, Value::Unknown(r, _) if r.starts_with(REF_PREFIX))
    }
    pub fn pos(&self) -> Option<Pos> {
        match self {
            Value::Absent => None,
            Value::Known(_, p) | Value::Unknown(_, p) => Some(*p),
        }
    }
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Value<U> {
        match self {
            Value::Absent => Value::Absent,
            Value::Known(v, p) => Value::Known(f(v), p),
            Value::Unknown(r, p) => Value::Unknown(r, p),
        }
    }
    pub fn as_ref(&self) -> Value<&T> {
        match self {
            Value::Absent => Value::Absent,
            Value::Known(v, p) => Value::Known(v, *p),
            Value::Unknown(r, p) => Value::Unknown(r.clone(), *p),
        }
    }
    /// `self` unless it is absent, then `other` (for attributes set in two places).
    pub fn or(self, other: Value<T>) -> Value<T> {
        match self {
            Value::Absent => other,
            v => v,
        }
    }
    /// Known value, or `default` when absent. Unknown stays unknown.
    pub fn or_default_known(self, default: T) -> Value<T>
    where
        T: Clone,
    {
        match self {
            Value::Absent => Value::Known(default, Pos::NONE),
            v => v,
        }
    }
}

/// How the reason of an unknown value that is a reference to another resource begins.
pub const REF_PREFIX: &str = "refers to ";

/// Reads a typed value out of an optional node.
pub trait FromNode: Sized {
    /// `None` when the node is present but of the wrong type.
    fn from_node(node: &Node) -> Option<Self>;
    const EXPECTED: &'static str;
}

impl FromNode for bool {
    fn from_node(node: &Node) -> Option<Self> {
        node.as_bool()
    }
    const EXPECTED: &'static str = "a boolean";
}
impl FromNode for i64 {
    fn from_node(node: &Node) -> Option<Self> {
        node.as_i64()
    }
    const EXPECTED: &'static str = "an integer";
}
impl FromNode for String {
    fn from_node(node: &Node) -> Option<Self> {
        node.as_str().map(str::to_string)
    }
    const EXPECTED: &'static str = "a string";
}
impl FromNode for Node {
    fn from_node(node: &Node) -> Option<Self> {
        Some(node.clone())
    }
    const EXPECTED: &'static str = "a value";
}

/// Converts an optional node into a [`Value`]: absent, known, or unknown with the reason.
/// A null node counts as absent; a node of the wrong type is unknown ("expected a boolean").
pub fn value<T: FromNode>(node: Option<&Node>) -> Value<T> {
    let Some(node) = node else {
        return Value::Absent;
    };
    match &node.v {
        V::Null => Value::Absent,
        V::Unknown(reason) => Value::Unknown(reason.clone(), node.pos),
        V::Ref(r) => Value::Unknown(
            format!(
                "{REF_PREFIX}`{}{}`, known only at deploy time",
                r.target,
                r.attr
                    .as_deref()
                    .map(|a| format!(".{a}"))
                    .unwrap_or_default()
            )
            .into(),
            node.pos,
        ),
        _ => match T::from_node(node) {
            Some(v) => Value::Known(v, node.pos),
            None => Value::Unknown(format!("expected {}", T::EXPECTED).into(), node.pos),
        },
    }
}

/// Follows a path of map keys from a node; `None` as soon as a key is missing.
/// An unknown or reference node on the way is returned itself, so the caller sees "unknown".
pub fn path<'a>(node: Option<&'a Node>, keys: &[&str]) -> Option<&'a Node> {
    let mut cur = node?;
    for k in keys {
        match &cur.v {
            V::Unknown(_) | V::Ref(_) => return Some(cur),
            V::Map(m) => cur = m.get(k)?,
            _ => return None,
        }
    }
    Some(cur)
}

/// The items of a sequence node; a single non-sequence value counts as one item.
/// Unknown yields itself as one item, so callers see the unknown.
pub fn items(node: Option<&Node>) -> &[Node] {
    match node {
        None => &[],
        Some(n) => match &n.v {
            V::Seq(s) => s,
            V::Null => &[],
            _ => std::slice::from_ref(n),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::node::Map;

    fn n(v: V) -> Node {
        Node::new(Pos::new(1, 1), v)
    }

    #[test]
    fn value_reads_known_unknown_absent() {
        assert_eq!(value::<bool>(None), Value::Absent);
        assert_eq!(
            value::<bool>(Some(&n(V::Str("True".into())))),
            Value::Known(true, Pos::new(1, 1))
        );
        assert!(value::<bool>(Some(&n(V::Unknown("param".into())))).is_unknown());
        assert!(value::<i64>(Some(&n(V::Str("x".into())))).is_unknown());
        assert_eq!(
            value::<i64>(Some(&n(V::Num("22".into())))).known(),
            Some(&22)
        );
        assert_eq!(
            value::<i64>(Some(&n(V::Str("443".into())))).known(),
            Some(&443)
        );
        assert_eq!(value::<String>(Some(&n(V::Null))), Value::Absent);
    }

    #[test]
    fn path_stops_on_unknown() {
        let mut inner = Map::default();
        inner.insert("B", Pos::NONE, n(V::Bool(true)));
        let mut outer = Map::default();
        outer.insert("A", Pos::NONE, n(V::Map(inner)));
        outer.insert("U", Pos::NONE, n(V::Unknown("x".into())));
        let root = n(V::Map(outer));
        assert_eq!(
            path(Some(&root), &["A", "B"]).unwrap().as_bool(),
            Some(true)
        );
        assert!(path(Some(&root), &["A", "C"]).is_none());
        assert!(path(Some(&root), &["U", "C", "D"]).unwrap().is_unknown());
    }
}
