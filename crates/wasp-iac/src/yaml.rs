//! YAML into [`Node`] trees, with positions, CloudFormation short-form tags, duplicate-key
//! detection, and limits on depth and alias expansion.
//!
//! Built on yaml-rust2's event parser (a state machine, no recursion); the tree is assembled
//! here with an explicit stack.

use std::collections::HashMap;
use std::sync::Arc;

use wasp_core::Pos;
use wasp_model::{Entry, Map, Node, V};
use yaml_rust2::parser::{Event, Parser, Tag};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use crate::error::ParseError;
use crate::keys::SeenKeys;
use crate::limits::{MAX_DEPTH, MAX_NODES};

/// How a YAML tag is turned into a node.
pub trait TagPolicy {
    /// Wraps `node` (tagged `!name`) into what the tag means, or says the tag is not accepted.
    fn apply(&self, name: &str, node: Node, tag_pos: Pos) -> Result<Node, String>;
}

/// Accepts no local tags (plain YAML documents).
pub struct NoTags;

impl TagPolicy for NoTags {
    fn apply(&self, name: &str, _node: Node, _pos: Pos) -> Result<Node, String> {
        Err(format!("unknown tag `!{name}`"))
    }
}

/// Parses the first YAML document of `text`.
pub fn parse(text: &str, tags: &dyn TagPolicy) -> Result<Node, ParseError> {
    let mut b = Builder {
        tags,
        stack: Vec::new(),
        anchors: HashMap::new(),
        nodes: 0,
        root: None,
    };
    let end = Pos::end_of(text);
    let mut parser = Parser::new_from_str(text);
    loop {
        let (ev, mark) = parser
            .next_token()
            .map_err(|e| ParseError::new(within(pos_of(e.marker()), end), e.info().to_string()))?;
        match ev {
            Event::StreamEnd => break,
            Event::DocumentEnd => {
                if b.root.is_some() {
                    break;
                }
            }
            ev => b.event(ev, within(pos_of(&mark), end))?,
        }
    }
    Ok(b.root.unwrap_or_else(|| Node::null(Pos::new(1, 1))))
}

fn pos_of(m: &Marker) -> Pos {
    Pos::new(m.line() as u32, m.col() as u32 + 1)
}

/// A position kept within the text: at the end of input the scanner moves to the start of a
/// line after the last one, which no editor can show.
fn within(p: Pos, end: Pos) -> Pos {
    if (p.line, p.col) > (end.line, end.col) {
        end
    } else {
        p
    }
}

struct Pending {
    anchor: usize,
    tag: Option<Tag>,
    pos: Pos,
    kind: PendingKind,
}

enum PendingKind {
    Seq(Vec<Node>),
    Map(Map, Option<(Arc<str>, Pos)>, SeenKeys),
}

struct Builder<'t> {
    tags: &'t dyn TagPolicy,
    stack: Vec<Pending>,
    anchors: HashMap<usize, (Node, usize)>,
    nodes: usize,
    root: Option<Node>,
}

impl Builder<'_> {
    fn event(&mut self, ev: Event, pos: Pos) -> Result<(), ParseError> {
        let is_seq = matches!(ev, Event::SequenceStart(..));
        match ev {
            Event::Scalar(text, style, anchor, tag) => {
                self.count(1, pos)?;
                let node = scalar(text, style, pos, tag.as_ref());
                let node = self.tagged(node, tag, pos)?;
                self.remember(anchor, &node, 1);
                self.finish(node)
            }
            Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag) => {
                self.count(1, pos)?;
                if self.stack.len() >= MAX_DEPTH {
                    return Err(ParseError::new(
                        pos,
                        format!("nesting deeper than {MAX_DEPTH} levels"),
                    ));
                }
                let kind = if is_seq {
                    PendingKind::Seq(Vec::new())
                } else {
                    PendingKind::Map(Map::default(), None, SeenKeys::default())
                };
                self.stack.push(Pending {
                    anchor,
                    tag,
                    pos,
                    kind,
                });
                Ok(())
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(p) = self.stack.pop() else {
                    return Err(ParseError::new(pos, "unbalanced YAML structure"));
                };
                let node = match p.kind {
                    PendingKind::Seq(items) => Node::new(p.pos, V::Seq(items)),
                    PendingKind::Map(map, _, _) => Node::map(p.pos, map),
                };
                let node = self.tagged(node, p.tag, p.pos)?;
                if p.anchor > 0 {
                    let size = size_of(&node);
                    self.remember(p.anchor, &node, size);
                }
                self.finish(node)
            }
            Event::Alias(id) => {
                let Some((node, size)) = self.anchors.get(&id) else {
                    return Err(ParseError::new(pos, "alias to an unknown anchor"));
                };
                let (mut node, size) = (node.clone(), *size);
                self.count(size, pos)?;
                node.pos = pos;
                self.finish(node)
            }
            _ => Ok(()),
        }
    }

    fn count(&mut self, n: usize, pos: Pos) -> Result<(), ParseError> {
        self.nodes = self.nodes.saturating_add(n);
        if self.nodes > MAX_NODES {
            return Err(ParseError::new(
                pos,
                format!(
                    "document expands to more than {MAX_NODES} values (YAML aliases are limited)"
                ),
            ));
        }
        Ok(())
    }

    fn remember(&mut self, anchor: usize, node: &Node, size: usize) {
        if anchor > 0 {
            self.anchors.insert(anchor, (node.clone(), size));
        }
    }

    fn tagged(&self, node: Node, tag: Option<Tag>, pos: Pos) -> Result<Node, ParseError> {
        let Some(tag) = tag else { return Ok(node) };
        if tag.handle == "!" {
            return self
                .tags
                .apply(&tag.suffix, node, pos)
                .map_err(|m| ParseError::new(pos, m));
        }
        // Standard tags (`!!str`, `tag:yaml.org,2002:...`) were honoured when reading the scalar.
        Ok(node)
    }

    fn finish(&mut self, node: Node) -> Result<(), ParseError> {
        let Some(top) = self.stack.last_mut() else {
            if self.root.is_none() {
                self.root = Some(node);
            }
            return Ok(());
        };
        match &mut top.kind {
            PendingKind::Seq(items) => items.push(node),
            PendingKind::Map(map, key, seen) => match key.take() {
                None => {
                    let Some(k) = node.as_str() else {
                        return Err(ParseError::new(
                            node.pos,
                            "mapping keys must be plain strings",
                        ));
                    };
                    if seen.contains(map, k) {
                        return Err(ParseError::new(node.pos, format!("duplicate key `{k}`")));
                    }
                    *key = Some((k.into(), node.pos));
                }
                Some((k, kp)) => map.entries.push(Entry {
                    key: k,
                    key_pos: kp,
                    value: node,
                }),
            },
        }
        Ok(())
    }
}

