//! Inline suppressions: a comment on or right above a resource's first line
//! (`# wasp:ignore WASP-S3-001 reason`, `// wasp:ignore ...` in Terraform), or CloudFormation
//! `Metadata: {wasp: {ignore: [{id: ..., reason: ...}]}}`.
//!
//! A suppressed finding is never dropped silently: the report lists it with its reason.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use wasp_core::{Location, Pos};
use wasp_model::{Ignore, Model, Resource};

/// Reads source files once per evaluation unit. A file without the `wasp:ignore` marker
/// anywhere is not split into lines.
#[derive(Default)]
pub struct Sources {
    files: HashMap<PathBuf, Option<Vec<String>>>,
}

impl Sources {
    fn lines(&mut self, path: &Path) -> Option<&[String]> {
        self.files
            .entry(path.to_path_buf())
            .or_insert_with(|| {
                crate::read_bounded(path)
                    .ok()
                    .and_then(|t| wasp_model::marked_lines(&t))
            })
            .as_deref()
    }
}

/// Every suppression that applies to `res`: its own (metadata) and the comments on its first
/// line and the comment lines right above it.
pub fn ignores(res: &Resource, model: &Model, sources: &mut Sources) -> Vec<Ignore> {
    let mut out = res.ignores.clone();
    let Location::File(loc) = model.location(res, None) else {
        return out;
    };
    if loc.line == 0 {
        return out;
    }
    let kept = model.marked_lines.as_ref().map(|m| {
        m.iter()
            .find(|(p, _)| p == &*loc.file)
            .map(|(_, l)| l.as_slice())
    });
    let Some(lines) = kept.unwrap_or_else(|| sources.lines(&loc.file)) else {
        return out;
    };
    let first = loc.line as usize - 1;
    if let Some(l) = lines.get(first) {
        if let Some(c) = comment_part(l) {
            out.extend(parse(c, loc.line));
        }
    }
    let mut i = first;
    while i > 0 {
        i -= 1;
        let t = lines[i].trim();
        let Some(c) = t.strip_prefix('#').or_else(|| t.strip_prefix("//")) else {
            break;
        };
        out.extend(parse(c, i as u32 + 1));
    }
    out
}

/// The comment of a line (`#` or `//` outside quotes), if any.
fn comment_part(line: &str) -> Option<&str> {
    let mut in_str = false;
    let b = line.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'"' => in_str = !in_str,
            b'#' if !in_str => return Some(&line[i + 1..]),
            b'/' if !in_str && b.get(i + 1) == Some(&b'/') => return Some(&line[i + 2..]),
            _ => {}
        }
    }
    None
}

/// `wasp:ignore ID[,ID...] reason`.
fn parse(comment: &str, line: u32) -> Vec<Ignore> {
    let Some(rest) = comment.trim().strip_prefix("wasp:ignore") else {
        return Vec::new();
    };
    let rest = rest.trim();
    let (ids, reason) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    ids.split(',')
        .filter(|s| !s.is_empty())
        .map(|id| Ignore {
            control: id.to_string(),
            reason: reason.trim().to_string(),
            pos: Pos::new(line, 1),
        })
        .collect()
}

/// The suppression for a control (by id or name), if any.
pub fn find<'a>(ignores: &'a [Ignore], id: &str, name: &str) -> Option<&'a Ignore> {
    ignores
        .iter()
        .find(|i| i.control.eq_ignore_ascii_case(id) || i.control.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ids_and_reason() {
        let v = parse(
            " wasp:ignore WASP-S3-001,s3-bucket-public-acl  logs only, no data",
            3,
        );
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].control, "WASP-S3-001");
        assert_eq!(v[1].control, "s3-bucket-public-acl");
        assert_eq!(v[0].reason, "logs only, no data");
        assert!(parse(" ignore WASP-S3-001", 1).is_empty());
    }

    #[test]
    fn comments_outside_strings_only() {
        assert_eq!(comment_part("a: \"x # y\" # c"), Some(" c"));
        assert_eq!(comment_part("resource \"a\" \"b\" { // c"), Some(" c"));
        assert_eq!(comment_part("a: 1"), None);
    }
}
