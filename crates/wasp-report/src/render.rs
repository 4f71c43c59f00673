//! One trait for every output format: a [`Renderer`] writes a [`Report`] to any `Write`.
//!
//! The binary picks a renderer per `--format` and hands it the report; tests hand it a
//! `Vec<u8>`. Renderers know nothing of AWS, file formats or sources: only of findings,
//! results, locations, control metadata and the review.

use std::io::{self, Write};
use std::path::PathBuf;

use wasp_control::Meta;
use wasp_core::InputError;
use wasp_lens::{Coverage, Review};

use crate::scan::ScanView;
use crate::style::Style;

/// What a renderer renders.
pub struct Report<'a> {
    pub scan: ScanView<'a>,
    /// Warnings of the run (an expired `[[ignore]]`, say).
    pub warnings: &'a [InputError],
    /// The controls that ran, as rule tables (SARIF, JUnit) describe them.
    pub rules: &'a [Meta],
    /// The review of the scan, for the formats that show one.
    pub review: Option<&'a Review>,
}

/// An output format.
pub trait Renderer {
    fn render(&self, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()>;
}

fn review<'a>(report: &Report<'a>) -> io::Result<&'a Review> {
    report
        .review
        .ok_or_else(|| io::Error::other("this format shows a review, and there is none"))
}

/// Terminal text: findings with file:line and fix, unknowns, errors, a summary line.
#[derive(Debug, Clone, Copy)]
pub struct Text {
    pub style: Style,
    /// Also list the checks that could not be decided.
    pub verbose: bool,
}

impl Renderer for Text {
    fn render(&self, r: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        crate::scan::render_text(&r.scan, out, self.style, self.verbose)
    }
}

/// The scan as JSON (`wasp-scan/2`, docs/scan-json.md).
#[derive(Debug, Clone, Copy, Default)]
pub struct Json;

impl Renderer for Json {
    fn render(&self, r: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        crate::scan::render_json_with_warnings(&r.scan, r.warnings, out)
    }
}

/// SARIF 2.1.0, paths relative to `src_root`.
#[derive(Debug, Clone, Default)]
pub struct Sarif {
    pub src_root: Option<PathBuf>,
}

impl Renderer for Sarif {
    fn render(&self, r: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        crate::sarif::render_sarif(
            &r.scan,
            &crate::sarif::SarifOptions {
                rules: r.rules,
                src_root: self.src_root.as_deref(),
            },
            out,
        )
    }
}

/// JUnit XML: one suite per control, one case per resource.
#[derive(Debug, Clone, Copy, Default)]
pub struct Junit;

impl Renderer for Junit {
    fn render(&self, r: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        crate::junit::render_junit(&r.scan, r.rules, out)
    }
}

/// Markdown for a pull-request comment: the scan's summary and findings.
#[derive(Debug, Clone, Copy, Default)]
pub struct ScanMarkdown;

impl Renderer for ScanMarkdown {
    fn render(&self, r: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        crate::markdown::render_scan(&r.scan, out)
    }
}

/// A self-contained HTML page: the review and the findings behind it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Html;

impl Renderer for Html {
    fn render(&self, r: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        crate::html::render_html(review(r)?, &r.scan, out)
    }
}

/// The review as text: a line per question, then the improvement plan.
#[derive(Debug, Clone, Copy)]
pub struct ReviewText {
    pub color: bool,
}

impl Renderer for ReviewText {
    fn render(&self, r: &Report<'_>, mut out: &mut dyn Write) -> io::Result<()> {
        crate::review::render_text(review(r)?, &mut out, self.color)
    }
}

/// The review as JSON (`wasp-review/2`, docs/review-json.md).
#[derive(Debug, Clone, Copy, Default)]
pub struct ReviewJson;

impl Renderer for ReviewJson {
    fn render(&self, r: &Report<'_>, mut out: &mut dyn Write) -> io::Result<()> {
        crate::review::render_json(review(r)?, &mut out)
    }
}

/// Per question, the input of the Well-Architected Tool's `UpdateAnswer` call.
#[derive(Debug, Clone, Default)]
pub struct WaAnswers {
    pub lens_alias: Option<String>,
}

impl Renderer for WaAnswers {
    fn render(&self, r: &Report<'_>, mut out: &mut dyn Write) -> io::Result<()> {
        crate::review::render_wa_answers(review(r)?, &mut out, self.lens_alias.as_deref())
    }
}

/// The review as Markdown: risk per question, then the improvement plan.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReviewMarkdown;

impl Renderer for ReviewMarkdown {
    fn render(&self, r: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        crate::markdown::render_review(review(r)?, out)
    }
}

/// How the controls cover a lens, as text (`wasp lens coverage`).
pub fn render_coverage(c: &Coverage<'_>, lens_name: &str, w: &mut dyn Write) -> io::Result<()> {
    let risk_word =
        |r: Option<wasp_lens::RiskLevel>| r.map_or_else(|| "-".into(), |r| r.to_string());
    writeln!(w, "{lens_name}: {} control(s) registered", c.controls)?;
    let id_width = c
        .questions
        .iter()
        .flat_map(|q| &q.practices)
        .map(|(b, _)| b.id.chars().count())
        .max()
        .unwrap_or(10);
    for q in &c.questions {
        writeln!(w)?;
        writeln!(w, "{} {}", q.question.label, q.question.title)?;
        for (b, controls) in &q.practices {
            let evidence = match (controls.is_empty(), b.automated) {
                (false, _) => controls.join(", "),
                (true, true) => "no control yet".to_string(),
                (true, false) => "answered manually".to_string(),
            };
            writeln!(
                w,
                "  {:<id_width$}  {:<6}  {:<9}  {}",
                b.id,
                risk_word(b.risk),
                if b.automated { "automated" } else { "manual" },
                evidence
            )?;
        }
    }
    writeln!(w)?;
    writeln!(
        w,
        "Evidenced by controls: {} best practice(s); automatable without a control: {} of {}",
        c.covered,
        c.gaps.len(),
        c.automatable
    )?;
    if !c.gaps.is_empty() {
        writeln!(w, "  {}", c.gaps.join(", "))?;
    }
    if !c.unknown_refs.is_empty() {
        writeln!(w)?;
        writeln!(
            w,
            "Controls naming best practices that are not in this lens:"
        )?;
        for (c, bp) in &c.unknown_refs {
            writeln!(w, "  {c}: {bp}")?;
        }
    }
    Ok(())
}
