//! The configuration file, `.wasp.toml` (documented in docs/configuration.md).
//!
//! [`find`] looks for it from the scanned path upward; [`Config::load`] parses it, strictly:
//! an unknown key, a wrong type, a bad glob or date is an error at file:line:column.
//! Selectors and control names are checked against the known controls in a second step,
//! [`Config::resolve`], so controls that are not built in (custom policies, which the
//! configuration itself lists) can be named too.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;
use toml::Spanned;
use wasp_core::{Finding, Location, Pos, Severity};

use wasp_control::alias::Aliases;
use wasp_control::select::{closest, Selection, Selector, SeverityOverrides};
use wasp_control::Meta;
use wasp_source::{absolute, PathMatcher};

/// The name looked for.
pub const FILE_NAME: &str = ".wasp.toml";

/// The nearest `.wasp.toml` at `start` (a file's directory, or a directory) or above it, up to
/// the filesystem root.
pub fn find(start: &Path) -> Option<PathBuf> {
    let abs = absolute(start);
    let first = if abs.is_dir() {
        abs.as_path()
    } else {
        abs.parent()?
    };
    first
        .ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// A value and where the configuration file says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    pub value: T,
    pub line: u32,
    pub column: u32,
}

/// A configuration error, at file:line:column (line 0 when the whole file is concerned).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path.display(), self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.path.display(),
                self.line,
                self.column,
                self.message
            )
        }
    }
}

impl std::error::Error for ConfigError {}

/// A calendar date (UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A valid date, or `None`.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// Today, in UTC.
    pub fn today() -> Date {
        let secs = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date::from_days_since_epoch((secs / 86_400) as i64)
    }

    /// The civil date `days` after 1970-01-01 (H. Hinnant's algorithm).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date {
            year: year.clamp(0, i64::from(u16::MAX)) as u16,
            month,
            day,
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// One `[[ignore]]` entry: findings it matches become suppressed, with its reason, until it
/// expires.
#[derive(Debug, Clone)]
pub struct IgnoreRule {
    /// Control ids or names (after [`Config::resolve`], ids); empty: any control.
    pub controls: Vec<Located<String>>,
    /// Paths, relative to the configuration file's directory; empty: any file.
    pub paths: PathMatcher,
    /// Resource addresses, exact or with `*` and `?` wildcards; empty: any resource.
    pub resources: Vec<String>,
    pub reason: String,
    /// From this day on (UTC) the entry no longer suppresses.
    pub expires: Option<Date>,
    /// The entry's `[[ignore]]` header.
    pub at: Location,
}

impl IgnoreRule {
    /// Whether the entry matches a finding (expiry aside).
    pub fn matches(&self, f: &Finding) -> bool {
        (self.controls.is_empty()
            || self.controls.iter().any(|c| {
                c.value.eq_ignore_ascii_case(&f.control_id)
                    || c.value.eq_ignore_ascii_case(&f.control_name)
            }))
            && (self.resources.is_empty()
                || self
                    .resources
                    .iter()
                    .any(|r| wildcard_match(r, &f.resource.address)))
            && (self.paths.is_empty() || f.location.file().is_some_and(|p| self.paths.matches(p)))
    }

    /// Whether the entry has expired on `today`.
    pub fn expired(&self, today: Date) -> bool {
        self.expires.is_some_and(|e| today >= e)
    }
}

/// `*` (any run of characters) and `?` (one character) wildcards; everything else literal, so
/// Terraform addresses with `[` and `"` need no escaping.
pub fn wildcard_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

/// A parsed `.wasp.toml`.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file, as given or relative to the current directory when found below it.
    pub path: PathBuf,
    /// Its directory, absolute: the base of relative paths and globs.
    pub dir: PathBuf,
    /// `fail-on`: the default of `--fail-on`.
    pub fail_on: Option<Severity>,
    /// `[controls] select`; `None` when absent.
    pub select: Option<Vec<Located<String>>>,
    /// `[controls] ignore`.
    pub ignore: Vec<Located<String>>,
    /// `[severity]`: control id or name → severity.
    pub severity: Vec<(Located<String>, Severity)>,
    /// `exclude`: paths left out of the walk.
    pub exclude: PathMatcher,
    /// `policies`: directories of custom policies, resolved against [`Config::dir`].
    pub policies: Vec<PathBuf>,
    /// `[[ignore]]` entries.
    pub ignores: Vec<IgnoreRule>,
}

