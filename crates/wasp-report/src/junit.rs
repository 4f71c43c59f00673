//! JUnit XML, the test report format every CI system reads (GitLab, Jenkins, Azure DevOps,
//! CircleCI, GitHub Actions test reporters).
//!
//! **One `<testsuite>` per control**, one `<testcase>` per control × resource. A control reads
//! as a test: the suite is green when every resource passes it and red with one failed case
//! per offending resource, and CI systems track each case's history by its stable name
//! (`WASP-S3-001 aws_s3_bucket.logs`). A suite per file would mix unrelated rules in one red
//! block; the file of every case is in its `file` attribute, and its failure text has the
//! file:line:column and the fix. The `classname` is `wasp.<area>.<control id>`, so tools that
//! split class names on dots (Jenkins) group the controls by Security Pillar area.
//!
//! - a passing check is an empty `<testcase>`;
//! - a finding is a `<failure>` whose `type` is the severity and whose text has the location,
//!   the resource, what is wrong and the fix;
//! - a check that could not be decided (a value not known statically) is `<skipped>`, as are a
//!   suppressed finding (with its reason) and a finding recorded in the baseline;
//! - an input that could not be read or parsed is an `<error>` case in a suite of its own.
//!
//! Text is escaped for XML 1.0; characters XML 1.0 cannot carry (most control characters) are
//! replaced by U+FFFD.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::path::Path;

use wasp_core::{Finding, Location, Status};

use crate::scan::ScanView;
use wasp_control::Meta;

/// The name of the suite that holds input errors.
pub const INPUT_ERRORS_SUITE: &str = "wasp input errors";

enum Outcome {
    Pass,
    Failure {
        message: String,
        kind: String,
        text: String,
    },
    Skipped(String),
    Error {
        message: String,
        text: String,
    },
}

struct Case {
    /// Control id and resource address; made unique within the suite when needed.
    name: String,
    classname: String,
    location: Location,
    outcome: Outcome,
}

