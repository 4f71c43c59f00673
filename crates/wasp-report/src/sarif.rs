//! SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), for GitHub code scanning and
//! every other SARIF consumer (IDE viewers, Azure DevOps, DefectDojo, ...).
//!
//! One run, one tool (`wasp`):
//!
//! - `tool.driver.rules`: every rule that ran, from [`Meta`] (the caller builds it from its
//!   control metadata; this crate knows nothing of the controls themselves), with
//!   `defaultConfiguration.level`, `help` (text and Markdown) and the GitHub code scanning
//!   properties `security-severity`, `precision` and `tags`;
//! - `results`: one per finding, and one per suppressed finding with SARIF's own
//!   `suppressions` (`inSource` for a suppression written in the scanned file, `external` for
//!   one written elsewhere, such as a configuration file), with `partialFingerprints`
//!   (`waspFingerprint/v1`: the finding's fingerprint, independent of line numbers) and the
//!   resource address as a logical location;
//! - `invocations[0]`: input errors as `toolExecutionNotifications` of level `error`;
//!   `executionSuccessful` is `false` when any input could not be read or parsed (the results
//!   are then incomplete).
//!
//! Findings already recorded in the baseline are not results (they are accepted debt, and a
//! code scanning service would reopen them as alerts); the run's property bag counts them and
//! lists their fingerprints (`baselined`).

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::path::{Component, Path};

use serde_json::{json, Map, Value};
use wasp_control::{Area, Meta};
use wasp_core::{FileLocation, Finding, InputError, Location, Severity, Suppressed};

use crate::scan::ScanView;
use crate::spool::List;
use crate::stream::{Sink, UnitView};

/// The schema URI written into `$schema`, as GitHub code scanning documents it.
pub const SARIF_SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The SARIF version written.
pub const SARIF_VERSION: &str = "2.1.0";
/// The `uriBaseId` of relative artifact locations: the directory the scan ran in.
pub const SRCROOT: &str = "%SRCROOT%";
/// The key of wasp's own fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "waspFingerprint/v1";

/// GitHub code scanning limits `shortDescription` and `fullDescription` to 1024 characters.
const DESCRIPTION_MAX: usize = 1024;
/// GitHub code scanning limits a rule's `name` to 255 characters.
const NAME_MAX: usize = 255;

/// Options of [`render_sarif`].
#[derive(Debug, Clone, Copy, Default)]
pub struct SarifOptions<'a> {
    /// Every rule that ran. Results of a rule not listed here get a rule entry built from
    /// the finding itself.
    pub rules: &'a [Meta],
    /// The absolute directory relative paths are relative to (the working directory of the
    /// scan): written as `originalUriBaseIds["%SRCROOT%"]` so that consumers can resolve them.
    pub src_root: Option<&'a Path>,
}

/// The SARIF `level` of a severity: critical and high are errors, medium a warning, low and
/// info notes.
pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "note",
    }
}

/// The GitHub code scanning `security-severity` score of a severity. GitHub maps scores over
/// 9.0 to critical, 7.0–8.9 to high, 4.0–6.9 to medium and 0.1–3.9 to low; informational rules
/// have none.
pub fn security_severity(s: Severity) -> Option<&'static str> {
    match s {
        Severity::Critical => Some("9.5"),
        Severity::High => Some("8.0"),
        Severity::Medium => Some("5.5"),
        Severity::Low => Some("3.0"),
        Severity::Info => None,
    }
}

/// Writes the scan as one SARIF 2.1.0 log: the same bytes as pretty-printing [`sarif_json`],
/// but the results are rendered on every core a batch at a time instead of being held as one
/// JSON tree (a report of 30,000 findings took 370 MiB that way).
pub fn render_sarif(
    v: &ScanView<'_>,
    opts: &SarifOptions<'_>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut sink = SarifSink::new(out, opts);
    sink.unit(&v.as_unit())?;
    Box::new(sink).finish(&[])
}

