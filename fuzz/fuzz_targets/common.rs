//! Checks shared by the fuzz targets (included with `#[path]`; not a target itself).

#![allow(dead_code)]

use wasp_core::Pos;

/// The largest line number a position in `text` may have: every line break counts (`\n`,
/// `\r\n` and a lone `\r`), plus one for the line after the last break.
pub fn max_line(text: &str) -> u32 {
    let b = text.as_bytes();
    let mut lines = 1u32;
    for (i, &c) in b.iter().enumerate() {
        if c == b'\n' || (c == b'\r' && b.get(i + 1) != Some(&b'\n')) {
            lines = lines.saturating_add(1);
        }
    }
    lines
}

/// A parse error must point into the text: 1-based line within the text, 1-based column.
pub fn assert_error_pos(text: &str, pos: Pos, message: &str) {
    assert!(
        pos.line >= 1 && pos.line <= max_line(text) && pos.col >= 1,
        "parse error without a sensible position: {pos:?} ({message})"
    );
    assert!(!message.is_empty(), "parse error without a message");
}

/// A position that is set must lie within the text.
pub fn assert_pos_within(text: &str, pos: Pos, what: &str) {
    if pos.line == 0 {
        return;
    }
    assert!(
        pos.line <= max_line(text),
        "{what}: position {pos:?} past the end of the text"
    );
}