/// What the configuration says about controls, checked against the known controls.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    pub selection: Selection,
    /// Whether the configuration has a `select` list.
    pub has_select: bool,
    pub severity: SeverityOverrides,
    /// `[[ignore]]` entries, control names replaced by ids.
    pub ignores: Vec<IgnoreRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    fail_on: Option<Severity>,
    controls: Option<RawControls>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Severity>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    policies: Vec<String>,
    #[serde(default)]
    ignore: Vec<Spanned<RawIgnore>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawControls {
    select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIgnore {
    control: Option<Spanned<OneOrMany>>,
    path: Option<Spanned<OneOrMany>>,
    resource: Option<Spanned<OneOrMany>>,
    reason: Spanned<String>,
    expires: Option<Spanned<toml::value::Datetime>>,
}

/// A string or an array of strings.
#[derive(Default)]
struct OneOrMany(Vec<String>);

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = OneOrMany;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or an array of strings")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<OneOrMany, E> {
                Ok(OneOrMany(vec![s.to_string()]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<OneOrMany, A::Error> {
                let mut v = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    v.push(s);
                }
                Ok(OneOrMany(v))
            }
        }
        d.deserialize_any(V)
    }
}

/// Line and column (1-based, in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rfind('\n')
        .map_or(before, |i| &before[i + 1..])
        .chars()
        .count()
        + 1;
    (
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(col).unwrap_or(u32::MAX),
    )
}