/// The SARIF log as a JSON value (see [`render_sarif`]).
pub fn sarif_json(v: &ScanView<'_>, opts: &SarifOptions<'_>) -> Value {
    let mut rules = Rules::new(opts.rules);
    let mut results: Vec<Value> = v
        .findings
        .iter()
        .map(|f| Item::Finding(f, rules.index_for(f)).value())
        .collect();
    results.extend(
        v.suppressed
            .iter()
            .map(|s| Item::Suppressed(s, rules.index_for(&s.finding)).value()),
    );
    let counts = Counts {
        files: v.files_scanned,
        resources: v.resources,
        errors: v.errors.len(),
        baselined: v.baselined.len(),
    };
    let mut doc = skeleton(rules.out, opts.src_root, &counts);
    let run = &mut doc["runs"][0];
    run["results"] = Value::Array(results);
    if counts.errors > 0 {
        run["invocations"][0]["toolExecutionNotifications"] =
            v.errors.iter().map(notification).collect();
    }
    run["properties"]["baselined"]["fingerprints"] =
        v.baselined.iter().map(|f| json!(f.fingerprint)).collect();
    doc
}

/// The SARIF log written as the scan goes: results, notifications and baselined fingerprints
/// are kept aside (on disk past a small size) and put in place in the log at the end.
pub struct SarifSink<W: Write> {
    out: W,
    rules: Rules,
    src_root: Option<std::path::PathBuf>,
    counts: Counts,
    /// `runs[0].results`, findings first, then suppressed findings.
    findings: List,
    suppressed: List,
    /// `runs[0].invocations[0].toolExecutionNotifications`.
    notifications: List,
    /// `runs[0].properties.baselined.fingerprints`.
    fingerprints: List,
}

/// What the log counts.
#[derive(Default)]
struct Counts {
    files: usize,
    resources: usize,
    errors: usize,
    baselined: usize,
}

impl<W: Write> SarifSink<W> {
    pub fn new(out: W, opts: &SarifOptions<'_>) -> Self {
        SarifSink {
            out,
            rules: Rules::new(opts.rules),
            src_root: opts.src_root.map(Path::to_path_buf),
            counts: Counts::default(),
            findings: List::new(6),
            suppressed: List::new(6),
            notifications: List::new(10),
            fingerprints: List::new(10),
        }
    }
}

impl<W: Write> Sink for SarifSink<W> {
    fn unit(&mut self, u: &UnitView<'_>) -> io::Result<()> {
        self.units(std::slice::from_ref(u))
    }