fn size_of(node: &Node) -> usize {
    match &node.v {
        V::Seq(s) => 1 + s.iter().map(size_of).sum::<usize>(),
        V::Map(m) => 1 + m.entries.iter().map(|e| size_of(&e.value)).sum::<usize>(),
        _ => 1,
    }
}

/// Resolves a scalar by the YAML 1.2 core schema (plain scalars only).
fn scalar(text: String, style: TScalarStyle, pos: Pos, tag: Option<&Tag>) -> Node {
    if let Some(t) = tag {
        let standard = t.handle == "!!" || t.handle.starts_with("tag:yaml.org,2002");
        if standard && (t.suffix == "str" || t.suffix.ends_with(":str")) {
            return Node::str(pos, text);
        }
    }
    if style != TScalarStyle::Plain {
        return Node::str(pos, text);
    }
    let v = match text.as_str() {
        "" | "~" | "null" | "Null" | "NULL" => V::Null,
        "true" | "True" | "TRUE" => V::Bool(true),
        "false" | "False" | "FALSE" => V::Bool(false),
        t if looks_numeric(t) => V::Num(text.into()),
        _ => V::Str(text.into()),
    };
    Node::new(pos, v)
}

fn looks_numeric(t: &str) -> bool {
    let b = t.strip_prefix(['-', '+']).unwrap_or(t);
    if b.is_empty() || !b.as_bytes()[0].is_ascii_digit() {
        return false;
    }
    // Integers (no leading zeros beyond "0"), decimals, exponents.
    if b.len() > 1 && b.starts_with('0') && !b.starts_with("0.") {
        return false;
    }
    t.parse::<f64>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_and_scalars() {
        let n = parse("a: 1\nb:\n  - true\n  - 'x'\n  - 007\nc: null\n", &NoTags).unwrap();
        let m = n.as_map().unwrap();
        assert_eq!(m.entries[0].key_pos, Pos::new(1, 1));
        assert_eq!(m.get("a").unwrap().pos, Pos::new(1, 4));
        assert!(matches!(m.get("a").unwrap().v, V::Num(_)));
        let b = m.get("b").unwrap().as_seq().unwrap();
        assert_eq!(b[0].v, V::Bool(true));
        assert_eq!(b[0].pos, Pos::new(3, 5));
        assert_eq!(b[1].v, V::Str("x".into()));
        assert_eq!(b[2].v, V::Str("007".into()));
        assert!(m.get("c").unwrap().is_null());
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let e = parse("a: 1\nb: 2\na: 3\n", &NoTags).unwrap_err();
        assert_eq!(e.pos.line, 3);
        assert!(e.message.contains("duplicate key `a`"));
    }

    #[test]
    fn unknown_tags_are_errors() {
        let e = parse("a: !Nope x\n", &NoTags).unwrap_err();
        assert!(e.message.contains("unknown tag `!Nope`"), "{e:?}");
    }

    #[test]
    fn alias_bomb_is_bounded() {
        let mut s = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            s.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        let e = parse(&s, &NoTags).unwrap_err();
        assert!(e.message.contains("aliases are limited"), "{e:?}");
    }

    #[test]
    fn aliases_within_budget_expand() {
        let n = parse("base: &b {x: 1}\nother: *b\n", &NoTags).unwrap();
        assert_eq!(n.get("other").unwrap().get("x").unwrap().as_i64(), Some(1));
    }

    #[test]
    fn deep_nesting_is_an_error() {
        let deep = "[".repeat(50_000);
        assert!(parse(&deep, &NoTags).is_err());
        let deep_block: String = (0..1000)
            .map(|i| format!("{}k:\n", " ".repeat(i)))
            .collect();
        assert!(parse(&deep_block, &NoTags).is_err());
    }

    #[test]
    fn syntax_errors_have_positions() {
        let e = parse("a: [1, 2\nb: 3\n", &NoTags).unwrap_err();
        assert!(e.pos.line >= 1);
    }
}
