//! Rendering of scan results: terminal text and JSON (`wasp-scan/2`).

use std::io::{self, Write};

use serde::Serialize;
use wasp_core::{CheckResult, Finding, InputError, Severity, Status, Suppressed};

use crate::pretty::{member, pretty, pretty_list};
use crate::spool::{List, Spool};
use crate::stream::{Sink, UnitView};
use crate::style::{Style, Term};

/// The JSON schema identifier of [`render_json`]'s output. Bumped on breaking changes.
pub const SCAN_SCHEMA: &str = "wasp-scan/2";

/// What a scan produced, borrowed for rendering.
pub struct ScanView<'a> {
    pub findings: &'a [Finding],
    pub results: &'a [CheckResult],
    pub errors: &'a [InputError],
    pub suppressed: &'a [Suppressed],
    /// Findings already recorded in the baseline (`--baseline`): not reported as findings,
    /// counted so they are never dropped silently.
    pub baselined: &'a [Finding],
    pub files_scanned: usize,
    pub resources: usize,
    pub fail_on: Severity,
    /// JSON: also list the passing checks (`passed`).
    pub include_passed: bool,
}

impl<'a> ScanView<'a> {
    /// The whole scan as one unit.
    pub fn as_unit(&self) -> UnitView<'a> {
        UnitView {
            files: self.files_scanned,
            resources: self.resources,
            findings: self.findings,
            results: self.results,
            suppressed: self.suppressed,
            baselined: self.baselined,
            errors: self.errors,
        }
    }
}

/// Terminal text: one block per finding, then unknowns (counted, listed with `verbose`),
/// input errors and a summary line.
pub fn render_text(
    v: &ScanView<'_>,
    out: &mut dyn Write,
    style: Style,
    verbose: bool,
) -> io::Result<()> {
    let mut sink = TextSink::new(out, style, verbose);
    sink.unit(&v.as_unit())?;
    Box::new(sink).finish(&[])
}

/// Terminal text written as the scan goes: each unit's findings at once; the unknowns and
/// suppressions (`verbose`) and the input errors kept aside until the summary.
pub struct TextSink<W: Write> {
    out: W,
    style: Style,
    verbose: bool,
    counts: Summary,
    unknown: Spool,
    suppressed: Spool,
    errors: Spool,
}

impl<W: Write> TextSink<W> {
    pub fn new(out: W, style: Style, verbose: bool) -> Self {
        TextSink {
            out,
            style,
            verbose,
            counts: Summary::default(),
            unknown: Spool::default(),
            suppressed: Spool::default(),
            errors: Spool::default(),
        }
    }
}