    fn units(&mut self, us: &[UnitView<'_>]) -> io::Result<()> {
        let c = &mut self.counts;
        for u in us {
            c.files += u.files;
            c.resources += u.resources;
            c.errors += u.errors.len();
            c.baselined += u.baselined.len();
        }
        let rules = &mut self.rules;
        let items: Vec<Item<'_>> = us
            .iter()
            .flat_map(|u| u.findings)
            .map(|f| Item::Finding(f, rules.index_for(f)))
            .collect();
        self.findings.extend(&lazy(&items))?;
        let items: Vec<Item<'_>> = us
            .iter()
            .flat_map(|u| u.suppressed)
            .map(|s| Item::Suppressed(s, rules.index_for(&s.finding)))
            .collect();
        self.suppressed.extend(&lazy(&items))?;
        let notes: Vec<_> = us
            .iter()
            .flat_map(|u| u.errors)
            .map(|e| crate::pretty::Lazy(e, notification))
            .collect();
        self.notifications.extend(&notes)?;
        let fingerprints: Vec<&str> = us
            .iter()
            .flat_map(|u| u.baselined)
            .map(|f| f.fingerprint.as_str())
            .collect();
        self.fingerprints.extend(&fingerprints)
    }

    fn finish(mut self: Box<Self>, _warnings: &[InputError]) -> io::Result<()> {
        let this = &mut *self;
        let rules = std::mem::take(&mut this.rules.out);
        let mut doc = skeleton(rules, this.src_root.as_deref(), &this.counts);
        let run = &mut doc["runs"][0];
        run["results"] = json!(RESULTS);
        if this.counts.errors > 0 {
            run["invocations"][0]["toolExecutionNotifications"] = json!(NOTIFICATIONS);
        }
        run["properties"]["baselined"]["fingerprints"] = json!(FINGERPRINTS);
        let text = serde_json::to_string_pretty(&doc)?;
        // Quotes inside JSON strings are escaped: with its bare quotes, a placeholder's text
        // can only be the placeholder itself.
        let mut spots = Vec::new();
        for p in [RESULTS, NOTIFICATIONS, FINGERPRINTS] {
            let quoted = serde_json::to_string(p)?;
            if let Some(at) = text.find(&quoted) {
                spots.push((at, quoted.len(), p));
            }
        }
        spots.sort_unstable();
        let out = &mut this.out;
        let mut from = 0;
        for (at, len, p) in spots {
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let depth = text[line_start..at].len() - text[line_start..at].trim_start().len();
            out.write_all(&text.as_bytes()[from..at])?;
            let lists: &mut [&mut List] = match p {
                RESULTS => &mut [&mut this.findings, &mut this.suppressed],
                NOTIFICATIONS => &mut [&mut this.notifications],
                _ => &mut [&mut this.fingerprints],
            };
            if lists.iter().any(|l| l.indent() != depth) {
                return Err(io::Error::other(format!(
                    "SARIF list {p:?} found {depth} spaces deep"
                )));
            }
            List::drain_joined(lists, out)?;
            from = at + len;
        }
        out.write_all(&text.as_bytes()[from..])?;
        writeln!(out)?;
        out.flush()
    }
}

/// Placeholders of the lists while the rest of the log is rendered.
const RESULTS: &str = "\u{0}wasp:sarif-results\u{0}";
const NOTIFICATIONS: &str = "\u{0}wasp:sarif-notifications\u{0}";
const FINGERPRINTS: &str = "\u{0}wasp:sarif-baselined\u{0}";

fn lazy<'a>(items: &'a [Item<'a>]) -> Vec<crate::pretty::Lazy<'a, Item<'a>>> {
    items
        .iter()
        .map(|i| crate::pretty::Lazy(i, Item::value))
        .collect()
}

/// One result of the log, built when it is rendered.
enum Item<'a> {
    Finding(&'a Finding, usize),
    Suppressed(&'a Suppressed, usize),
}

impl Item<'_> {
    fn value(&self) -> Value {
        match *self {
            Item::Finding(f, index) => result(f, index, None),
            Item::Suppressed(s, index) => result(&s.finding, index, Some(suppression(s))),
        }
    }
}

fn suppression(s: &Suppressed) -> Value {
    let kind = if s.at.file() == s.finding.location.file() {
        "inSource"
    } else {
        "external"
    };
    let mut sup = Map::new();
    sup.insert("kind".into(), json!(kind));
    sup.insert("status".into(), json!("accepted"));
    if !s.reason.trim().is_empty() {
        sup.insert("justification".into(), json!(s.reason));
    }
    sup.insert("location".into(), location(&s.at, None));
    Value::Object(sup)
}

/// The log with `null` for its lists (results, notifications, baselined fingerprints).
fn skeleton(rules: Vec<Value>, src_root: Option<&Path>, c: &Counts) -> Value {
    let mut invocation = Map::new();
    invocation.insert("executionSuccessful".into(), json!(c.errors == 0));

    let mut driver = Map::new();
    driver.insert("name".into(), json!("wasp"));
    driver.insert("version".into(), json!(env!("CARGO_PKG_VERSION")));
    driver.insert("semanticVersion".into(), json!(env!("CARGO_PKG_VERSION")));
    if is_absolute_uri(env!("CARGO_PKG_REPOSITORY")) {
        driver.insert("informationUri".into(), json!(env!("CARGO_PKG_REPOSITORY")));
    }
    driver.insert("rules".into(), Value::Array(rules));

    let mut run = Map::new();
    run.insert("tool".into(), json!({ "driver": driver }));
    run.insert("invocations".into(), json!([invocation]));
    if let Some(root) = src_root {
        if let Some(uri) = directory_uri(root) {
            run.insert(
                "originalUriBaseIds".into(),
                json!({ SRCROOT: {
                    "uri": uri,
                    "description": { "text": "The directory wasp ran in; relative paths are relative to it." }
                } }),
            );
        }
    }
    run.insert("results".into(), Value::Null);
    let mut props = Map::new();
    props.insert("filesScanned".into(), json!(c.files));
    props.insert("resources".into(), json!(c.resources));
    props.insert(
        "baselined".into(),
        json!({ "count": c.baselined, "fingerprints": null }),
    );
    run.insert("properties".into(), Value::Object(props));

    json!({
        "$schema": SARIF_SCHEMA_URI,
        "version": SARIF_VERSION,
        "runs": [run],
    })
}

/// The rule table: `reportingDescriptor`s in order, and the index of each id.
#[derive(Default)]
struct Rules {
    out: Vec<Value>,
    index: HashMap<String, usize>,
}

impl Rules {
    /// The table of the rules that ran.
    fn new(rules: &[Meta]) -> Rules {
        let mut t = Rules::default();
        for r in rules {
            t.add_info(r);
        }
        t
    }

    fn add_info(&mut self, r: &Meta) {
        if self.index.contains_key(&*r.id) {
            return;
        }
        self.index.insert(r.id.to_string(), self.out.len());
        self.out.push(descriptor(r));
    }