impl Config {
    /// Reads and parses a configuration file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = crate::read_bounded(path).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            line: 0,
            column: 0,
            message: e.message,
        })?;
        Config::parse(&text, path)
    }

    /// Parses configuration text; `path` names the file in errors and is the base of relative
    /// paths.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let at = |span: std::ops::Range<usize>, message: String| {
            let (line, column) = line_col(text, span.start);
            ConfigError {
                path: path.to_path_buf(),
                line,
                column,
                message,
            }
        };
        let raw: Raw = toml::from_str(text).map_err(|e| {
            let mut message = e.message().trim_end().to_string();
            if message.contains("unknown field `select`") {
                message.push_str(" (control selection goes in the `[controls]` table)");
            } else if message.contains("expected struct RawIgnore") {
                message = format!(
                    "{message}: top-level `ignore` is a list of `[[ignore]]` tables (with \
                     `reason`); to skip controls, use `ignore` in the `[controls]` table"
                )
                .replace("struct RawIgnore", "an [[ignore]] table");
            }
            match e.span() {
                Some(span) => at(span, message),
                None => ConfigError {
                    path: path.to_path_buf(),
                    line: 0,
                    column: 0,
                    message,
                },
            }
        })?;
        let dir = absolute(path)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let located = |s: &Spanned<String>| {
            let (line, column) = line_col(text, s.span().start);
            Located {
                value: s.get_ref().clone(),
                line,
                column,
            }
        };
        let patterns: Vec<&str> = raw.exclude.iter().map(|s| s.get_ref().as_str()).collect();
        let exclude = PathMatcher::new(&dir, &patterns).map_err(|e| {
            let span = raw.exclude.get(e.index).map_or(0..0, Spanned::span);
            at(span, format!("exclude: {}", e.message))
        })?;
        let mut ignores = Vec::new();
        for entry in &raw.ignore {
            let header = entry.span();
            let (line, column) = line_col(text, header.start);
            let e = entry.get_ref();
            if e.control.is_none() && e.path.is_none() && e.resource.is_none() {
                return Err(at(
                    header,
                    "an [[ignore]] entry needs at least one of `control`, `path`, `resource`"
                        .into(),
                ));
            }
            let reason = e.reason.get_ref().trim();
            if reason.is_empty() {
                return Err(at(
                    e.reason.span(),
                    "an [[ignore]] entry needs a non-empty `reason`".into(),
                ));
            }
            let list = |v: &Option<Spanned<OneOrMany>>, what: &str| match v {
                Some(s) if s.get_ref().0.is_empty() => Err(at(
                    s.span(),
                    format!("`{what}` is empty: leave it out to match any {what}"),
                )),
                Some(s) => Ok(s.get_ref().0.clone()),
                None => Ok(Vec::new()),
            };
            let controls = list(&e.control, "control")?;
            let control_pos = e
                .control
                .as_ref()
                .map_or((line, column), |c| line_col(text, c.span().start));
            let paths = list(&e.path, "path")?;
            let paths = PathMatcher::new(&dir, &paths).map_err(|err| {
                at(
                    e.path.as_ref().map_or(header.clone(), |p| p.span()),
                    format!("path: {}", err.message),
                )
            })?;
            let resources = list(&e.resource, "resource")?;
            let expires = match &e.expires {
                None => None,
                Some(d) => {
                    let dt = d.get_ref();
                    let date = match (dt.date, dt.time, dt.offset) {
                        (Some(date), None, None) => Date::new(date.year, date.month, date.day),
                        _ => None,
                    };
                    Some(date.ok_or_else(|| {
                        at(
                            d.span(),
                            format!("`expires` must be a date such as 2027-01-31, not `{dt}`"),
                        )
                    })?)
                }
            };
            ignores.push(IgnoreRule {
                controls: controls
                    .into_iter()
                    .map(|value| Located {
                        value,
                        line: control_pos.0,
                        column: control_pos.1,
                    })
                    .collect(),
                paths,
                resources,
                reason: reason.to_string(),
                expires,
                at: Location::new(path, Pos::new(line, column)),
            });
        }
        let (select, ignore) = match &raw.controls {
            Some(c) => (
                c.select.as_ref().map(|v| v.iter().map(located).collect()),
                c.ignore.iter().map(located).collect(),
            ),
            None => (None, Vec::new()),
        };
        Ok(Config {
            path: path.to_path_buf(),
            fail_on: raw.fail_on,
            select,
            ignore,
            severity: raw.severity.iter().map(|(k, v)| (located(k), *v)).collect(),
            exclude,
            policies: raw.policies.iter().map(|p| dir.join(p)).collect(),
            ignores,
            dir,
        })
    }

    fn error(&self, l: &Located<String>, message: String) -> ConfigError {
        ConfigError {
            path: self.path.clone(),
            line: l.line,
            column: l.column,
            message,
        }
    }

    /// Checks selectors, `[severity]` keys and `[[ignore]]` controls against the known
    /// controls: an unknown one is an error at its position, with the closest known spelling.
    /// A former id or name of a renamed control (`aliases`) names it too.
    pub fn resolve(&self, known: &[&Meta], aliases: Aliases) -> Result<Resolved, ConfigError> {
        let parse = |l: &Located<String>, key: &str| {
            Selector::parse(aliases.resolve(&l.value), known)
                .map_err(|e| self.error(l, format!("{key}: {e}")))
        };
        let mut selection = Selection::default();
        for l in self.select.iter().flatten() {
            selection.select.push(parse(l, "controls.select")?);
        }
        for l in &self.ignore {
            selection.ignore.push(parse(l, "controls.ignore")?);
        }
        let control = |l: &Located<String>, key: &str| -> Result<String, ConfigError> {
            known
                .iter()
                .find(|m| m.is_named(aliases.resolve(&l.value)))
                .map(|m| m.id.to_string())
                .ok_or_else(|| {
                    let hint = closest(&l.value, known.iter().flat_map(|m| [&*m.id, &*m.name]))
                        .map(|s| format!("; did you mean `{s}`?"))
                        .unwrap_or_default();
                    self.error(
                        l,
                        format!(
                            "{key}: no control `{}` (expected a control id or name){hint}",
                            l.value
                        ),
                    )
                })
        };
        let mut severity = SeverityOverrides::new();
        for (k, v) in &self.severity {
            severity.insert(control(k, "severity")?, *v);
        }
        let mut ignores = self.ignores.clone();
        for rule in &mut ignores {
            for c in &mut rule.controls {
                c.value = control(c, "ignore.control")?;
            }
        }
        Ok(Resolved {
            selection,
            has_select: self.select.is_some(),
            severity,
            ignores,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasp_core::ResourceRef;

    fn builtin() -> Vec<&'static Meta> {
        wasp_controls::metas()
    }

    use crate::suppress::{Fate, Stage};

    #[derive(Default)]
    struct Settled {
        findings: Vec<Finding>,
        suppressed: Vec<wasp_core::Suppressed>,
        warnings: Vec<wasp_core::InputError>,
    }

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, Path::new("/repo/.wasp.toml"))
    }

    fn err(text: &str) -> String {
        parse(text)
            .and_then(|c| c.resolve(&builtin(), Aliases::default()).map(|_| c))
            .unwrap_err()
            .to_string()
    }

    const FULL: &str = r#"
