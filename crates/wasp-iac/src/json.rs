//! A JSON parser that keeps positions, rejects duplicate keys and bounds nesting depth.
//!
//! Iterative (an explicit stack, no recursion), so deep input cannot overflow the call stack.

use std::cell::Cell;
use std::sync::Arc;

use wasp_core::Pos;
use wasp_model::{Entry, Map, Node, V};

use crate::error::ParseError;
use crate::keys::SeenKeys;
use crate::limits::{MAX_DEPTH, MAX_NODES};

/// Parses one JSON document.
pub fn parse(text: &str) -> Result<Node, ParseError> {
    Parser::new(text).document()
}

struct Parser<'a> {
    src: &'a [u8],
    i: usize,
    line: u32,
    line_start: usize,
    nodes: usize,
    /// The last column computed: its byte offset and its column in characters (0-based). The
    /// next one on the same line counts on from there, so positions on a long line (a plan
    /// as `terraform show -json` writes it, all on one) cost what the line costs, once.
    last_col: Cell<(usize, usize)>,
}

enum Frame {
    Seq(Pos, Vec<Node>),
    Map(Pos, Map, Option<(Arc<str>, Pos)>, SeenKeys),
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        let src = text.as_bytes();
        // A UTF-8 byte-order mark is tolerated.
        let i = if src.starts_with(&[0xEF, 0xBB, 0xBF]) {
            3
        } else {
            0
        };
        Parser {
            src,
            i,
            line: 1,
            line_start: 0,
            nodes: 0,
            last_col: Cell::new((0, 0)),
        }
    }

    fn pos(&self) -> Pos {
        // Column in characters, 1-based: UTF-8 continuation bytes start no character.
        let (mut at, mut col) = self.last_col.get();
        if at < self.line_start || at > self.i {
            (at, col) = (self.line_start, 0);
        }
        col += self.src[at..self.i]
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count();
        self.last_col.set((self.i, col));
        Pos::new(self.line, u32::try_from(col + 1).unwrap_or(u32::MAX))
    }

    fn err<T>(&self, msg: impl Into<String>) -> Result<T, ParseError> {
        Err(ParseError::new(self.pos(), msg))
    }

    fn ws(&mut self) {
        while let Some(&c) = self.src.get(self.i) {
            match c {
                b' ' | b'\t' | b'\r' => self.i += 1,
                b'\n' => {
                    self.i += 1;
                    self.line += 1;
                    self.line_start = self.i;
                }
                _ => break,
            }
        }
    }

    fn peek(&self) -> Option<u8> {
        self.src.get(self.i).copied()
    }

    fn document(mut self) -> Result<Node, ParseError> {
        self.ws();
        let node = self.value()?;
        self.ws();
        if self.i < self.src.len() {
            return self.err("unexpected content after the JSON document");
        }
        Ok(node)
    }

    fn count(&mut self) -> Result<(), ParseError> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return self.err(format!("document has more than {MAX_NODES} values"));
        }
        Ok(())
    }

    fn value(&mut self) -> Result<Node, ParseError> {
        let mut stack: Vec<Frame> = Vec::new();
        loop {
            // Parse one value start; containers push a frame.
            self.ws();
            let pos = self.pos();
            self.count()?;
            let mut done: Option<Node> = match self.peek() {
                None => return self.err("unexpected end of input, expected a value"),
                Some(b'{') => {
                    if stack.len() >= MAX_DEPTH {
                        return self.err(format!("nesting deeper than {MAX_DEPTH} levels"));
                    }
                    self.i += 1;
                    self.ws();
                    if self.peek() == Some(b'}') {
                        self.i += 1;
                        Some(Node::map(pos, Map::default()))
                    } else {
                        let key = self.key()?;
                        stack.push(Frame::Map(
                            pos,
                            Map::default(),
                            Some(key),
                            SeenKeys::default(),
                        ));
                        None
                    }
                }
                Some(b'[') => {
                    if stack.len() >= MAX_DEPTH {
                        return self.err(format!("nesting deeper than {MAX_DEPTH} levels"));
                    }
                    self.i += 1;
                    self.ws();
                    if self.peek() == Some(b']') {
                        self.i += 1;
                        Some(Node::new(pos, V::Seq(Vec::new())))
                    } else {
                        stack.push(Frame::Seq(pos, Vec::new()));
                        None
                    }
                }
                Some(b'"') => Some(Node::new(pos, V::Str(self.string()?.into()))),
                Some(b't') => Some(self.literal("true", V::Bool(true), pos)?),
                Some(b'f') => Some(self.literal("false", V::Bool(false), pos)?),
                Some(b'n') => Some(self.literal("null", V::Null, pos)?),
                Some(c) if c == b'-' || c.is_ascii_digit() => Some(self.number(pos)?),
                Some(_) => return self.err(format!("unexpected character `{}`", self.char_here())),
            };
            // Attach finished values to their parents, closing containers as they end.
            while let Some(node) = done.take() {
                let Some(frame) = stack.last_mut() else {
                    return Ok(node);
                };
                self.ws();
                match frame {
                    Frame::Seq(_, items) => {
                        items.push(node);
                        match self.peek() {
                            Some(b',') => self.i += 1,
                            Some(b']') => {
                                self.i += 1;
                                let Some(Frame::Seq(p, items)) = stack.pop() else {
                                    unreachable!("top frame is a sequence")
                                };
                                done = Some(Node::new(p, V::Seq(items)));
                            }
                            _ => return self.err("expected `,` or `]` in array"),
                        }
                    }
                    Frame::Map(_, map, key, seen) => {
                        let (k, kp) = key
                            .take()
                            .expect("a map frame waiting for a value has a key");
                        map.entries.push(Entry {
                            key: k,
                            key_pos: kp,
                            value: node,
                        });
                        match self.peek() {
                            Some(b',') => {
                                self.i += 1;
                                self.ws();
                                let next = self.key()?;
                                if seen.contains(map, &next.0) {
                                    return Err(ParseError::new(
                                        next.1,
                                        format!("duplicate key `{}`", next.0),
                                    ));
                                }
                                *key = Some(next);
                            }
                            Some(b'}') => {
                                self.i += 1;
                                let Some(Frame::Map(p, map, _, _)) = stack.pop() else {
                                    unreachable!("top frame is a map")
                                };
                                done = Some(Node::map(p, map));
                            }
                            _ => return self.err("expected `,` or `}` in object"),
                        }
                    }
                }
            }
        }
    }

    fn char_here(&self) -> char {
        std::str::from_utf8(&self.src[self.i..])
            .ok()
            .and_then(|s| s.chars().next())
            .unwrap_or('\u{FFFD}')
    }

    /// A key and the `:` after it.
    fn key(&mut self) -> Result<(Arc<str>, Pos), ParseError> {
        let pos = self.pos();
        if self.peek() != Some(b'"') {
            return self.err("expected a string key in object");
        }
        let k = self.string()?;
        self.ws();
        if self.peek() != Some(b':') {
            return self.err("expected `:` after object key");
        }
        self.i += 1;
        Ok((k.into(), pos))
    }

    fn literal(&mut self, word: &str, v: V, pos: Pos) -> Result<Node, ParseError> {
        if self.src[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            Ok(Node::new(pos, v))
        } else {
            self.err("invalid literal")
        }
    }

    fn number(&mut self, pos: Pos) -> Result<Node, ParseError> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        let digits = |p: &mut Self| {
            let s = p.i;
            while p.peek().is_some_and(|c| c.is_ascii_digit()) {
                p.i += 1;
            }
            p.i - s
        };
        if digits(self) == 0 {
            return self.err("invalid number");
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if digits(self) == 0 {
                return self.err("invalid number: digits expected after `.`");
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if digits(self) == 0 {
                return self.err("invalid number: digits expected in exponent");
            }
        }
        let text = std::str::from_utf8(&self.src[start..self.i]).unwrap_or("0");
        Ok(Node::new(pos, V::Num(text.into())))
    }

    fn string(&mut self) -> Result<String, ParseError> {
        debug_assert_eq!(self.peek(), Some(b'"'));
        self.i += 1;
        let mut out = String::new();
        loop {
            let start = self.i;
            while let Some(&c) = self.src.get(self.i) {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.i += 1;
            }
            match std::str::from_utf8(&self.src[start..self.i]) {
                Ok(s) => out.push_str(s),
                Err(_) => return self.err("invalid UTF-8 in string"),
            }
            match self.peek() {
                None => return self.err("unterminated string"),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let Some(e) = self.peek() else {
                        return self.err("unterminated escape");
                    };
                    self.i += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let c = if (0xD800..0xDC00).contains(&hi) {
                                if self.src[self.i..].starts_with(b"\\u") {
                                    self.i += 2;
                                    let lo = self.hex4()?;
                                    if !(0xDC00..0xE000).contains(&lo) {
                                        return self.err("invalid low surrogate");
                                    }
                                    char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                                } else {
                                    None
                                }
                            } else {
                                char::from_u32(hi)
                            };
                            out.push(c.unwrap_or('\u{FFFD}'));
                        }
                        _ => return self.err("invalid escape in string"),
                    }
                }
                Some(_) => return self.err("control character in string"),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let Some(h) = self.src.get(self.i..self.i + 4) else {
            return self.err("truncated \\u escape");
        };
        let s = std::str::from_utf8(h).unwrap_or("");
        let v = u32::from_str_radix(s, 16).or_else(|_| self.err("invalid \\u escape"))?;
        self.i += 4;
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_with_positions() {
        let n = parse("{\n  \"a\": [1, true, null],\n  \"b\": {\"c\": \"x\\u00e9\"}\n}").unwrap();
        let m = n.as_map().unwrap();
        assert_eq!(m.entries[0].key_pos, Pos::new(2, 3));
        let a = m.get("a").unwrap();
        assert_eq!(a.pos, Pos::new(2, 8));
        assert_eq!(a.as_seq().unwrap()[0].as_i64(), Some(1));
        assert_eq!(a.as_seq().unwrap()[1].as_bool(), Some(true));
        assert_eq!(n.get("b").unwrap().get("c").unwrap().as_str(), Some("xé"));
    }

    #[test]
    fn rejects_duplicates_and_garbage_with_positions() {
        let e = parse("{\"a\": 1,\n \"a\": 2}").unwrap_err();
        assert_eq!(e.pos, Pos::new(2, 2));
        assert!(e.message.contains("duplicate key `a`"));
        assert!(parse("{\"a\": }").is_err());
        assert!(parse("[1, 2").is_err());
        assert!(parse("{} x").is_err());
        assert!(parse("\"\\ud800\"").is_ok());
        assert!(parse("01x").is_err());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        let e = parse(&deep).unwrap_err();
        assert!(e.message.contains("nesting deeper"));
        let ok = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(parse(&ok).is_ok());
    }
}
