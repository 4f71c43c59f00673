//! JSON Lines (`wasp-scan-lines/1`): the scan as one JSON object per line, written unit by unit
//! as the scan goes, so that memory does not grow with the number of files.
//!
//! Every line has a `type` and the fields of what it is (docs/scan-json.md describes each):
//! `finding` (a Finding), `unknown` and, with `--verbose`, `passed` (CheckResults),
//! `suppressed` (a Suppressed), `baselined` (a Finding), `error` and `warning` (InputErrors),
//! and last `summary` (the schema, the tool and the summary of the JSON report).

use std::io::{self, Write};

use serde::Serialize;
use wasp_core::{InputError, Severity, Status};

use crate::scan::{Summary, Tool};
use crate::stream::{Sink, UnitView};

/// The schema identifier of the summary line.
pub const LINES_SCHEMA: &str = "wasp-scan-lines/1";

/// Writes a scan as JSON Lines.
pub struct JsonLines<W: Write> {
    out: W,
    include_passed: bool,
    fail_on: Severity,
    counts: Summary,
}

#[derive(Serialize)]
struct Line<'a, T: Serialize> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(flatten)]
    item: &'a T,
}

#[derive(Serialize)]
struct SummaryLine<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    schema: &'static str,
    tool: Tool,
    #[serde(flatten)]
    summary: &'a Summary,
}

impl<W: Write> JsonLines<W> {
    /// `include_passed`: also write the passing checks; `fail_on`: the run's threshold, for
    /// the summary.
    pub fn new(out: W, include_passed: bool, fail_on: Severity) -> Self {
        JsonLines {
            out,
            include_passed,
            fail_on,
            counts: Summary {
                fail_on,
                ..Summary::default()
            },
        }
    }

    fn line<T: Serialize>(&mut self, kind: &'static str, item: &T) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, &Line { kind, item })?;
        self.out.write_all(b"\n")
    }

    /// Writes one unit's lines.
    pub fn unit(&mut self, u: &UnitView<'_>) -> io::Result<()> {
        self.counts.add(u);
        for f in u.findings {
            self.line("finding", f)?;
        }
        for r in u.results {
            match r.status {
                Status::Unknown => self.line("unknown", r)?,
                Status::Pass if self.include_passed => self.line("passed", r)?,
                Status::Pass | Status::Fail => {}
            }
        }
        for s in u.suppressed {
            self.line("suppressed", s)?;
        }
        for b in u.baselined {
            self.line("baselined", b)?;
        }
        for e in u.errors {
            self.line("error", e)?;
        }
        Ok(())
    }

    /// Writes the warnings and the summary line, and gives the writer back.
    pub fn finish(mut self, warnings: &[InputError]) -> io::Result<W> {
        self.counts.warnings = warnings.len();
        for w in warnings {
            self.line("warning", w)?;
        }
        let summary = SummaryLine {
            kind: "summary",
            schema: LINES_SCHEMA,
            tool: Tool::WASP,
            summary: &self.counts,
        };
        serde_json::to_writer(&mut self.out, &summary)?;
        self.out.write_all(b"\n")?;
        self.out.flush()?;
        Ok(self.out)
    }

    /// Findings at or above the run's threshold so far.
    pub fn failing(&self) -> bool {
        self.counts
            .by_severity
            .iter()
            .any(|(s, n)| *s >= self.fail_on && *n > 0)
    }
}

impl<W: Write> Sink for JsonLines<W> {
    fn unit(&mut self, u: &UnitView<'_>) -> io::Result<()> {
        JsonLines::unit(self, u)
    }

    fn finish(self: Box<Self>, warnings: &[InputError]) -> io::Result<()> {
        JsonLines::finish(*self, warnings).map(drop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasp_core::{fingerprint, Location, Pos, ResourceRef};
    use wasp_core::{CheckResult, Finding};

    fn finding(id: &str, severity: Severity) -> Finding {
        Finding {
            control_id: id.to_string().into(),
            control_name: "n".into(),
            title: "t".into(),
            severity,
            resource: ResourceRef {
                address: "B".into(),
                resource_type: "AWS::S3::Bucket".into(),
            },
            location: Location::new("t.yaml", Pos::new(3, 1)),
            message: "m\nnext".into(),
            remediation: "r".into(),
            best_practices: vec![],
            fingerprint: fingerprint(id, "B"),
        }
    }

    #[test]
    fn one_object_per_line_and_a_summary_last() {
        let mut w = JsonLines::new(Vec::new(), false, Severity::High);
        let f = [
            finding("WASP-T-001", Severity::High),
            finding("WASP-T-002", Severity::Low),
        ];
        let unknown = CheckResult {
            control_id: "WASP-T-003".into(),
            status: Status::Unknown,
            resource: f[0].resource.clone(),
            message: "a parameter".into(),
            location: Location::new("t.yaml", Pos::new(4, 1)),
        };
        let passed = CheckResult {
            status: Status::Pass,
            ..unknown.clone()
        };
        w.unit(&UnitView {
            files: 1,
            resources: 1,
            findings: &f,
            results: &[unknown, passed],
            suppressed: &[],
            baselined: &[],
            errors: &[InputError::new("bad.yaml", Pos::new(1, 2), "oops")],
        })
        .unwrap();
        assert!(w.failing());
        let out = String::from_utf8(w.finish(&[]).unwrap()).unwrap();
        let lines: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let kinds: Vec<&str> = lines.iter().map(|l| l["type"].as_str().unwrap()).collect();
        assert_eq!(kinds, ["finding", "finding", "unknown", "error", "summary"]);
        assert_eq!(lines[0]["control_id"], "WASP-T-001");
        assert_eq!(lines[0]["location"]["kind"], "file");
        assert_eq!(
            lines[0]["message"], "m\nnext",
            "newlines stay inside their line"
        );
        let s = &lines[4];
        assert_eq!(s["schema"], LINES_SCHEMA);
        assert_eq!(
            (
                s["findings"].as_u64(),
                s["passed"].as_u64(),
                s["unknown"].as_u64()
            ),
            (Some(2), Some(1), Some(1))
        );
        assert_eq!(s["by_severity"]["high"], 1);
        assert_eq!(s["fail_on"], "high");
    }
}
