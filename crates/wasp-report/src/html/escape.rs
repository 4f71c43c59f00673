//! Escaping of user-controlled text for HTML, and safe `href` values.
//!
//! Everything that comes from the scanned files, the lens or the answers file (paths,
//! addresses, messages, notes, titles) goes through [`Esc`] before it reaches the document, in
//! text and in attribute values alike. Nothing user-controlled is ever written inside
//! `<style>` or `<script>`.

use std::fmt::{self, Display, Write as _};
use std::path::Path;

/// Displays a string escaped for HTML text and for quoted attribute values: `& < > " '`
/// become character references, and control characters (other than tab, line feed and
/// carriage return) become U+FFFD.
#[derive(Debug, Clone, Copy)]
pub struct Esc<'a>(pub &'a str);

impl Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0;
        let mut last = 0;
        for (i, c) in s.char_indices() {
            let rep = match c {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\t' | '\n' | '\r' => continue,
                c if c.is_control() => "\u{FFFD}",
                _ => continue,
            };
            f.write_str(&s[last..i])?;
            f.write_str(rep)?;
            last = i + c.len_utf8();
        }
        f.write_str(&s[last..])
    }
}

/// `s` escaped for HTML text and attribute values (see [`Esc`]).
pub fn escape(s: &str) -> String {
    Esc(s).to_string()
}

/// A relative link to a scanned file, at a line when it is known: the path with `\` turned
/// into `/` and percent-encoded byte by byte (only unreserved characters and `/` are kept,
/// so a `:` can never start a scheme and `#` / `?` stay part of the path), then `#L<line>`
/// as GitHub-like viewers expect. Leading slashes are collapsed so that a path can never
/// become a network-path reference (`//host/...`). The result needs no further escaping.
pub fn file_href(file: &Path, line: u32) -> String {
    let raw = file.to_string_lossy().replace('\\', "/");
    let trimmed = raw.trim_start_matches('/');
    let mut out = String::with_capacity(raw.len() + 8);
    if trimmed.len() != raw.len() {
        out.push('/');
    }
    for b in trimmed.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    if line > 0 {
        let _ = write!(out, "#L{line}");
    }
    out
}

/// An external link only when it is plain `http(s)`; anything else (`javascript:`, `data:`,
/// relative references) is refused so that a custom lens cannot inject a script URL.
pub fn external_url(url: &str) -> Option<&str> {
    let u = url.trim();
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    let ok = lower.starts_with("https://") || lower.starts_with("http://");
    (ok && !u.chars().any(|c| c.is_whitespace() || c.is_control())).then_some(u)
}