impl<W: Write> Sink for TextSink<W> {
    fn unit(&mut self, u: &UnitView<'_>) -> io::Result<()> {
        self.counts.add(u);
        let (style, out) = (self.style, &mut self.out);
        for f in u.findings {
            writeln!(
                out,
                "{} {} {}",
                style.bold(&Term(&f.control_id).to_string()),
                style.severity(f.severity),
                Term(&f.title)
            )?;
            writeln!(
                out,
                "  {} {}  {}",
                style.dim("-->"),
                Term(&f.location),
                style.dim(&format!(
                    "{} ({})",
                    Term(&f.resource.address),
                    Term(&f.resource.resource_type)
                ))
            )?;
            writeln!(out, "  {} {}", style.dim("="), Term(&f.message))?;
            writeln!(out, "  {} {}", style.dim("fix:"), Term(&f.remediation))?;
            writeln!(out)?;
        }
        if self.verbose {
            let out = &mut self.unknown;
            for r in u.results.iter().filter(|r| r.status == Status::Unknown) {
                writeln!(
                    out,
                    "{} {} {}  {}",
                    style.bold(&Term(&r.control_id).to_string()),
                    style.dim("unknown"),
                    Term(&r.location),
                    Term(&r.message)
                )?;
            }
            let out = &mut self.suppressed;
            for s in u.suppressed {
                write!(
                    out,
                    "{} {} {}  {}",
                    style.bold(&Term(&s.finding.control_id).to_string()),
                    style.dim("suppressed"),
                    Term(&s.finding.location),
                    Term(if s.reason.is_empty() {
                        "(no reason given)"
                    } else {
                        &s.reason
                    })
                )?;
                // A configured ignore lives in another file: say where.
                if s.at.file() != s.finding.location.file() {
                    write!(
                        out,
                        "  {}",
                        style.dim(&format!("(ignored at {})", Term(&s.at)))
                    )?;
                }
                writeln!(out)?;
            }
        }
        for e in u.errors {
            writeln!(self.errors, "{} {}", style.paint("1;31", "error:"), Term(e))?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>, _warnings: &[InputError]) -> io::Result<()> {
        let this = &mut *self;
        let (c, out) = (&this.counts, &mut this.out);
        for part in [&mut this.unknown, &mut this.suppressed, &mut this.errors] {
            if !part.is_empty() {
                part.drain_to(out)?;
                writeln!(out)?;
            }
        }
        let mut counts = Vec::new();
        for s in Severity::ALL.iter().rev() {
            let n = c.by_severity.get(s).copied().unwrap_or(0);
            if n > 0 {
                counts.push(format!("{n} {s}"));
            }
        }
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        write!(out, "{} finding{}", c.findings, plural(c.findings))?;
        if !counts.is_empty() {
            write!(out, " ({})", counts.join(", "))?;
        }
        write!(
            out,
            ", {} passed, {} unknown{} in {} resource{} from {} file{}",
            c.passed,
            c.unknown,
            if this.verbose || c.unknown == 0 {
                ""
            } else {
                " (--verbose lists them)"
            },
            c.resources,
            plural(c.resources),
            c.files_scanned,
            plural(c.files_scanned),
        )?;
        if c.suppressed > 0 {
            write!(out, "; {} suppressed", c.suppressed)?;
        }
        if c.baselined > 0 {
            write!(
                out,
                "; {} finding{} in the baseline not shown",
                c.baselined,
                plural(c.baselined)
            )?;
        }
        if c.errors > 0 {
            write!(out, "; {} input error{}", c.errors, plural(c.errors))?;
        }
        writeln!(out)?;
        out.flush()
    }
}

/// The tool, as JSON reports name it.
#[derive(Serialize)]
pub(crate) struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

impl Tool {
    pub const WASP: Tool = Tool {
        name: "wasp",
        version: env!("CARGO_PKG_VERSION"),
    };
}

/// The counts of a scan, as the JSON report's `summary` and the JSON Lines' last line hold
/// them.
#[derive(Debug, Default, Serialize)]
pub(crate) struct Summary {
    pub files_scanned: usize,
    pub resources: usize,
    pub findings: usize,
    pub passed: usize,
    pub unknown: usize,
    pub suppressed: usize,
    pub baselined: usize,
    pub errors: usize,
    pub warnings: usize,
    pub fail_on: Severity,
    pub by_severity: std::collections::BTreeMap<Severity, usize>,
}

impl Summary {
    /// Counts one unit in.
    pub(crate) fn add(&mut self, u: &UnitView<'_>) {
        self.files_scanned += u.files;
        self.resources += u.resources;
        self.findings += u.findings.len();
        self.suppressed += u.suppressed.len();
        self.baselined += u.baselined.len();
        self.errors += u.errors.len();
        for f in u.findings {
            *self.by_severity.entry(f.severity).or_insert(0) += 1;
        }
        for r in u.results {
            match r.status {
                Status::Pass => self.passed += 1,
                Status::Unknown => self.unknown += 1,
                Status::Fail => {}
            }
        }
    }
}

/// JSON in the `wasp-scan/2` schema (documented in docs/scan-json.md).
pub fn render_json(v: &ScanView<'_>, out: &mut dyn Write) -> io::Result<()> {
    render_json_with_warnings(v, &[], out)
}

/// [`render_json`], with the scan's warnings (an expired configured ignore, say) in
/// `warnings[]`.
pub fn render_json_with_warnings(
    v: &ScanView<'_>,
    warnings: &[InputError],
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut sink = JsonSink::new(out, v.fail_on, v.include_passed);
    sink.unit(&v.as_unit())?;
    Box::new(sink).finish(warnings)
}

/// The JSON report written as the scan goes: each list is kept aside (on disk past a small
/// size) and the document is put together at the end, with its summary first, exactly as
/// `serde_json::to_writer_pretty` would write it.
pub struct JsonSink<W: Write> {
    out: W,
    counts: Summary,
    include_passed: bool,
    findings: List,
    unknown: List,
    passed: List,
    suppressed: List,
    baselined: List,
    errors: List,
}

impl<W: Write> JsonSink<W> {
    /// `fail_on`: the run's threshold, for the summary; `include_passed`: also list the
    /// passing checks (`passed`).
    pub fn new(out: W, fail_on: Severity, include_passed: bool) -> Self {
        JsonSink {
            out,
            counts: Summary {
                fail_on,
                ..Summary::default()
            },
            include_passed,
            findings: List::new(2),
            unknown: List::new(2),
            passed: List::new(2),
            suppressed: List::new(2),
            baselined: List::new(2),
            errors: List::new(2),
        }
    }
}

impl<W: Write> Sink for JsonSink<W> {
    fn unit(&mut self, u: &UnitView<'_>) -> io::Result<()> {
        self.units(std::slice::from_ref(u))
    }

