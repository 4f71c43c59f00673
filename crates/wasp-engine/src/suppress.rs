//! The suppression stage: where each failing result goes once it is evaluated.
//!
//! One stage, the same for every control set and source, applied to each failing result in
//! this order:
//! 1. an inline suppression of its resource: a comment on or right above the resource's first
//!    line (`# wasp:ignore WASP-S3-001 reason`, `// wasp:ignore ...` in Terraform), or
//!    CloudFormation `Metadata: {wasp: {ignore: [{id: ..., reason: ...}]}}`;
//! 2. an `[[ignore]]` entry of the configuration, unless it has expired (then the finding is
//!    reported with a note, and the entry is warned about);
//! 3. the baseline (`--baseline`): a known finding is baselined, not reported.
//!
//! Severity overrides (`[severity]`) are already in the control's metadata the finding is
//! built from. A suppressed finding is never dropped silently: the report lists it with its
//! reason and where the suppression is written, and its result leaves the review's evidence. A
//! baselined finding keeps its result: the review still sees the failure. A suppression, an
//! `[[ignore]]` or a baseline written with a former id or name of a renamed control
//! ([`Aliases`]) still applies.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use wasp_control::alias::Aliases;
use wasp_core::{fingerprint, Finding, InputError, Location, Pos, Suppressed};
use wasp_model::{Ignore, Model, Resource};

use crate::baseline::Baseline;
use crate::config::{Date, IgnoreRule};

/// Where a failing result goes.
#[derive(Debug, Clone, PartialEq)]
pub enum Fate {
    /// A finding: reported, and its result is evidence.
    Reported(Finding),
    /// Silenced, with the reason and where the suppression is written; its result is left out.
    Suppressed(Suppressed),
    /// Already in the baseline: counted and listed, not reported; its result stays.
    Baselined(Finding),
}

/// The suppression settings of one scan, and how often each `[[ignore]]` matched.
#[derive(Debug)]
pub struct Stage<'a> {
    ignores: &'a [IgnoreRule],
    hits: Vec<AtomicUsize>,
    baseline: Option<&'a Baseline>,
    today: Date,
    aliases: Aliases,
}

impl<'a> Stage<'a> {
    pub fn new(
        ignores: &'a [IgnoreRule],
        baseline: Option<&'a Baseline>,
        today: Date,
        aliases: Aliases,
    ) -> Stage<'a> {
        Stage {
            ignores,
            hits: ignores.iter().map(|_| AtomicUsize::new(0)).collect(),
            baseline,
            today,
            aliases,
        }
    }

    /// Where `finding` goes. `inline` are the suppressions written on its resource, and
    /// `locate` turns their positions into locations.
    pub fn settle(
        &self,
        mut finding: Finding,
        inline: &[Ignore],
        locate: &dyn Fn(Pos) -> Location,
    ) -> Fate {
        if let Some(i) = self.inline(inline, &finding.control_id, &finding.control_name) {
            return Fate::Suppressed(Suppressed {
                reason: i.reason.clone(),
                at: locate(i.pos),
                finding,
            });
        }
        let mut matching = self
            .ignores
            .iter()
            .enumerate()
            .filter(|(_, r)| r.matches(&finding));
        let (live, expired): (Vec<_>, Vec<_>) =
            matching.by_ref().partition(|(_, r)| !r.expired(self.today));
        if let Some((i, r)) = live.first() {
            self.hits[*i].fetch_add(1, Ordering::Relaxed);
            return Fate::Suppressed(Suppressed {
                finding,
                reason: r.reason.clone(),
                at: r.at.clone(),
            });
        }
        if let Some((i, r)) = expired.first() {
            self.hits[*i].fetch_add(1, Ordering::Relaxed);
            if let Some(d) = r.expires {
                finding.message = format!(
                    "{} (the ignore at {} expired on {d}: {})",
                    finding.message, r.at, r.reason
                );
            }
        }
        if let Some(b) = self.baseline {
            let known = b.contains(&finding.fingerprint)
                || self
                    .aliases
                    .former(&finding.control_id)
                    .any(|old| b.contains(&fingerprint(old, &finding.resource.address)));
            if known {
                return Fate::Baselined(finding);
            }
        }
        Fate::Reported(finding)
    }

    /// The inline suppression for a control (by id, name or a former id or name), if any.
    fn inline<'i>(&self, ignores: &'i [Ignore], id: &str, name: &str) -> Option<&'i Ignore> {
        ignores.iter().find(|i| {
            i.control.eq_ignore_ascii_case(id)
                || i.control.eq_ignore_ascii_case(name)
                || self
                    .aliases
                    .current(&i.control)
                    .is_some_and(|c| c.eq_ignore_ascii_case(id))
        })
    }

    /// The warnings of the configuration's `[[ignore]]` entries once every finding has been
    /// settled: an expired entry (with how many findings are reported again), and, when
    /// `warn_unused`, an entry that matched nothing although a control it names ran (`runs`).
    pub fn warnings(
        &self,
        warn_unused: bool,
        runs: impl Fn(&IgnoreRule) -> bool,
    ) -> Vec<InputError> {
        let mut out = Vec::new();
        for (r, n) in self.ignores.iter().zip(&self.hits) {
            let n = n.load(Ordering::Relaxed);
            if let Some(d) = r.expires.filter(|_| r.expired(self.today)) {
                out.push(InputError {
                    location: r.at.clone(),
                    message: format!(
                        "[[ignore]] expired on {d} ({}); {n} finding{} it matches {} reported again",
                        r.reason,
                        if n == 1 { "" } else { "s" },
                        if n == 1 { "is" } else { "are" },
                    ),
                });
            } else if n == 0 && warn_unused && runs(r) {
                out.push(InputError {
                    location: r.at.clone(),
                    message: "[[ignore]] matches no finding; remove it if it is stale".into(),
                });
            }
        }
        out.sort_by(|a, b| a.location.cmp(&b.location));
        out
    }
}

/// Reads source files once per evaluation unit. A file without the `wasp:ignore` marker
/// anywhere is not split into lines.
#[derive(Default)]
pub struct CommentLines {
    files: HashMap<PathBuf, Option<Vec<String>>>,
}

impl CommentLines {
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
pub fn ignores(res: &Resource, model: &Model, lines: &mut CommentLines) -> Vec<Ignore> {
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
    let Some(lines) = kept.unwrap_or_else(|| lines.lines(&loc.file)) else {
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
