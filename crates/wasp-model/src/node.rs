//! [`Node`]: a located, dynamically typed value, what loaders produce before adapters type it.
//!
//! A node is JSON-like (null, bool, number, string, sequence, map) plus two wasp-specific kinds:
//! [`V::Unknown`] for a value that cannot be known statically (with the reason) and [`V::Ref`]
//! for a reference to another resource of the same template or module (an edge of the graph).

use std::sync::Arc;

use wasp_core::Pos;

/// A value and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub pos: Pos,
    pub v: V,
}

/// The kinds of value.
#[derive(Debug, Clone, PartialEq)]
pub enum V {
    Null,
    Bool(bool),
    /// Numbers keep their source text; [`Node::as_i64`] and friends parse on demand.
    Num(Arc<str>),
    Str(Arc<str>),
    Seq(Vec<Node>),
    Map(Map),
    /// Not statically knowable; the string says why.
    Unknown(Arc<str>),
    /// A reference to another resource (`!Ref Bucket`, `!GetAtt Role.Arn`, `aws_iam_role.x.arn`).
    /// The concrete value is unknown until deploy, but the target is certain.
    Ref(Ref),
}

/// A reference to a resource by its logical address, optionally to one of its attributes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Ref {
    pub target: Arc<str>,
    pub attr: Option<Arc<str>>,
}

/// An ordered map whose keys keep their own positions.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map {
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: Arc<str>,
    pub key_pos: Pos,
    pub value: Node,
}

impl Map {
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entries
            .iter()
            .find(|e| &*e.key == key)
            .map(|e| &e.value)
    }
    pub fn get_entry(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| &*e.key == key)
    }
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Node)> {
        self.entries.iter().map(|e| (&*e.key, &e.value))
    }
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
    pub fn insert(&mut self, key: impl Into<Arc<str>>, key_pos: Pos, value: Node) {
        let key = key.into();
        if let Some(e) = self.entries.iter_mut().find(|e| e.key == key) {
            e.value = value;
            e.key_pos = key_pos;
        } else {
            self.entries.push(Entry {
                key,
                key_pos,
                value,
            });
        }
    }
}

impl Node {
    pub fn new(pos: Pos, v: V) -> Self {
        Node { pos, v }
    }
    pub fn str(pos: Pos, s: impl Into<Arc<str>>) -> Self {
        Node::new(pos, V::Str(s.into()))
    }
    pub fn unknown(pos: Pos, reason: impl Into<Arc<str>>) -> Self {
        Node::new(pos, V::Unknown(reason.into()))
    }
    pub fn map(pos: Pos, map: Map) -> Self {
        Node::new(pos, V::Map(map))
    }
    pub fn null(pos: Pos) -> Self {
        Node::new(pos, V::Null)
    }

    pub fn as_map(&self) -> Option<&Map> {
        match &self.v {
            V::Map(m) => Some(m),
            _ => None,
        }
    }
    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.v {
            V::Seq(s) => Some(s),
            _ => None,
        }
    }
    /// The string value; numbers and booleans are rendered as their text.
    pub fn as_str(&self) -> Option<&str> {
        match &self.v {
            V::Str(s) | V::Num(s) => Some(s),
            V::Bool(true) => Some("true"),
            V::Bool(false) => Some("false"),
            _ => None,
        }
    }
    /// Booleans, and the strings `true`/`false` in any case (CloudFormation accepts both).
    pub fn as_bool(&self) -> Option<bool> {
        match &self.v {
            V::Bool(b) => Some(*b),
            V::Str(s) if s.eq_ignore_ascii_case("true") => Some(true),
            V::Str(s) if s.eq_ignore_ascii_case("false") => Some(false),
            _ => None,
        }
    }
    /// Integers, from numbers or numeric strings.
    pub fn as_i64(&self) -> Option<i64> {
        match &self.v {
            V::Num(s) | V::Str(s) => {
                let t = s.trim();
                t.parse::<i64>().ok().or_else(|| {
                    t.parse::<f64>()
                        .ok()
                        .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
                        .map(|f| f as i64)
                })
            }
            _ => None,
        }
    }
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.as_map().and_then(|m| m.get(key))
    }
    pub fn is_unknown(&self) -> bool {
        matches!(self.v, V::Unknown(_))
    }
    pub fn is_null(&self) -> bool {
        matches!(self.v, V::Null)
    }
    /// True when this node or anything inside it is unknown or a reference.
    pub fn contains_unknown(&self) -> bool {
        match &self.v {
            V::Unknown(_) | V::Ref(_) => true,
            V::Seq(s) => s.iter().any(Node::contains_unknown),
            V::Map(m) => m.entries.iter().any(|e| e.value.contains_unknown()),
            _ => false,
        }
    }
    /// The first unknown reason inside this node, if any.
    pub fn first_unknown(&self) -> Option<(&str, Pos)> {
        match &self.v {
            V::Unknown(r) => Some((r, self.pos)),
            V::Ref(r) => Some((&r.target, self.pos)),
            V::Seq(s) => s.iter().find_map(Node::first_unknown),
            V::Map(m) => m.entries.iter().find_map(|e| e.value.first_unknown()),
            _ => None,
        }
    }

    /// Converts to plain JSON. Unknown values and references become `null` so that callers
    /// which need certainty must check [`Node::contains_unknown`] first.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.v {
            V::Null | V::Unknown(_) | V::Ref(_) => J::Null,
            V::Bool(b) => J::Bool(*b),
            V::Num(s) => s
                .parse::<serde_json::Number>()
                .map(J::Number)
                .unwrap_or_else(|_| J::String(s.to_string())),
            V::Str(s) => J::String(s.to_string()),
            V::Seq(items) => J::Array(items.iter().map(Node::to_json).collect()),
            V::Map(m) => J::Object(
                m.entries
                    .iter()
                    .map(|e| (e.key.to_string(), e.value.to_json()))
                    .collect(),
            ),
        }
    }

    /// Builds a node from plain JSON, every position set to `pos`.
    pub fn from_json(value: &serde_json::Value, pos: Pos) -> Node {
        use serde_json::Value as J;
        let v = match value {
            J::Null => V::Null,
            J::Bool(b) => V::Bool(*b),
            J::Number(n) => V::Num(n.to_string().into()),
            J::String(s) => V::Str(s.as_str().into()),
            J::Array(a) => V::Seq(a.iter().map(|x| Node::from_json(x, pos)).collect()),
            J::Object(o) => V::Map(Map {
                entries: o
                    .iter()
                    .map(|(k, x)| Entry {
                        key: k.as_str().into(),
                        key_pos: pos,
                        value: Node::from_json(x, pos),
                    })
                    .collect(),
            }),
        };
        Node::new(pos, v)
    }
}
