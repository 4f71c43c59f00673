//! The chart of best practices by status, drawn as inline SVG on the server side so it exists
//! without scripts: a legend, one bar for the whole review, then one bar per question scaled
//! to its number of best practices. Colours come from the style sheet (classes), with
//! presentation attributes as a fallback when the SVG is read on its own.

use std::io::{self, Write};

use wasp_lens::{BpStatus, QuestionRisk, Review, StatusCounts};

use super::escape::Esc;
use super::{risk_class, status_name};

const WIDTH: f64 = 760.0;
const BAR_X: f64 = 96.0;
const BAR_END: f64 = 690.0;
const ROW_H: f64 = 28.0;
const BAR_H: f64 = 18.0;
const TOP: f64 = 84.0;

fn fallback_fill(s: BpStatus) -> &'static str {
    match s {
        BpStatus::Met => "#2e7d32",
        BpStatus::NotMet => "#c62828",
        BpStatus::Unknown => "#d97706",
        BpStatus::Manual => "#5b6fa8",
        BpStatus::NotApplicable => "#a7afb9",
    }
}

fn risk_fill(r: QuestionRisk) -> &'static str {
    match r {
        QuestionRisk::High => "#c62828",
        QuestionRisk::Medium => "#b45309",
        QuestionRisk::None => "#2e7d32",
        QuestionRisk::Unanswered => "#6b7280",
        QuestionRisk::NotApplicable => "#9aa3ae",
    }
}

/// Text on a segment: light on dark fills, dark on light ones.
fn text_class(s: BpStatus) -> &'static str {
    match s {
        BpStatus::Unknown | BpStatus::NotApplicable => "on-light",
        _ => "on-dark",
    }
}

/// "3 met, 2 not met, …" for every status, zeros included (screen readers get the whole
/// picture).
fn describe(c: &StatusCounts) -> String {
    BpStatus::ALL
        .iter()
        .map(|s| format!("{} {}", c.get(*s), status_name(*s)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One stacked bar of `counts`, `scale` pixels per best practice.
fn bar(
    out: &mut dyn Write,
    label: &str,
    counts: &StatusCounts,
    y: f64,
    scale: f64,
) -> io::Result<()> {
    let total = counts.total();
    writeln!(
        out,
        r##"<rect class="track" x="{BAR_X}" y="{y}" width="{:.1}" height="{BAR_H}" rx="3" fill="#eef1f5"/>"##,
        (total as f64 * scale).max(1.0)
    )?;
    let mut x = BAR_X;
    for s in BpStatus::ALL {
        let n = counts.get(s);
        if n == 0 {
            continue;
        }
        let w = n as f64 * scale;
        writeln!(
            out,
            r#"<rect class="s-{}" x="{x:.1}" y="{y}" width="{w:.1}" height="{BAR_H}" fill="{}"><title>{}: {n} {}</title></rect>"#,
            s.as_str(),
            fallback_fill(s),
            Esc(label),
            status_name(s),
        )?;
        if w >= 16.0 {
            writeln!(
                out,
                r#"<text class="bar-text {}" x="{:.1}" y="{:.1}" text-anchor="middle" font-size="11" aria-hidden="true">{n}</text>"#,
                text_class(s),
                x + w / 2.0,
                y + BAR_H / 2.0 + 4.0,
            )?;
        }
        x += w;
    }
    writeln!(
        out,
        r#"<text class="axis" x="{:.1}" y="{:.1}" font-size="12">{}/{total} met</text>"#,
        x + 8.0,
        y + BAR_H / 2.0 + 4.0,
        counts.met,
    )
}

/// Writes the `<svg>` element.
pub fn write_chart(review: &Review, out: &mut dyn Write) -> io::Result<()> {
    let max = review
        .questions
        .iter()
        .map(|q| q.counts.total())
        .max()
        .unwrap_or(0)
        .max(1);
    let q_scale = (BAR_END - BAR_X) / max as f64;
    let all_scale = (BAR_END - BAR_X) / review.counts.total().max(1) as f64;
    let height = TOP + review.questions.len() as f64 * ROW_H + 6.0;

    write!(
        out,
        r#"<svg id="status-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" aria-labelledby="chart-title chart-desc" font-family="system-ui, sans-serif">"#
    )?;
    writeln!(out)?;
    writeln!(
        out,
        r#"<title id="chart-title">Best practices by status</title>"#
    )?;
    write!(
        out,
        r#"<desc id="chart-desc">All {} best practices: {}."#,
        review.counts.total(),
        describe(&review.counts)
    )?;
    for q in &review.questions {
        write!(
            out,
            " {} ({} risk): {}.",
            Esc(&q.label),
            q.risk.as_str(),
            describe(&q.counts)
        )?;
    }
    writeln!(out, "</desc>")?;

    // Legend.
    let mut lx = 0.0;
    for s in BpStatus::ALL {
        writeln!(
            out,
            r#"<rect class="s-{}" x="{lx}" y="2" width="12" height="12" rx="2" fill="{}"/><text x="{}" y="12.5" font-size="12.5">{} ({})</text>"#,
            s.as_str(),
            fallback_fill(s),
            lx + 18.0,
            status_name(s),
            review.counts.get(s)
        )?;
        lx += 152.0;
    }

    // The whole review.
    writeln!(
        out,
        r#"<text x="0" y="{:.1}" font-size="13" font-weight="700">All</text>"#,
        32.0 + BAR_H / 2.0 + 4.5
    )?;
    bar(out, "All questions", &review.counts, 32.0, all_scale)?;
    writeln!(
        out,
        r#"<line x1="0" x2="{WIDTH}" y1="66" y2="66" stroke="currentColor" stroke-opacity="0.15"/>"#
    )?;

    // One row per question.
    for (i, q) in review.questions.iter().enumerate() {
        let y = TOP + i as f64 * ROW_H;
        writeln!(
            out,
            r#"<circle class="r-{}" cx="6" cy="{:.1}" r="5" fill="{}"><title>{} risk</title></circle>"#,
            risk_class(q.risk),
            y + BAR_H / 2.0,
            risk_fill(q.risk),
            q.risk.as_str()
        )?;
        writeln!(
            out,
            r#"<text x="18" y="{:.1}" font-size="13" font-weight="600">{}</text>"#,
            y + BAR_H / 2.0 + 4.5,
            Esc(&q.label)
        )?;
        bar(out, &q.label, &q.counts, y, q_scale)?;
    }
    writeln!(out, "</svg>")
}