    fn units(&mut self, us: &[UnitView<'_>]) -> io::Result<()> {
        for u in us {
            self.counts.add(u);
        }
        fn all<'a, T>(us: &[UnitView<'a>], list: impl Fn(&UnitView<'a>) -> &'a [T]) -> Vec<&'a T> {
            us.iter().flat_map(list).collect()
        }
        self.findings.extend(&all(us, |u| u.findings))?;
        let of = |status| -> Vec<&CheckResult> {
            us.iter()
                .flat_map(|u| u.results)
                .filter(|r| r.status == status)
                .collect()
        };
        self.unknown.extend(&of(Status::Unknown))?;
        if self.include_passed {
            self.passed.extend(&of(Status::Pass))?;
        }
        self.suppressed.extend(&all(us, |u| u.suppressed))?;
        self.baselined.extend(&all(us, |u| u.baselined))?;
        self.errors.extend(&all(us, |u| u.errors))
    }

    fn finish(mut self: Box<Self>, warnings: &[InputError]) -> io::Result<()> {
        let this = &mut *self;
        this.counts.warnings = warnings.len();
        let out = &mut this.out;
        out.write_all(b"{")?;
        member(out, true, "schema")?;
        out.write_all(&pretty(&SCAN_SCHEMA, 2)?)?;
        member(out, false, "tool")?;
        out.write_all(&pretty(&Tool::WASP, 2)?)?;
        member(out, false, "summary")?;
        out.write_all(&pretty(&this.counts, 2)?)?;
        let mut lists = vec![
            ("findings", &mut this.findings),
            ("unknown", &mut this.unknown),
        ];
        if this.include_passed {
            lists.push(("passed", &mut this.passed));
        }
        lists.push(("suppressed", &mut this.suppressed));
        lists.push(("baselined", &mut this.baselined));
        lists.push(("errors", &mut this.errors));
        for (name, list) in lists {
            member(out, false, name)?;
            list.drain_to(out)?;
        }
        member(out, false, "warnings")?;
        pretty_list(warnings, 2, out)?;
        out.write_all(b"\n}\n")?;
        out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasp_core::{Location, Pos, ResourceRef};

    #[derive(Serialize)]
    struct JsonScan<'a> {
        schema: &'static str,
        tool: Tool,
        summary: Summary,
        findings: &'a [Finding],
        unknown: Vec<&'a CheckResult>,
        #[serde(skip_serializing_if = "Option::is_none")]
        passed: Option<Vec<&'a CheckResult>>,
        suppressed: &'a [Suppressed],
        baselined: &'a [Finding],
        errors: &'a [InputError],
        warnings: &'a [InputError],
    }