fail-on = "medium"
exclude = ["vendor", "legacy/**"]
policies = ["policies/"]

[controls]
select = ["data-at-rest", "SEC03"]
ignore = ["WASP-S3-011"]

[severity]
"WASP-S3-001" = "low"
s3-bucket-public-access-block-disabled = "critical"

[[ignore]]
control = "WASP-S3-001"
path = "legacy/**"
reason = "legacy stack, retired in Q3"
expires = 2027-01-31

[[ignore]]
control = ["s3-bucket-public-access-block-disabled", "WASP-S3-001"]
resource = "aws_s3_bucket.public_*"
reason = "public website buckets"
"#;

    #[test]
    fn parses_every_key() {
        let c = parse(FULL).unwrap();
        assert_eq!(c.fail_on, Some(Severity::Medium));
        assert_eq!(c.dir, Path::new("/repo"));
        assert_eq!(c.policies, [Path::new("/repo/policies/")]);
        assert!(c.exclude.matches(Path::new("/repo/a/vendor/x.tf")));
        assert_eq!(c.select.as_ref().unwrap().len(), 2);
        assert_eq!(c.ignores.len(), 2);
        assert_eq!(c.ignores[0].at.line(), 14);
        assert_eq!(c.ignores[0].at.column(), 1);
        assert_eq!(c.ignores[0].expires, Date::new(2027, 1, 31));
        assert_eq!(c.ignores[1].at.line(), 20);
        let r = c.resolve(&builtin(), Aliases::default()).unwrap();
        assert!(r.has_select);
        assert_eq!(r.severity.get("WASP-S3-001"), Some(&Severity::Low));
        assert_eq!(r.severity.len(), 2);
        let ids: Vec<&str> = r.ignores[1]
            .controls
            .iter()
            .map(|c| c.value.as_str())
            .collect();
        assert!(ids.iter().all(|i| i.starts_with("WASP-S3-")), "{ids:?}");
        assert_eq!(r.selection.select.len(), 2);
    }

    #[test]
    fn errors_carry_file_line_and_column() {
        assert_eq!(
            err("fail-on = \"high\"\nbogus = 1\n"),
            "/repo/.wasp.toml:2:1: unknown field `bogus`, expected one of `fail-on`, \
             `controls`, `severity`, `exclude`, `policies`, `ignore`"
        );
        assert!(err("fail-on = \"hihg\"\n")
            .starts_with("/repo/.wasp.toml:1:11: unknown variant `hihg`"));
        let e = err("select = [\"x\"]\n");
        assert!(e.contains("1:1:") && e.contains("[controls]"), "{e}");
        let e = err("ignore = [\"WASP-S3-001\"]\n");
        assert!(e.contains("[[ignore]] table"), "{e}");
        let e = err("[controls]\nselect = [\"WASP-S3-999\"]\n");
        assert!(
            e.starts_with("/repo/.wasp.toml:2:11: controls.select: unknown selector"),
            "{e}"
        );
        assert!(e.contains("did you mean"), "{e}");
        let e = err("[severity]\n\"WASP-NOPE-001\" = \"low\"\n");
        assert!(
            e.starts_with("/repo/.wasp.toml:2:1: severity: no control"),
            "{e}"
        );
        let e = err("[severity]\n\"WASP-S3-001\" = \"severe\"\n");
        assert!(
            e.starts_with("/repo/.wasp.toml:2:17: unknown variant `severe`"),
            "{e}"
        );
        let e = err("\n[[ignore]]\nreason = \"r\"\n");
        assert!(
            e.starts_with("/repo/.wasp.toml:2:1: an [[ignore]] entry needs"),
            "{e}"
        );
        let e = err("[[ignore]]\ncontrol = \"WASP-S3-001\"\n");
        assert!(e.contains("missing field `reason`"), "{e}");
        let e = err("[[ignore]]\ncontrol = \"WASP-S3-001\"\nreason = \"  \"\n");
        assert!(e.starts_with("/repo/.wasp.toml:3:10:"), "{e}");
        let e = err("[[ignore]]\ncontrol = \"WASP-S3-01\"\nreason = \"r\"\n");
        assert!(
            e.starts_with("/repo/.wasp.toml:2:11: ignore.control: no control"),
            "{e}"
        );
        let e = err("[[ignore]]\npath = \"a/[b\"\nreason = \"r\"\n");
        assert!(
            e.starts_with("/repo/.wasp.toml:2:8: path: invalid path pattern"),
            "{e}"
        );
        let e = err("[[ignore]]\npath = []\nreason = \"r\"\n");
        assert!(e.contains("`path` is empty"), "{e}");
        let e = err("[[ignore]]\npath = \"a\"\nreason = \"r\"\nexpires = 2027-02-30\n");
        assert!(e.contains("4:11"), "{e}");
        let e = err("[[ignore]]\npath = \"a\"\nreason = \"r\"\nexpires = 2027-01-30T10:00:00Z\n");
        assert!(e.contains("must be a date"), "{e}");
        let e = err("[[ignore]]\npath = \"a\"\nreason = \"r\"\nextra = 1\n");
        assert!(
            e.starts_with("/repo/.wasp.toml:4:1: unknown field `extra`"),
            "{e}"
        );
        let e = err("exclude = [\"../x\"]\n");
        assert!(e.starts_with("/repo/.wasp.toml:1:12: exclude:"), "{e}");
        let e = err("a = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[");
        assert!(e.starts_with("/repo/.wasp.toml:1:"), "{e}");
        let e = err("x = \"\u{e9}\u{e9}\" = 1\n");
        assert!(e.starts_with("/repo/.wasp.toml:1:"), "{e}");
    }

    #[test]
    fn dates_and_expiry() {
        assert_eq!(
            Date::from_days_since_epoch(0),
            Date::new(1970, 1, 1).unwrap()
        );
        assert_eq!(
            Date::from_days_since_epoch(19_753),
            Date::new(2024, 1, 31).unwrap()
        );
        assert_eq!(
            Date::from_days_since_epoch(11_016),
            Date::new(2000, 2, 29).unwrap()
        );
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2024, 13, 1).is_none());
        assert!(Date::today() > Date::new(2024, 1, 1).unwrap());
        assert_eq!(Date::new(2027, 1, 5).unwrap().to_string(), "2027-01-05");
        let c = parse(FULL).unwrap();
        let r = &c.ignores[0];
        assert!(!r.expired(Date::new(2027, 1, 30).unwrap()));
        assert!(
            r.expired(Date::new(2027, 1, 31).unwrap()),
            "expired on the day"
        );
        assert!(!c.ignores[1].expired(Date::new(9999, 1, 1).unwrap()));
    }

    #[test]
    fn wildcards() {
        assert!(wildcard_match("aws_s3_bucket.logs", "aws_s3_bucket.logs"));
        assert!(!wildcard_match("aws_s3_bucket.logs", "aws_s3_bucket.logs2"));
        assert!(wildcard_match("aws_s3_bucket.*", "aws_s3_bucket.logs"));
        assert!(wildcard_match(
            "module.*.aws_s3_bucket.b[\"a\"]",
            "module.net.aws_s3_bucket.b[\"a\"]"
        ));
        assert!(wildcard_match("Bucket?", "Bucket2"));
        assert!(!wildcard_match("Bucket?", "Bucket"));
        assert!(wildcard_match("*", ""));
        assert!(wildcard_match("*a*b*", "xxaxxbxx"));
        assert!(!wildcard_match("*a*b", "xxaxxbxxc"));
    }

    fn finding(id: &str, file: &str, address: &str) -> Finding {
        let c = wasp_controls::find(id).unwrap();
        Finding {
            control_id: c.meta.id.clone(),
            control_name: c.meta.name.clone(),
            title: "".into(),
            severity: c.meta.severity,
            resource: ResourceRef {
                address: address.into(),
                resource_type: "aws_s3_bucket".into(),
            },
            location: Location::new(file, Pos::new(3, 1)),
            message: "bad".into(),
            remediation: "".into(),
            best_practices: Vec::new(),
            fingerprint: wasp_core::fingerprint(id, address),
        }
    }

    #[test]
    fn ignores_suppress_until_they_expire() {
        let text = r#"
[[ignore]]
control = "WASP-S3-001"
path = "legacy/**"
reason = "old"
expires = 2027-01-31

[[ignore]]
resource = "aws_s3_bucket.public_*"
reason = "website"

[[ignore]]
control = "WASP-S3-002"
reason = "never matches"
"#;
        let c = parse(text).unwrap();
        let r = c.resolve(&builtin(), Aliases::default()).unwrap();
        let findings = || {
            vec![
                finding("WASP-S3-001", "/repo/legacy/main.tf", "aws_s3_bucket.a"),
                finding("WASP-S3-001", "/repo/new/main.tf", "aws_s3_bucket.a"),
                finding(
                    "WASP-S3-001",
                    "/repo/new/main.tf",
                    "aws_s3_bucket.public_site",
                ),
            ]
        };
        let settle = |today: Date, warn_unused: bool| {
            let stage = Stage::new(&r.ignores, None, today, Aliases::default());
            let mut out = Settled::default();
            for f in findings() {
                match stage.settle(f, &[], &|_| unreachable!("no inline suppression")) {
                    Fate::Reported(f) => out.findings.push(f),
                    Fate::Suppressed(s) => out.suppressed.push(s),
                    Fate::Baselined(_) => unreachable!("no baseline"),
                }
            }
            out.warnings = stage.warnings(warn_unused, |_| true);
            out
        };
        let before = settle(Date::new(2026, 6, 1).unwrap(), true);
        assert_eq!(before.findings.len(), 1);
        assert_eq!(
            before.findings[0].location.file().unwrap(),
            Path::new("/repo/new/main.tf")
        );
        assert_eq!(before.findings[0].resource.address, "aws_s3_bucket.a");
        assert_eq!(before.suppressed.len(), 2);
        assert_eq!(before.suppressed[0].reason, "old");
        assert_eq!(before.suppressed[0].at.to_string(), "/repo/.wasp.toml:2:1");
        assert_eq!(before.warnings.len(), 1, "{:?}", before.warnings);
        assert!(before.warnings[0].message.contains("matches no finding"));
        let after = settle(Date::new(2027, 1, 31).unwrap(), false);
        assert_eq!(after.findings.len(), 2);
        assert!(
            after.findings[0]
                .message
                .contains("the ignore at /repo/.wasp.toml:2:1 expired on 2027-01-31: old"),
            "{}",
            after.findings[0].message
        );
        assert_eq!(after.warnings.len(), 1);
        assert!(after.warnings[0].message.contains("expired on 2027-01-31"));
        assert!(after.warnings[0]
            .message
            .contains("1 finding it matches is reported again"));
    }
}
