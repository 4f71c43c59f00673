//! Terminal colors, applied only when the caller asks (a TTY without `NO_COLOR`), and the
//! escaping of text that comes from the input.

use std::fmt;

use wasp_core::Severity;

/// Text from the input (a message, an address, a path, a title of a custom control) made safe
/// for a terminal: control characters (escape sequences above all, which could recolor,
/// hide or rewrite what the terminal shows) and bidirectional overrides are written as
/// `\u{..}`. Tabs and line feeds stay.
pub struct Term<T>(pub T);

/// Whether a character is written escaped.
fn unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

impl<T: fmt::Display> fmt::Display for Term<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.0.to_string();
        if !text.chars().any(unsafe_char) {
            return f.write_str(&text);
        }
        for c in text.chars() {
            if unsafe_char(c) {
                write!(f, "\\u{{{:x}}}", c as u32)?;
            } else {
                write!(f, "{c}")?;
            }
        }
        Ok(())
    }
}

/// ANSI styling that is a no-op when disabled.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    pub fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    pub fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }
    pub fn dim(&self, text: &str) -> String {
        self.paint("2", text)
    }
    pub fn severity(&self, s: Severity) -> String {
        let code = match s {
            Severity::Critical => "1;35",
            Severity::High => "1;31",
            Severity::Medium => "33",
            Severity::Low => "36",
            Severity::Info => "2",
        };
        self.paint(code, s.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_text_cannot_drive_the_terminal() {
        assert_eq!(Term("plain: a\tb\nc").to_string(), "plain: a\tb\nc");
        assert_eq!(
            Term("x\u{1b}[2J\u{1b}]0;title\u{7}y\r").to_string(),
            "x\\u{1b}[2J\\u{1b}]0;title\\u{7}y\\u{d}"
        );
        assert_eq!(Term("abc\u{202E}def").to_string(), "abc\\u{202e}def");
        assert_eq!(
            Term("\u{9b}31m").to_string(),
            "\\u{9b}31m",
            "C1 controls too"
        );
    }
}
