//! Pretty-printed JSON written exactly as `serde_json::to_writer_pretty` writes it, with long
//! lists rendered on every core, a bounded batch at a time: each item is rendered on its own
//! and indented to its depth, which gives the same bytes since JSON strings hold no raw line
//! breaks.

use std::io::{self, Write};

use serde::Serialize;

/// `v` pretty-printed as the value of a member at `indent` spaces.
pub(crate) fn pretty<T: Serialize + ?Sized>(v: &T, indent: usize) -> io::Result<Vec<u8>> {
    let text = serde_json::to_vec_pretty(v)?;
    let mut out = Vec::with_capacity(text.len() + text.len() / 8);
    indent_lines(&text, indent, &mut out);
    Ok(out)
}

/// Writes a list pretty-printed as the value of a member at `indent` spaces. Items are
/// rendered in parallel, a bounded batch at a time, so memory does not hold the whole text.
pub(crate) fn pretty_list<T: Serialize + Sync>(
    items: &[T],
    indent: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    if items.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    pretty_items(items, indent + 2, 0, out)?;
    close_list(indent, out)
}

/// Writes the items of a list at `inner` spaces, each preceded by its comma (none before the
/// list's first item, the one at index 0) and its line break. `first` is the index in the
/// whole list of `items[0]`.
pub(crate) fn pretty_items<T: Serialize + Sync>(
    items: &[T],
    inner: usize,
    first: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    use rayon::prelude::*;
    // Item `at` of the whole list, with its comma and line break.
    let render = |chunk: &[T], at: usize| -> io::Result<Vec<u8>> {
        let mut text = Vec::new();
        for (i, item) in chunk.iter().enumerate() {
            if at + i > 0 {
                text.push(b',');
            }
            text.push(b'\n');
            text.extend(std::iter::repeat_n(b' ', inner));
            indent_lines(&serde_json::to_vec_pretty(item)?, inner, &mut text);
        }
        Ok(text)
    };
    if items.len() <= CHUNK {
        // A few items (a streamed unit's) are rendered here: handing them to the pool would
        // wait for a worker busy loading the next units.
        return out.write_all(&render(items, first)?);
    }
    for (b, batch) in items.chunks(8 * CHUNK).enumerate() {
        let parts: Vec<Vec<u8>> = batch
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(c, chunk)| render(chunk, first + b * 8 * CHUNK + c * CHUNK))
            .collect::<io::Result<_>>()?;
        for p in &parts {
            out.write_all(p)?;
        }
    }
    Ok(())
}

/// Items rendered together on one core.
const CHUNK: usize = 128;

/// The end of a non-empty list whose member is at `indent` spaces.
pub(crate) fn close_list(indent: usize, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"\n")?;
    for _ in 0..indent {
        out.write_all(b" ")?;
    }
    out.write_all(b"]")
}

/// Copies `text`, adding `indent` spaces after each line break.
fn indent_lines(text: &[u8], indent: usize, out: &mut Vec<u8>) {
    let mut lines = text.split(|&b| b == b'\n');
    if let Some(first) = lines.next() {
        out.extend_from_slice(first);
    }
    for line in lines {
        out.push(b'\n');
        out.extend(std::iter::repeat_n(b' ', indent));
        out.extend_from_slice(line);
    }
}

/// A list item built as a JSON value only when it is rendered (and dropped right after).
pub(crate) struct Lazy<'a, T>(pub &'a T, pub fn(&T) -> serde_json::Value);

impl<T> Serialize for Lazy<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (self.1)(self.0).serialize(s)
    }
}

/// The start of a member of a top-level object (members at 2 spaces).
pub(crate) fn member(out: &mut dyn Write, first: bool, name: &str) -> io::Result<()> {
    out.write_all(if first { b"\n  \"" } else { b",\n  \"" })?;
    out.write_all(name.as_bytes())?;
    out.write_all(b"\": ")
}