    /// The index of the finding's rule, adding a rule built from the finding when the rule
    /// list does not have it.
    fn index_for(&mut self, f: &Finding) -> usize {
        if let Some(i) = self.index.get(f.control_id.as_ref()) {
            return *i;
        }
        let info = Meta {
            id: f.control_id.clone(),
            name: f.control_name.clone(),
            title: f.title.clone(),
            severity: f.severity,
            area: None,
            best_practices: f.best_practices.clone().into(),
            references: (&[][..]).into(),
            remediation: f.remediation.clone(),
            doc: "".into(),
        };
        self.add_info(&info);
        self.out.len() - 1
    }
}

/// One `reportingDescriptor`.
fn descriptor(r: &Meta) -> Value {
    let mut d = Map::new();
    d.insert("id".into(), json!(&*r.id));
    if !r.name.is_empty() {
        d.insert("name".into(), json!(truncate(&r.name, NAME_MAX)));
    }
    let title: &str = if r.title.trim().is_empty() {
        &r.id
    } else {
        &r.title
    };
    d.insert(
        "shortDescription".into(),
        json!({ "text": truncate(title, DESCRIPTION_MAX) }),
    );
    let full = section(&r.doc, "What it checks")
        .map(|s| plain(&s))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| title.to_string());
    d.insert(
        "fullDescription".into(),
        json!({ "text": truncate(&full, DESCRIPTION_MAX) }),
    );
    d.insert("help".into(), help(r, title));
    d.insert(
        "defaultConfiguration".into(),
        json!({ "level": level(r.severity) }),
    );
    let mut tags: Vec<&str> = vec!["security"];
    for t in r
        .area
        .map(Area::as_str)
        .into_iter()
        .chain(r.best_practices.iter())
    {
        if !t.is_empty() && !tags.contains(&t) {
            tags.push(t);
        }
    }
    let mut props = Map::new();
    props.insert("tags".into(), json!(tags));
    // Controls decide from the declared configuration, not from heuristics; what cannot be
    // known statically is reported as unknown, never as a finding.
    props.insert("precision".into(), json!("high"));
    if let Some(score) = security_severity(r.severity) {
        props.insert("security-severity".into(), json!(score));
    }
    props.insert("severity".into(), json!(r.severity.as_str()));
    d.insert("properties".into(), Value::Object(props));
    Value::Object(d)
}

/// `help`: the rule's documentation, as text and as Markdown.
fn help(r: &Meta, title: &str) -> Value {
    let mut md = String::new();
    md.push_str(&format!("**{}**\n\n", title.trim()));
    if !r.doc.trim().is_empty() {
        md.push_str(r.doc.trim());
        md.push_str("\n\n");
    }
    if !r.remediation.trim().is_empty() {
        md.push_str(&format!("**Fix:** {}\n", r.remediation.trim()));
    }
    if !r.best_practices.is_empty() {
        md.push_str(&format!(
            "\nWell-Architected Security Pillar: {}\n",
            r.best_practices.join(", ")
        ));
    }
    let mut text = String::new();
    text.push_str(title.trim());
    text.push_str("\n\n");
    if !r.doc.trim().is_empty() {
        text.push_str(r.doc.trim());
        text.push_str("\n\n");
    }
    if !r.remediation.trim().is_empty() {
        text.push_str(&format!("Fix: {}\n", r.remediation.trim()));
    }
    if !r.best_practices.is_empty() {
        text.push_str(&format!(
            "\nWell-Architected Security Pillar: {}\n",
            r.best_practices.join(", ")
        ));
    }
    json!({ "text": text, "markdown": md })
}

/// One `result`.
fn result(f: &Finding, rule_index: usize, suppression: Option<Value>) -> Value {
    let mut r = Map::new();
    r.insert("ruleId".into(), json!(f.control_id));
    r.insert("ruleIndex".into(), json!(rule_index));
    r.insert("level".into(), json!(level(f.severity)));
    r.insert("message".into(), json!({ "text": message(f) }));
    r.insert(
        "locations".into(),
        json!([location(&f.location, Some(&f.resource.address))]),
    );
    let mut fp = BTreeMap::new();
    fp.insert(FINGERPRINT_KEY, f.fingerprint.as_str());
    r.insert("partialFingerprints".into(), json!(fp));
    if let Some(s) = suppression {
        r.insert("suppressions".into(), json!([s]));
    }
    r.insert(
        "properties".into(),
        json!({
            "severity": f.severity.as_str(),
            "resourceType": f.resource.resource_type,
            "remediation": f.remediation,
            "bestPractices": f.best_practices,
        }),
    );
    Value::Object(r)
}

