//! Rendering of scan results: terminal text and JSON (`wasp-scan/2`).

use std::io::{self, Write};

use serde::Serialize;
use wasp_core::{CheckResult, Finding, InputError, Severity, Status, Suppressed};

use crate::pretty::{member, pretty, pretty_list};
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
    let unknown: Vec<&CheckResult> = v.unknowns().collect();
    if verbose {
        for u in &unknown {
            writeln!(
                out,
                "{} {} {}  {}",
                style.bold(&Term(&u.control_id).to_string()),
                style.dim("unknown"),
                Term(&u.location),
                Term(&u.message)
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
        if !v.suppressed.is_empty() {
            writeln!(out)?;
        }
    }
    for e in v.errors {
        writeln!(out, "{} {}", style.paint("1;31", "error:"), Term(e))?;
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
    let mut by_severity = std::collections::BTreeMap::new();
    for f in v.findings {
        *by_severity.entry(f.severity).or_insert(0) += 1;
    }
    let doc = JsonScan {
        schema: SCAN_SCHEMA,
        tool: Tool::WASP,
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
    write_pretty(&doc, out)?;
    writeln!(out)
}

/// Writes `doc` exactly as `serde_json::to_writer_pretty` does, rendering the long lists
/// (findings, unknown, suppressed, baselined) on every core, a batch at a time: each item is
/// rendered on its own and indented to its depth, which gives the same bytes since JSON
/// strings hold no raw line breaks.
fn write_pretty(doc: &JsonScan<'_>, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"{")?;
    member(out, true, "schema")?;
    out.write_all(&pretty(&doc.schema, 2)?)?;
    member(out, false, "tool")?;
    out.write_all(&pretty(&doc.tool, 2)?)?;
    member(out, false, "summary")?;
    out.write_all(&pretty(&doc.summary, 2)?)?;
    member(out, false, "findings")?;
    pretty_list(doc.findings, 2, out)?;
    member(out, false, "unknown")?;
    pretty_list(&doc.unknown, 2, out)?;
    if let Some(p) = &doc.passed {
        member(out, false, "passed")?;
        pretty_list(p, 2, out)?;
    }
    member(out, false, "suppressed")?;
    pretty_list(doc.suppressed, 2, out)?;
    member(out, false, "baselined")?;
    pretty_list(doc.baselined, 2, out)?;
    member(out, false, "errors")?;
    pretty_list(doc.errors, 2, out)?;
    member(out, false, "warnings")?;
    pretty_list(doc.warnings, 2, out)?;
    out.write_all(b"\n}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasp_core::{Location, Pos, ResourceRef};

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
                unknown: v.unknowns().collect(),
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
