//! Control selection (`--select`, `--ignore`, the configuration's `[controls]`) and
//! per-control severity overrides.
//!
//! A selector names controls by id (`WASP-S3-001`), id prefix (`WASP-S3`), name
//! (`s3-bucket-default-encryption-missing`), area (`identity`), best practice (`SEC08-BP02`) or
//! question (`SEC08`), severity (`high`, exactly high; `severity>=high`, high and critical), or
//! `ALL`. The selected controls are those any `select` selector matches (every control when
//! there is none) and no `ignore` selector matches: ignore wins.
//!
//! Selection works on any control metadata through [`ControlMeta`], so controls that do not
//! come from the built-in registry are selected the same way.

use std::collections::BTreeMap;
use std::fmt;

use wasp_controls::{Control, Meta, REGISTRY};
use wasp_core::{ControlSummary, Severity};

use crate::ScanOptions;

/// What selection needs to know of a control.
pub trait ControlMeta {
    fn id(&self) -> &str;
    fn name(&self) -> &str;
    /// The Security Pillar area (`identity`, `data-at-rest`, ...).
    fn area(&self) -> &str;
    /// Best practices it evidences (`SEC08-BP02`).
    fn best_practices(&self) -> Vec<&str>;
    fn severity(&self) -> Severity;
}

impl ControlMeta for Meta {
    fn id(&self) -> &str {
        self.id
    }
    fn name(&self) -> &str {
        self.name
    }
    fn area(&self) -> &str {
        self.area.as_str()
    }
    fn best_practices(&self) -> Vec<&str> {
        self.best_practices.to_vec()
    }
    fn severity(&self) -> Severity {
        self.severity
    }
}

impl ControlMeta for Control {
    fn id(&self) -> &str {
        self.meta.id
    }
    fn name(&self) -> &str {
        self.meta.name
    }
    fn area(&self) -> &str {
        self.meta.area.as_str()
    }
    fn best_practices(&self) -> Vec<&str> {
        self.meta.best_practices.to_vec()
    }
    fn severity(&self) -> Severity {
        self.meta.severity
    }
}

impl<T: ControlMeta + ?Sized> ControlMeta for &T {
    fn id(&self) -> &str {
        (**self).id()
    }
    fn name(&self) -> &str {
        (**self).name()
    }
    fn area(&self) -> &str {
        (**self).area()
    }
    fn best_practices(&self) -> Vec<&str> {
        (**self).best_practices()
    }
    fn severity(&self) -> Severity {
        (**self).severity()
    }
}

/// A control's metadata seen with another severity (a `[severity]` override).
pub struct WithSeverity<'a, M: ?Sized> {
    pub meta: &'a M,
    pub severity: Severity,
}

impl<M: ControlMeta + ?Sized> ControlMeta for WithSeverity<'_, M> {
    fn id(&self) -> &str {
        self.meta.id()
    }
    fn name(&self) -> &str {
        self.meta.name()
    }
    fn area(&self) -> &str {
        self.meta.area()
    }
    fn best_practices(&self) -> Vec<&str> {
        self.meta.best_practices()
    }
    fn severity(&self) -> Severity {
        self.severity
    }
}