    fn finding(i: usize) -> Finding {
        Finding {
            control_id: "WASP-S3-001".into(),
            control_name: "bucket-public".into(),
            title: "Title with \"quotes\", a tab\t and\nnewline".into(),
            severity: Severity::High,
            resource: ResourceRef {
                address: format!("aws_s3_bucket.b{i}"),
                resource_type: "aws_s3_bucket".into(),
            },
            location: Location::new(format!("dir/{i}.tf"), Pos::new(i as u32, 1)),
            message: format!("message {i} ✓ \u{1}"),
            remediation: "Fix.".into(),
            best_practices: if i.is_multiple_of(2) {
                vec!["SEC08-BP02".into()]
            } else {
                Vec::new()
            },
            fingerprint: wasp_core::fingerprint("WASP-S3-001", &i.to_string()),
        }
    }

    /// The parallel writer against serde_json's own pretty printer on the same document:
    /// lists longer than a batch, empty lists, nested empty lists, with and without `passed`.
    #[test]
    fn parallel_pretty_json_is_byte_identical_to_serde_json() {
        let findings: Vec<Finding> = (0..2500).map(finding).collect();
        let results: Vec<CheckResult> = (0..1500)
            .map(|i| CheckResult {
                control_id: "WASP-KMS-001".into(),
                status: [Status::Pass, Status::Unknown][i % 2],
                resource: findings[i].resource.clone(),
                message: String::new(),
                location: findings[i].location.clone(),
            })
            .collect();
        let suppressed = vec![Suppressed {
            finding: finding(7),
            reason: "r".into(),
            at: Location::new("x.tf", Pos::new(1, 1)),
        }];
        let errors = vec![InputError::new("bad.yaml", Pos::new(2, 3), "oops")];
        for (n, include_passed) in [(0, false), (1, true), (2500, false), (2500, true)] {
            let v = ScanView {
                findings: &findings[..n],
                results: &results,
                errors: &errors,
                suppressed: &suppressed,
                baselined: &[],
                files_scanned: 3,
                resources: 4,
                fail_on: Severity::High,
                include_passed,
            };
            let mut ours = Vec::new();
            render_json(&v, &mut ours).unwrap();
            // The same document through serde_json.
            let doc: serde_json::Value = serde_json::from_slice(&ours).unwrap();
            assert_eq!(doc["findings"].as_array().unwrap().len(), n);
            assert_eq!(doc["passed"].is_array(), include_passed);
            let mut by_severity = std::collections::BTreeMap::new();
            for f in v.findings {
                *by_severity.entry(f.severity).or_insert(0) += 1;
            }
            let reference = JsonScan {
                schema: SCAN_SCHEMA,
                tool: Tool {
                    name: "wasp",
                    version: env!("CARGO_PKG_VERSION"),
                },
                summary: Summary {
                    files_scanned: 3,
                    resources: 4,
                    findings: n,
                    passed: 750,
                    unknown: 750,
                    suppressed: 1,
                    baselined: 0,
                    errors: 1,
                    warnings: 0,
                    fail_on: Severity::High,
                    by_severity,
                },
                findings: v.findings,
                unknown: results
                    .iter()
                    .filter(|r| r.status == Status::Unknown)
                    .collect(),
                passed: include_passed.then(|| {
                    results
                        .iter()
                        .filter(|r| r.status == Status::Pass)
                        .collect()
                }),
                suppressed: &suppressed,
                baselined: &[],
                errors: &errors,
                warnings: &[],
            };
            let mut theirs = serde_json::to_vec_pretty(&reference).unwrap();
            theirs.push(b'\n');
            assert!(ours == theirs, "{n} {include_passed}");
        }
    }
}