/// The result message: what is wrong, on which resource. Its first sentence stands alone
/// (code scanning shows only that where space is short).
fn message(f: &Finding) -> String {
    let what = if f.message.trim().is_empty() {
        f.title.trim()
    } else {
        f.message.trim()
    };
    let mut m = format!("{}: {what}", f.resource.address);
    if !m.ends_with('.') {
        m.push('.');
    }
    if !f.remediation.trim().is_empty() {
        m.push_str(" Fix: ");
        m.push_str(f.remediation.trim());
    }
    m
}

/// One input error as a `notification`.
fn notification(e: &InputError) -> Value {
    json!({
        "level": "error",
        "message": { "text": if e.message.trim().is_empty() { "cannot read or parse this input" } else { e.message.as_str() } },
        "locations": [location(&e.location, None)],
    })
}

/// A `location`. A file position is a `physicalLocation`; a cloud resource and an event have
/// none, so they are a `logicalLocation` named by the ARN (or id) and the event id, with their
/// other parts as properties. `resource` (a finding's resource address) adds the logical
/// location of the resource.
fn location(l: &Location, resource: Option<&str>) -> Value {
    let mut loc = Map::new();
    let mut logical = Vec::new();
    let mut props = Map::new();
    match l {
        Location::File(f) => {
            loc.insert("physicalLocation".into(), physical_location(f));
            if let Some(address) = resource {
                logical.push(json!({
                    "name": address,
                    "fullyQualifiedName": address,
                    "kind": "resource",
                }));
            }
        }
        Location::Cloud(c) => {
            let qualified = c
                .arn
                .clone()
                .or_else(|| c.resource_id.clone())
                .unwrap_or_else(|| l.to_string());
            logical.push(json!({
                "name": resource.unwrap_or(&qualified),
                "fullyQualifiedName": qualified,
                "kind": "resource",
            }));
            for (k, v) in [
                ("partition", &c.partition),
                ("account", &c.account),
                ("region", &c.region),
            ] {
                if !v.is_empty() {
                    props.insert(k.into(), json!(v));
                }
            }
            if let (Some(id), Some(_)) = (&c.resource_id, &c.arn) {
                props.insert("resourceId".into(), json!(id));
            }
        }
        Location::Event(e) => {
            if let Some(address) = resource {
                logical.push(json!({
                    "name": address,
                    "fullyQualifiedName": address,
                    "kind": "resource",
                }));
            }
            props.insert("eventSource".into(), json!(e.source));
            props.insert("eventId".into(), json!(e.event_id));
            props.insert("eventTime".into(), json!(e.time));
        }
    }
    if !logical.is_empty() {
        loc.insert("logicalLocations".into(), Value::Array(logical));
    }
    if !props.is_empty() {
        loc.insert("properties".into(), Value::Object(props));
    }
    Value::Object(loc)
}

/// A `physicalLocation`: the artifact, and the region when the line is known.
fn physical_location(l: &FileLocation) -> Value {
    let mut p = Map::new();
    p.insert("artifactLocation".into(), artifact_location(&l.file));
    if l.line > 0 {
        let mut region = Map::new();
        region.insert("startLine".into(), json!(l.line));
        if l.column > 0 {
            region.insert("startColumn".into(), json!(l.column));
        }
        p.insert("region".into(), Value::Object(region));
    }
    Value::Object(p)
}

/// An `artifactLocation`: a relative path is a relative URI against `%SRCROOT%`; an absolute
/// path is a `file` URI.
fn artifact_location(path: &Path) -> Value {
    let (uri, absolute) = path_uri(path);
    if absolute {
        json!({ "uri": uri })
    } else {
        json!({ "uri": uri, "uriBaseId": SRCROOT })
    }
}