/// The areas of the built-in library; a selector naming one is valid even when no control of
/// the given set has it.
pub const AREAS: [&str; 6] = [
    "identity",
    "detection",
    "network",
    "compute",
    "data-at-rest",
    "data-in-transit",
];

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
    /// An area, lower case.
    Area(String),
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
            | Selector::Area(s)
            | Selector::Question(s)
            | Selector::BestPractice(s) => f.write_str(s),
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
    pub fn parse<M: ControlMeta>(text: &str, known: &[M]) -> Result<Selector, SelectorError> {
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
        if let Some(a) = AREAS
            .iter()
            .copied()
            .chain(known.iter().map(|m| m.area()))
            .find(|a| a.eq_ignore_ascii_case(s))
        {
            return Ok(Selector::Area(a.to_ascii_lowercase()));
        }
        if is_question(s) {
            return Ok(Selector::Question(s.to_ascii_uppercase()));
        }
        if let Some((q, bp)) = s.split_once('-') {
            if is_question(q) && is_bp(bp) {
                return Ok(Selector::BestPractice(s.to_ascii_uppercase()));
            }
        }
        if let Some(m) = known.iter().find(|m| m.id().eq_ignore_ascii_case(s)) {
            return Ok(Selector::Id(m.id().to_string()));
        }
        if let Some(m) = known.iter().find(|m| m.name().eq_ignore_ascii_case(s)) {
            return Ok(Selector::Name(m.name().to_string()));
        }
        let upper = s.to_ascii_uppercase();
        if known
            .iter()
            .any(|m| m.id().to_ascii_uppercase().starts_with(&upper))
        {
            return Ok(Selector::IdPrefix(upper));
        }
        let candidates = known
            .iter()
            .flat_map(|m| [m.id(), m.name()])
            .chain(AREAS.iter().copied());
        let suggestion = closest(s, candidates);
        let message = match suggestion {
            Some(_) => format!("unknown selector `{s}`"),
            None => format!("unknown selector `{s}` ({EXPECTED})"),
        };
        Err(err(message, suggestion))
    }

    /// Whether the selector matches a control.
    pub fn matches(&self, m: &(impl ControlMeta + ?Sized)) -> bool {
        match self {
            Selector::All => true,
            Selector::Id(id) => m.id().eq_ignore_ascii_case(id),
            Selector::IdPrefix(p) => m
                .id()
                .get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p)),
            Selector::Name(n) => m.name().eq_ignore_ascii_case(n),
            Selector::Area(a) => m.area().eq_ignore_ascii_case(a),
            Selector::Question(q) => m.best_practices().iter().any(|bp| {
                bp.split_once('-')
                    .map_or(*bp, |(head, _)| head)
                    .eq_ignore_ascii_case(q)
            }),
            Selector::BestPractice(b) => m
                .best_practices()
                .iter()
                .any(|bp| bp.eq_ignore_ascii_case(b)),
            Selector::Severity(c, s) => c.holds(m.severity(), *s),
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
    pub fn parse<M: ControlMeta>(
        select: &[impl AsRef<str>],
        ignore: &[impl AsRef<str>],
        known: &[M],
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
    pub fn selects(&self, m: &(impl ControlMeta + ?Sized)) -> bool {
        (self.select.is_empty() || self.select.iter().any(|s| s.matches(m)))
            && !self.ignore.iter().any(|s| s.matches(m))
    }

    /// Whether every control runs.
    pub fn is_all(&self) -> bool {
        self.ignore.is_empty() && self.select.iter().all(|s| *s == Selector::All)
    }
}

/// Per-control severity overrides, by control id.
pub type SeverityOverrides = BTreeMap<String, Severity>;

impl ScanOptions {
    /// The severity a control's findings get: its override, or its own.
    pub fn severity_of(&self, id: &str, own: Severity) -> Severity {
        self.severity.get(id).copied().unwrap_or(own)
    }

    /// Whether a control runs (selection, with severity overrides applied first).
    pub fn runs(&self, m: &(impl ControlMeta + ?Sized)) -> bool {
        let seen = WithSeverity {
            meta: m,
            severity: self.severity_of(m.id(), m.severity()),
        };
        self.selection.selects(&seen)
    }

    /// The registry's controls that run, in registry order.
    pub fn controls(&self) -> Vec<Control> {
        REGISTRY
            .iter()
            .filter(|c| self.runs(*c))
            .map(|c| Control {
                meta: c.meta,
                check: c.check,
            })
            .collect()
    }