/// Writes the scan as JUnit XML.
pub fn render_junit(v: &ScanView<'_>, rules: &[Meta], out: &mut dyn Write) -> io::Result<()> {
    let info: HashMap<&str, &Meta> = rules.iter().map(|r| (&*r.id, r)).collect();
    let area = |id: &str| {
        info.get(id)
            .and_then(|r| r.area)
            .map_or("controls", |a| a.as_str())
            .to_string()
    };
    let classname = |id: &str| format!("wasp.{}.{}", area(id).replace('.', "-"), id);
    let mut titles: HashMap<String, String> = rules
        .iter()
        .map(|r| (r.id.to_string(), r.title.to_string()))
        .collect();

    let mut suites: BTreeMap<String, Vec<Case>> = BTreeMap::new();
    let mut push = |id: &str, address: &str, location: &Location, outcome: Outcome| {
        suites.entry(id.to_string()).or_default().push(Case {
            name: format!("{id} {address}"),
            classname: classname(id),
            location: location.clone(),
            outcome,
        });
    };
    for r in v.results {
        let outcome = match r.status {
            Status::Pass => Outcome::Pass,
            Status::Unknown => Outcome::Skipped(format!("unknown: {}", r.message)),
            // Failing results are reported from the findings (and the baseline) below.
            Status::Fail => continue,
        };
        push(&r.control_id, &r.resource.address, &r.location, outcome);
    }
    // A failing case also names its suite after the control's title.
    let mut push_finding = |f: &Finding, outcome: Outcome| {
        titles
            .entry(f.control_id.to_string())
            .or_insert_with(|| f.title.to_string());
        push(&f.control_id, &f.resource.address, &f.location, outcome);
    };
    for f in v.findings {
        push_finding(
            f,
            Outcome::Failure {
                message: f.message.clone(),
                kind: f.severity.as_str().to_string(),
                text: failure_text(f),
            },
        );
    }
    for s in v.suppressed {
        let reason = if s.reason.trim().is_empty() {
            "no reason given"
        } else {
            s.reason.trim()
        };
        push_finding(
            &s.finding,
            Outcome::Skipped(format!("suppressed at {}: {reason}", s.at)),
        );
    }
    for f in v.baselined {
        push_finding(
            f,
            Outcome::Skipped(format!(
                "recorded in the baseline ({}): {}",
                f.fingerprint, f.message
            )),
        );
    }

    let mut blocks: Vec<(String, Vec<Case>)> = Vec::new();
    for (id, mut cases) in suites {
        cases.sort_by(|a, b| (&a.location, &a.name).cmp(&(&b.location, &b.name)));
        unique_names(&mut cases);
        let name = match titles.get(&id) {
            Some(t) if !t.is_empty() => format!("{id} {t}"),
            _ => id,
        };
        blocks.push((name, cases));
    }
    if !v.errors.is_empty() {
        let cases = v
            .errors
            .iter()
            .map(|e| Case {
                name: place(&e.location),
                classname: "wasp.input".into(),
                location: e.location.clone(),
                outcome: Outcome::Error {
                    message: e.message.clone(),
                    text: e.to_string(),
                },
            })
            .collect::<Vec<_>>();
        let mut cases = cases;
        unique_names(&mut cases);
        blocks.push((INPUT_ERRORS_SUITE.to_string(), cases));
    }

    let total = Counts::of(blocks.iter().flat_map(|(_, c)| c));
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="wasp" tests="{}" failures="{}" errors="{}" skipped="{}" time="0">"#,
        total.tests, total.failures, total.errors, total.skipped
    )?;
    for (name, cases) in &blocks {
        let c = Counts::of(cases.iter());
        writeln!(
            out,
            r#"  <testsuite name="{}" tests="{}" failures="{}" errors="{}" skipped="{}" time="0">"#,
            attr(name),
            c.tests,
            c.failures,
            c.errors,
            c.skipped
        )?;
        for case in cases {
            write_case(out, case)?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}

fn write_case(out: &mut dyn Write, case: &Case) -> io::Result<()> {
    write!(
        out,
        r#"    <testcase name="{}" classname="{}""#,
        attr(&case.name),
        attr(&case.classname),
    )?;
    // Test reporters link `file` and `line`: only a file position has them.
    if let Location::File(f) = &case.location {
        write!(out, r#" file="{}""#, attr(&display_path(&f.file)))?;
        if f.line > 0 {
            write!(out, r#" line="{}""#, f.line)?;
        }
    }
    write!(out, r#" time="0""#)?;
    match &case.outcome {
        Outcome::Pass => writeln!(out, "/>"),
        Outcome::Skipped(message) => {
            writeln!(out, ">")?;
            writeln!(out, r#"      <skipped message="{}"/>"#, attr(message))?;
            writeln!(out, "    </testcase>")
        }
        Outcome::Failure {
            message,
            kind,
            text: body,
        } => {
            writeln!(out, ">")?;
            writeln!(
                out,
                r#"      <failure message="{}" type="{}">{}</failure>"#,
                attr(message),
                attr(kind),
                text(body)
            )?;
            writeln!(out, "    </testcase>")
        }
        Outcome::Error {
            message,
            text: body,
        } => {
            writeln!(out, ">")?;
            writeln!(
                out,
                r#"      <error message="{}" type="input-error">{}</error>"#,
                attr(message),
                text(body)
            )?;
            writeln!(out, "    </testcase>")
        }
    }
}

fn failure_text(f: &Finding) -> String {
    format!(
        "{}\nat {}\nresource: {} ({})\n{}\nfix: {}",
        f.title, f.location, f.resource.address, f.resource.resource_type, f.message, f.remediation
    )
}

/// Makes case names unique within a suite: a control that reports several outcomes on one
/// resource (one per rule of a security group, say) gets the location appended, then a
/// counter if that is not enough. Names stay free of line numbers whenever possible, so CI
/// history follows a case across edits.
fn unique_names(cases: &mut [Case]) {
    let mut count: HashMap<String, usize> = HashMap::new();
    for c in cases.iter() {
        *count.entry(c.name.clone()).or_default() += 1;
    }
    for c in cases.iter_mut() {
        if count.get(&c.name).copied().unwrap_or(0) > 1 {
            c.name = format!("{} ({})", c.name, c.location);
        }
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for c in cases.iter_mut() {
        let n = seen.entry(c.name.clone()).or_default();
        *n += 1;
        if *n > 1 {
            c.name = format!("{} #{}", c.name, n);
        }
    }
}

#[derive(Default)]
struct Counts {
    tests: usize,
    failures: usize,
    errors: usize,
    skipped: usize,
}

impl Counts {
    fn of<'a>(cases: impl Iterator<Item = &'a Case>) -> Counts {
        let mut c = Counts::default();
        for case in cases {
            c.tests += 1;
            match case.outcome {
                Outcome::Pass => {}
                Outcome::Failure { .. } => c.failures += 1,
                Outcome::Skipped(_) => c.skipped += 1,
                Outcome::Error { .. } => c.errors += 1,
            }
        }
        c
    }
}

/// A path with forward slashes, as CI systems link files.
fn display_path(p: &Path) -> String {
    p.display().to_string().replace('\\', "/")
}

/// A location as a case name: a file's path, else the location itself.
fn place(l: &Location) -> String {
    match l {
        Location::File(f) => display_path(&f.file),
        other => other.to_string(),
    }
}

/// Whether XML 1.0 can carry `c` at all (its `Char` production).
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escapes text content. Carriage returns are written as references so that XML's line-end
/// normalisation keeps them.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c if is_xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

/// Escapes an attribute value (double-quoted). Tabs and line ends are written as references
/// so that attribute-value normalisation keeps them.
pub fn attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if is_xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_escapes_markup_and_replaces_invalid_characters() {
        assert_eq!(text("a < b && c > d"), "a &lt; b &amp;&amp; c &gt; d");
        assert_eq!(
            text("x\u{0}y\u{1b}z\u{FFFE}"),
            "x\u{FFFD}y\u{FFFD}z\u{FFFD}"
        );
        assert_eq!(text("line\r\nnext\ttab"), "line&#13;\nnext\ttab");
        assert_eq!(text("]]>"), "]]&gt;");
    }

    #[test]
    fn attr_escapes_quotes_and_whitespace() {
        assert_eq!(
            attr(r#"say "hi" & 'bye'"#),
            "say &quot;hi&quot; &amp; &apos;bye&apos;"
        );
        assert_eq!(attr("a\nb\tc\rd"), "a&#10;b&#9;c&#13;d");
        assert_eq!(attr("\u{7}bell"), "\u{FFFD}bell");
        assert_eq!(attr("émoji 🐝"), "émoji 🐝");
    }
}
