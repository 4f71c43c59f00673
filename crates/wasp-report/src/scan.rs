//! Rendering of scan results: terminal text and JSON (`wasp-scan/1`).

use std::io::{self, Write};

use serde::Serialize;
use wasp_core::{CheckResult, Finding, InputError, Severity, Status, Suppressed};

use crate::style::Style;

/// The JSON schema identifier of [`render_json`]'s output. Bumped on breaking changes.
pub const SCAN_SCHEMA: &str = "wasp-scan/1";

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

impl ScanView<'_> {
    fn unknowns(&self) -> impl Iterator<Item = &CheckResult> {
        self.results.iter().filter(|r| r.status == Status::Unknown)
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
    for f in v.findings {
        writeln!(
            out,
            "{} {} {}",
            style.bold(&f.control_id),
            style.severity(f.severity),
            f.title
        )?;
        writeln!(
            out,
            "  {} {}  {}",
            style.dim("-->"),
            f.location,
            style.dim(&format!(
                "{} ({})",
                f.resource.address, f.resource.resource_type
            ))
        )?;
        writeln!(out, "  {} {}", style.dim("="), f.message)?;
        writeln!(out, "  {} {}", style.dim("fix:"), f.remediation)?;
        writeln!(out)?;
    }
    let unknown: Vec<&CheckResult> = v.unknowns().collect();
    if verbose {
        for u in &unknown {
            writeln!(
                out,
                "{} {} {}  {}",
                style.bold(&u.control_id),
                style.dim("unknown"),
                u.location,
                u.message
            )?;
        }
        if !unknown.is_empty() {
            writeln!(out)?;
        }
    }
    if verbose {
        for s in v.suppressed {
            write!(
                out,
                "{} {} {}  {}",
                style.bold(&s.finding.control_id),
                style.dim("suppressed"),
                s.finding.location,
                if s.reason.is_empty() {
                    "(no reason given)"
                } else {
                    &s.reason
                }
            )?;
            // A configured ignore lives in another file: say where.
            if s.at.file != s.finding.location.file {
                write!(out, "  {}", style.dim(&format!("(ignored at {})", s.at)))?;
            }
            writeln!(out)?;
        }
        if !v.suppressed.is_empty() {
            writeln!(out)?;
        }
    }
    for e in v.errors {
        writeln!(out, "{} {}", style.paint("1;31", "error:"), e)?;
    }
    if !v.errors.is_empty() {
        writeln!(out)?;
    }
    let mut counts = Vec::new();
    for s in Severity::ALL.iter().rev() {
        let n = v.findings.iter().filter(|f| f.severity == *s).count();
        if n > 0 {
            counts.push(format!("{n} {s}"));
        }
    }
    let passed = v
        .results
        .iter()
        .filter(|r| r.status == Status::Pass)
        .count();
    write!(
        out,
        "{} finding{}",
        v.findings.len(),
        if v.findings.len() == 1 { "" } else { "s" }
    )?;
    if !counts.is_empty() {
        write!(out, " ({})", counts.join(", "))?;
    }
    write!(
        out,
        ", {passed} passed, {} unknown{} in {} resource{} from {} file{}",
        unknown.len(),
        if verbose || unknown.is_empty() {
            ""
        } else {
            " (--verbose lists them)"
        },
        v.resources,
        if v.resources == 1 { "" } else { "s" },
        v.files_scanned,
        if v.files_scanned == 1 { "" } else { "s" },
    )?;
    if !v.suppressed.is_empty() {
        write!(out, "; {} suppressed", v.suppressed.len())?;
    }
    if !v.baselined.is_empty() {
        write!(
            out,
            "; {} finding{} in the baseline not shown",
            v.baselined.len(),
            if v.baselined.len() == 1 { "" } else { "s" }
        )?;
    }
    if !v.errors.is_empty() {
        write!(
            out,
            "; {} input error{}",
            v.errors.len(),
            if v.errors.len() == 1 { "" } else { "s" }
        )?;
    }
    writeln!(out)
}

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

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Summary {
    files_scanned: usize,
    resources: usize,
    findings: usize,
    passed: usize,
    unknown: usize,
    suppressed: usize,
    baselined: usize,
    errors: usize,
    warnings: usize,
    fail_on: Severity,
    by_severity: std::collections::BTreeMap<Severity, usize>,
}

/// JSON in the `wasp-scan/1` schema (documented in docs/scan-json.md).
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
    let mut by_severity = std::collections::BTreeMap::new();
    for f in v.findings {
        *by_severity.entry(f.severity).or_insert(0) += 1;
    }
    let doc = JsonScan {
        schema: SCAN_SCHEMA,
        tool: Tool {
            name: "wasp",
            version: env!("CARGO_PKG_VERSION"),
        },
        summary: Summary {
            files_scanned: v.files_scanned,
            resources: v.resources,
            findings: v.findings.len(),
            passed: v
                .results
                .iter()
                .filter(|r| r.status == Status::Pass)
                .count(),
            unknown: v.unknowns().count(),
            suppressed: v.suppressed.len(),
            baselined: v.baselined.len(),
            errors: v.errors.len(),
            warnings: warnings.len(),
            fail_on: v.fail_on,
            by_severity,
        },
        findings: v.findings,
        unknown: v.unknowns().collect(),
        passed: v.include_passed.then(|| {
            v.results
                .iter()
                .filter(|r| r.status == Status::Pass)
                .collect()
        }),
        suppressed: v.suppressed,
        baselined: v.baselined,
        errors: v.errors,
        warnings,
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