    /// What reports and the review know of the controls that run, with overridden
    /// severities.
    pub fn summaries(&self) -> Vec<ControlSummary> {
        REGISTRY
            .iter()
            .filter(|c| self.runs(*c))
            .map(|c| {
                let mut s = c.summary();
                s.severity = self.severity_of(c.meta.id, c.meta.severity);
                s
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct M {
        id: &'static str,
        name: &'static str,
        area: &'static str,
        bps: &'static [&'static str],
        severity: Severity,
    }

    impl ControlMeta for M {
        fn id(&self) -> &str {
            self.id
        }
        fn name(&self) -> &str {
            self.name
        }
        fn area(&self) -> &str {
            self.area
        }
        fn best_practices(&self) -> Vec<&str> {
            self.bps.to_vec()
        }
        fn severity(&self) -> Severity {
            self.severity
        }
    }

    const KNOWN: &[M] = &[
        M {
            id: "WASP-S3-001",
            name: "s3-bucket-default-encryption-missing",
            area: "data-at-rest",
            bps: &["SEC08-BP02"],
            severity: Severity::High,
        },
        M {
            id: "WASP-S3-010",
            name: "s3-bucket-logging-disabled",
            area: "detection",
            bps: &["SEC04-BP01"],
            severity: Severity::Low,
        },
        M {
            id: "WASP-IAM-001",
            name: "iam-policy-admin",
            area: "identity",
            bps: &["SEC03-BP02", "SEC02-BP01"],
            severity: Severity::Critical,
        },
        M {
            id: "CUSTOM-7",
            name: "team-tags",
            area: "governance",
            bps: &[],
            severity: Severity::Medium,
        },
    ];

    fn ids(select: &[&str], ignore: &[&str]) -> Vec<&'static str> {
        let sel = Selection::parse(select, ignore, KNOWN).unwrap();
        KNOWN
            .iter()
            .filter(|m| sel.selects(*m))
            .map(|m| m.id)
            .collect()
    }

    #[test]
    fn selects_by_every_kind_of_selector() {
        assert_eq!(ids(&["WASP-S3-001"], &[]), ["WASP-S3-001"]);
        assert_eq!(ids(&["wasp-s3-001"], &[]), ["WASP-S3-001"]);
        assert_eq!(ids(&["WASP-S3"], &[]), ["WASP-S3-001", "WASP-S3-010"]);
        assert_eq!(ids(&["s3-bucket-logging-disabled"], &[]), ["WASP-S3-010"]);
        assert_eq!(ids(&["identity"], &[]), ["WASP-IAM-001"]);
        assert_eq!(
            ids(&["governance"], &[]),
            ["CUSTOM-7"],
            "areas of custom controls"
        );
        assert_eq!(ids(&["SEC08"], &[]), ["WASP-S3-001"]);
        assert_eq!(ids(&["sec02-bp01"], &[]), ["WASP-IAM-001"]);
        assert_eq!(ids(&["SEC03-BP01"], &[]), Vec::<&str>::new());
        assert_eq!(
            ids(&["high"], &[]),
            ["WASP-S3-001"],
            "a bare level is exact"
        );
        assert_eq!(
            ids(&["severity>=high"], &[]),
            ["WASP-S3-001", "WASP-IAM-001"]
        );
        assert_eq!(ids(&["severity<medium"], &[]), ["WASP-S3-010"]);
        assert_eq!(ids(&["severity = low"], &[]), ["WASP-S3-010"]);
        assert_eq!(ids(&["ALL"], &[]).len(), 4);
        assert_eq!(ids(&[], &[]).len(), 4, "no select means every control");
    }

    #[test]
    fn ignore_wins_over_select() {
        assert_eq!(ids(&["WASP-S3"], &["WASP-S3-001"]), ["WASP-S3-010"]);
        assert_eq!(ids(&["WASP-S3-001"], &["data-at-rest"]), Vec::<&str>::new());
        assert_eq!(
            ids(&[], &["severity<=medium"]),
            ["WASP-S3-001", "WASP-IAM-001"]
        );
    }

    #[test]
    fn unknown_selectors_are_errors_with_a_suggestion() {
        let e = Selector::parse("WASP-S3-01", KNOWN);
        // A prefix of a known id is a valid prefix selector.
        assert_eq!(e, Ok(Selector::IdPrefix("WASP-S3-01".into())));
        let e = Selector::parse("WASP-S3-002", KNOWN).unwrap_err();
        assert!(e.message.contains("unknown selector `WASP-S3-002`"), "{e}");
        assert_eq!(e.suggestion.as_deref(), Some("WASP-S3-001"));
        let e = Selector::parse("s3-bucket-loging-disabled", KNOWN).unwrap_err();
        assert_eq!(e.suggestion.as_deref(), Some("s3-bucket-logging-disabled"));
        let e = Selector::parse("identty", KNOWN).unwrap_err();
        assert_eq!(e.suggestion.as_deref(), Some("identity"));
        let e = Selector::parse("severity>=hihg", KNOWN).unwrap_err();
        assert_eq!(e.suggestion.as_deref(), Some("severity>=high"));
        assert!(Selector::parse("severity~high", KNOWN).is_err());
        assert!(Selector::parse("", KNOWN).is_err());
        assert!(Selector::parse("zzzzzzzzzzzz", KNOWN)
            .unwrap_err()
            .suggestion
            .is_none());
        // Looks like a question but has too many digits: not one.
        assert!(Selector::parse("SEC123", KNOWN).is_err());
    }

    #[test]
    fn selection_uses_overridden_severity() {
        let opts = ScanOptions {
            selection: Selection::parse(&["severity>=high"], &[] as &[&str], REGISTRY).unwrap(),
            severity: [("WASP-S3-001".to_string(), Severity::Low)].into(),
            ..ScanOptions::default()
        };
        let ids: Vec<&str> = opts.controls().iter().map(|c| c.meta.id).collect();
        assert!(!ids.contains(&"WASP-S3-001"));
        assert!(!ids.is_empty());
        assert!(ids
            .iter()
            .all(|id| wasp_controls::find(id).unwrap().meta.severity >= Severity::High));
        let all = ScanOptions::default();
        assert_eq!(all.controls().len(), REGISTRY.len());
        let s3 = all
            .summaries()
            .into_iter()
            .find(|s| s.id == "WASP-S3-001")
            .unwrap();
        assert_eq!(s3.severity, REGISTRY[0].meta.severity);
    }

    #[test]
    fn areas_are_the_library_areas() {
        use wasp_controls::Area;
        let lib = [
            Area::Identity,
            Area::Detection,
            Area::Network,
            Area::Compute,
            Area::DataAtRest,
            Area::DataInTransit,
        ]
        .map(Area::as_str);
        assert_eq!(lib, AREAS);
        assert!(REGISTRY
            .iter()
            .all(|c| AREAS.contains(&c.meta.area.as_str())));
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }
}
