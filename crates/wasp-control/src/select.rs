//! Control selection (`--select`, `--ignore`, the configuration's `[controls]`) and
//! per-control severity overrides.
//!
//! A selector names controls by id (`WASP-S3-001`), id prefix (`WASP-S3`), name
//! (`s3-bucket-default-encryption-missing`), area (`identity`), best practice (`SEC08-BP02`) or
//! question (`SEC08`), severity (`high`, exactly high; `severity>=high`, high and critical), or
//! `ALL`. The selected controls are those any `select` selector matches (every control when
//! there is none) and no `ignore` selector matches: ignore wins.
//!
//! Selection works on [`Meta`], so controls of every set are selected the same way.

use std::collections::BTreeMap;
use std::fmt;

use wasp_core::Severity;

use crate::{Area, Meta, AREAS};

/// How a severity selector compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    Eq,
    Ge,
    Gt,
    Le,
    Lt,
}

impl Cmp {
    fn holds(self, a: Severity, b: Severity) -> bool {
        match self {
            Cmp::Eq => a == b,
            Cmp::Ge => a >= b,
            Cmp::Gt => a > b,
            Cmp::Le => a <= b,
            Cmp::Lt => a < b,
        }
    }
    fn as_str(self) -> &'static str {
        match self {
            Cmp::Eq => "=",
            Cmp::Ge => ">=",
            Cmp::Gt => ">",
            Cmp::Le => "<=",
            Cmp::Lt => "<",
        }
    }
}

/// One parsed selector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selector {
    /// `ALL`.
    All,
    /// An exact control id, as the control spells it.
    Id(String),
    /// The start of control ids (`WASP-S3`), upper case.
    IdPrefix(String),
    /// A control name, as the control spells it.
    Name(String),
    /// An area.
    Area(Area),
    /// A question (`SEC08`): every best practice under it.
    Question(String),
    /// A best practice (`SEC08-BP02`).
    BestPractice(String),
    /// Severity compared with a level (`high`, `severity>=high`).
    Severity(Cmp, Severity),
}

impl fmt::Display for Selector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Selector::All => f.write_str("ALL"),
            Selector::Id(s)
            | Selector::IdPrefix(s)
            | Selector::Name(s)
            | Selector::Question(s)
            | Selector::BestPractice(s) => f.write_str(s),
            Selector::Area(a) => f.write_str(a.as_str()),
            Selector::Severity(Cmp::Eq, s) => write!(f, "{s}"),
            Selector::Severity(c, s) => write!(f, "severity{}{s}", c.as_str()),
        }
    }
}

/// A selector that names nothing known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectorError {
    pub selector: String,
    pub message: String,
    /// The closest known spelling, if one is close.
    pub suggestion: Option<String>,
}

impl fmt::Display for SelectorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)?;
        if let Some(s) = &self.suggestion {
            write!(f, "; did you mean `{s}`?")?;
        }
        Ok(())
    }
}

impl std::error::Error for SelectorError {}

const EXPECTED: &str = "expected a control id (WASP-S3-001) or id prefix (WASP-S3), a control \
    name, an area (identity, detection, network, compute, data-at-rest, data-in-transit), a \
    question (SEC08) or best practice (SEC08-BP02), a severity (high, severity>=high) or ALL";

impl Selector {
    /// Parses a selector against the controls it may name. Unknown selectors are an error with
    /// the closest known spelling.
    pub fn parse(text: &str, known: &[&Meta]) -> Result<Selector, SelectorError> {
        let s = text.trim();
        let err = |message: String, suggestion: Option<String>| SelectorError {
            selector: text.to_string(),
            message,
            suggestion,
        };
        if s.is_empty() {
            return Err(err(format!("empty selector ({EXPECTED})"), None));
        }
        if s.eq_ignore_ascii_case("all") {
            return Ok(Selector::All);
        }
        if let Some(rest) = strip_prefix_ci(s, "severity") {
            let rest = rest.trim_start();
            let (cmp, level) = if let Some(r) = rest.strip_prefix(">=") {
                (Cmp::Ge, r)
            } else if let Some(r) = rest.strip_prefix("<=") {
                (Cmp::Le, r)
            } else if let Some(r) = rest.strip_prefix("==") {
                (Cmp::Eq, r)
            } else if let Some(r) = rest.strip_prefix('>') {
                (Cmp::Gt, r)
            } else if let Some(r) = rest.strip_prefix('<') {
                (Cmp::Lt, r)
            } else if let Some(r) = rest.strip_prefix('=').or_else(|| rest.strip_prefix(':')) {
                (Cmp::Eq, r)
            } else {
                return Err(err(
                    format!(
                        "unknown selector `{s}`: a severity selector is `severity` followed by \
                         >=, >, <=, < or = and a level (severity>=high)"
                    ),
                    None,
                ));
            };
            let level = level.trim();
            return match level.parse::<Severity>() {
                Ok(v) => Ok(Selector::Severity(cmp, v)),
                Err(_) => Err(err(
                    format!(
                        "unknown severity `{level}` in selector `{s}` (expected one of: info, \
                         low, medium, high, critical)"
                    ),
                    closest(level, Severity::ALL.iter().map(|v| v.as_str()))
                        .map(|l| format!("severity{}{l}", cmp.as_str())),
                )),
            };
        }
        if let Ok(v) = s.parse::<Severity>() {
            return Ok(Selector::Severity(Cmp::Eq, v));
        }
        if let Some(a) = Area::parse(s) {
            return Ok(Selector::Area(a));
        }
        if is_question(s) {
            return Ok(Selector::Question(s.to_ascii_uppercase()));
        }
        if let Some((q, bp)) = s.split_once('-') {
            if is_question(q) && is_bp(bp) {
                return Ok(Selector::BestPractice(s.to_ascii_uppercase()));
            }
        }
        if let Some(m) = known.iter().find(|m| m.id.eq_ignore_ascii_case(s)) {
            return Ok(Selector::Id(m.id.to_string()));
        }
        if let Some(m) = known.iter().find(|m| m.name.eq_ignore_ascii_case(s)) {
            return Ok(Selector::Name(m.name.to_string()));
        }
        let upper = s.to_ascii_uppercase();
        if known
            .iter()
            .any(|m| m.id.to_ascii_uppercase().starts_with(&upper))
        {
            return Ok(Selector::IdPrefix(upper));
        }
        let candidates = known
            .iter()
            .flat_map(|m| [&*m.id, &*m.name])
            .chain(AREAS.iter().copied());
        let suggestion = closest(s, candidates);
        let message = match suggestion {
            Some(_) => format!("unknown selector `{s}`"),
            None => format!("unknown selector `{s}` ({EXPECTED})"),
        };
        Err(err(message, suggestion))
    }