/// A path as a URI: `(uri, is_absolute)`. Relative paths become relative references with
/// forward slashes (`./` dropped); absolute paths become `file:///...`. Every byte outside
/// RFC 3986's unreserved set is percent-encoded.
pub fn path_uri(path: &Path) -> (String, bool) {
    let mut segments: Vec<String> = Vec::new();
    let mut absolute = false;
    let mut prefix = String::new();
    for c in path.components() {
        match c {
            Component::Prefix(p) => {
                absolute = true;
                // `C:` stays as it is (a drive letter); other prefixes are encoded.
                let s = p.as_os_str().to_string_lossy();
                if s.len() == 2 && s.ends_with(':') && s.as_bytes()[0].is_ascii_alphabetic() {
                    prefix = s.into_owned();
                } else {
                    prefix = encode(&s);
                }
            }
            Component::RootDir => absolute = true,
            Component::CurDir => {}
            Component::ParentDir => segments.push("..".into()),
            Component::Normal(s) => segments.push(encode(&s.to_string_lossy())),
        }
    }
    if absolute {
        let mut uri = String::from("file:///");
        if !prefix.is_empty() {
            uri.push_str(&prefix);
            uri.push('/');
        }
        uri.push_str(&segments.join("/"));
        (uri, true)
    } else {
        (segments.join("/"), false)
    }
}

/// The `file` URI of an absolute directory, with the trailing slash SARIF requires of a base
/// URI. `None` for a relative path.
fn directory_uri(dir: &Path) -> Option<String> {
    let (mut uri, absolute) = path_uri(dir);
    if !absolute {
        return None;
    }
    if !uri.ends_with('/') {
        uri.push('/');
    }
    Some(uri)
}

fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Whether `s` looks like an absolute URI (`scheme:` followed by something), as SARIF's
/// `format: uri` properties require.
fn is_absolute_uri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    !rest.is_empty()
        && !s.chars().any(char::is_whitespace)
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// The body of a `## heading` section of a Markdown document.
fn section(md: &str, heading: &str) -> Option<String> {
    let mut body = Vec::new();
    let mut inside = false;
    for line in md.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            if inside {
                break;
            }
            inside = h.trim().eq_ignore_ascii_case(heading);
            continue;
        }
        if inside {
            body.push(line);
        }
    }
    inside.then(|| body.join("\n"))
}

/// Markdown prose flattened to one line of plain text: whitespace collapsed, code spans
/// unquoted.
fn plain(md: &str) -> String {
    md.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('`', "")
}

/// At most `max` characters, with an ellipsis when cut.
fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
    t.push('…');
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uris() {
        assert_eq!(
            path_uri(Path::new("./a b/c#d.yaml")),
            ("a%20b/c%23d.yaml".to_string(), false)
        );
        assert_eq!(
            path_uri(Path::new("../x/y.tf")),
            ("../x/y.tf".to_string(), false)
        );
        assert_eq!(
            path_uri(Path::new("/srv/ä.json")),
            ("file:///srv/%C3%A4.json".to_string(), true)
        );
        assert_eq!(
            directory_uri(Path::new("/srv")),
            Some("file:///srv/".into())
        );
        assert_eq!(directory_uri(Path::new("rel")), None);
    }

    #[test]
    fn only_absolute_uris_are_help_uris() {
        assert!(is_absolute_uri("https://example.com/rules/X.md"));
        assert!(!is_absolute_uri("docs/rules/X.md"));
        assert!(!is_absolute_uri("https://a b"));
        assert!(!is_absolute_uri("1http://x"));
    }

    #[test]
    fn descriptions_come_from_the_doc_and_respect_github_limits() {
        let md = "## What it checks\nThat `x`\nholds.\n\n## Why it matters\nBecause.\n";
        assert_eq!(
            section(md, "What it checks").map(|s| plain(&s)),
            Some("That x holds.".to_string())
        );
        assert_eq!(section(md, "Remediation"), None);
        let long = "é".repeat(2000);
        let t = truncate(&long, DESCRIPTION_MAX);
        assert_eq!(t.chars().count(), DESCRIPTION_MAX);
        assert!(t.ends_with('…'));
        assert_eq!(truncate("short", 10), "short");
    }

    #[test]
    fn levels_and_scores_follow_severity() {
        assert_eq!(level(Severity::Critical), "error");
        assert_eq!(level(Severity::High), "error");
        assert_eq!(level(Severity::Medium), "warning");
        assert_eq!(level(Severity::Low), "note");
        assert_eq!(level(Severity::Info), "note");
        // GitHub: over 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low.
        let score = |s| security_severity(s).map(|v| v.parse::<f64>().unwrap());
        assert!(score(Severity::Critical).unwrap() > 9.0);
        assert!((7.0..9.0).contains(&score(Severity::High).unwrap()));
        assert!((4.0..7.0).contains(&score(Severity::Medium).unwrap()));
        assert!((0.1..4.0).contains(&score(Severity::Low).unwrap()));
        assert_eq!(security_severity(Severity::Info), None);
    }
}