    /// Whether the selector matches a control.
    pub fn matches(&self, m: &Meta) -> bool {
        self.matches_with(m, m.severity)
    }

    /// Whether the selector matches a control seen with `severity` (its `[severity]`
    /// override).
    pub fn matches_with(&self, m: &Meta, severity: Severity) -> bool {
        match self {
            Selector::All => true,
            Selector::Id(id) => m.id.eq_ignore_ascii_case(id),
            Selector::IdPrefix(p) => {
                m.id.get(..p.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(p))
            }
            Selector::Name(n) => m.name.eq_ignore_ascii_case(n),
            Selector::Area(a) => m.area == Some(*a),
            Selector::Question(q) => m.best_practices.iter().any(|bp| {
                bp.split_once('-')
                    .map_or(bp, |(head, _)| head)
                    .eq_ignore_ascii_case(q)
            }),
            Selector::BestPractice(b) => {
                m.best_practices.iter().any(|bp| bp.eq_ignore_ascii_case(b))
            }
            Selector::Severity(c, s) => c.holds(severity, *s),
        }
    }
}

/// `SEC` and one or two digits.
fn is_question(s: &str) -> bool {
    strip_prefix_ci(s, "sec")
        .is_some_and(|d| (1..=2).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
}

/// `BP` and one or two digits.
fn is_bp(s: &str) -> bool {
    strip_prefix_ci(s, "bp")
        .is_some_and(|d| (1..=2).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// The candidate closest to `s` (case-insensitive edit distance), if close enough to be a
/// likely typo.
pub fn closest<'a>(s: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let s = s.to_ascii_lowercase();
    let limit = (s.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| (edit_distance(&s, &c.to_ascii_lowercase()), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c.to_string())
}

/// Levenshtein distance, over chars.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Which controls run: those a `select` selector matches (all when `select` is empty) that no
/// `ignore` selector matches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub select: Vec<Selector>,
    pub ignore: Vec<Selector>,
}

impl Selection {
    /// Parses `select` and `ignore` lists against the known controls.
    pub fn parse(
        select: &[impl AsRef<str>],
        ignore: &[impl AsRef<str>],
        known: &[&Meta],
    ) -> Result<Selection, SelectorError> {
        Ok(Selection {
            select: select
                .iter()
                .map(|s| Selector::parse(s.as_ref(), known))
                .collect::<Result<_, _>>()?,
            ignore: ignore
                .iter()
                .map(|s| Selector::parse(s.as_ref(), known))
                .collect::<Result<_, _>>()?,
        })
    }

    /// Whether the control runs.
    pub fn selects(&self, m: &Meta) -> bool {
        self.selects_with(m, m.severity)
    }

    /// Whether the control runs when seen with `severity` (its `[severity]` override).
    pub fn selects_with(&self, m: &Meta, severity: Severity) -> bool {
        (self.select.is_empty() || self.select.iter().any(|s| s.matches_with(m, severity)))
            && !self.ignore.iter().any(|s| s.matches_with(m, severity))
    }

    /// Whether every control runs.
    pub fn is_all(&self) -> bool {
        self.ignore.is_empty() && self.select.iter().all(|s| *s == Selector::All)
    }
}

/// Per-control severity overrides, by control id.
pub type SeverityOverrides = BTreeMap<String, Severity>;

/// Which controls run and with which severity: a [`Selection`] and the `[severity]`
/// overrides, applied to any control's metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Policy {
    pub selection: Selection,
    pub severity: SeverityOverrides,
}

impl Policy {
    /// The severity a control's findings get: its override, or its own.
    pub fn severity_of(&self, id: &str, own: Severity) -> Severity {
        self.severity.get(id).copied().unwrap_or(own)
    }

    /// Whether a control runs (selection, with severity overrides applied first).
    pub fn runs(&self, m: &Meta) -> bool {
        self.selection
            .selects_with(m, self.severity_of(&m.id, m.severity))
    }

    /// The metadata of a control that runs, as reports see it: with its overridden severity.
    pub fn effective(&self, m: &Meta) -> Meta {
        m.with_severity(self.severity_of(&m.id, m.severity))
    }
}

#[cfg(test)]
mod tests;
