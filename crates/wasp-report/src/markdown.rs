//! Markdown (GitHub-flavoured) for a pull-request or merge-request comment.
//!
//! - [`render_scan`]: a summary table (files, resources, findings by severity, suppressed,
//!   baselined, input errors), the input errors, then the new findings grouped by severity,
//!   each with its control, `file:line`, resource, message and fix; the findings already in the
//!   baseline and the suppressed ones (with their reasons) follow in collapsed `<details>`
//!   blocks;
//! - [`render_review`]: the risk of each question in a table, then the improvement plan.
//!
//! Text that comes from the scanned files or from the user (paths, resource addresses,
//! messages, suppression reasons, lens text) is escaped so that it cannot change the
//! comment's layout: Markdown punctuation is backslash-escaped, line breaks become spaces, `@`
//! is kept from mentioning anyone.
//!
//! A comment is limited to [`COMMENT_LIMIT`] characters: past that, items are left out and a
//! line says how many (`N more findings not shown`).

use std::fmt::Write as _;
use std::io::{self, Write};

use wasp_core::{Finding, Location, Severity};
use wasp_lens::{BpStatus, ImprovementItem, QuestionRisk, Review};

use crate::scan::ScanView;

/// GitHub's limit on the body of an issue or pull-request comment, in characters. Output is
/// kept under it counting bytes, which is stricter.
pub const COMMENT_LIMIT: usize = 65_536;
/// Room kept for closing tags and the "not shown" notice.
const RESERVE: usize = 1_024;

/// Escapes text for Markdown, wherever it lands on a line: punctuation that Markdown, GitHub's
/// extensions (tables, strikethrough, math) or HTML give a meaning inline is
/// backslash-escaped, and so is a leading character that could start a block (a list item, a
/// heading, a quote); line breaks become spaces; characters that cannot be shown are
/// replaced; `@` gets a zero-width space after it so that it never mentions a user or team.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    // Digits at the start: `1.` or `1)` would open an ordered list.
    let leading_digits = s.chars().take_while(char::is_ascii_digit).count();
    for (i, c) in s.chars().enumerate() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '$' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if i > 0 && i == leading_digits => {
                out.push('\\');
                out.push(c);
            }
            '@' => out.push_str("@\u{200B}"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A document that stops taking items once it would pass the comment limit.
struct Doc {
    buf: String,
    limit: usize,
    full: bool,
}

impl Doc {
    fn new() -> Doc {
        Doc {
            buf: String::new(),
            limit: COMMENT_LIMIT - RESERVE,
            full: false,
        }
    }

    /// Structure (headings, tags) that must be written whatever the budget says.
    fn put(&mut self, s: &str) {
        self.buf.push_str(s);
    }

    /// An item: written when it fits, else the document is full and it is not.
    fn item(&mut self, s: &str) -> bool {
        if self.full || self.buf.len() + s.len() > self.limit {
            self.full = true;
            return false;
        }
        self.buf.push_str(s);
        true
    }

    /// Whether `extra` bytes of structure plus `s` would still fit.
    fn fits(&self, extra: usize, s: &str) -> bool {
        !self.full && self.buf.len() + extra + s.len() <= self.limit
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn severity_label(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "Critical",
        Severity::High => "High",
        Severity::Medium => "Medium",
        Severity::Low => "Low",
        Severity::Info => "Info",
    }
}

/// One finding as a list item.
fn finding_item(f: &Finding) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "- **{}** {}\\", escape(&f.control_id), escape(&f.title));
    let _ = writeln!(
        s,
        "  **Where:** {} · **Resource:** {} ({})\\",
        escape(&location(f)),
        escape(&f.resource.address),
        escape(&f.resource.resource_type)
    );
    if f.message.trim().is_empty() {
        let _ = writeln!(s, "  **Fix:** {}", escape(&f.remediation));
    } else {
        let _ = writeln!(s, "  **Why:** {}\\", escape(&f.message));
        let _ = writeln!(s, "  **Fix:** {}", escape(&f.remediation));
    }
    s
}

/// `file:line` with forward slashes (`file` alone when no line is known); a cloud resource or
/// an event as itself.
fn location(f: &Finding) -> String {
    at(&f.location, false)
}

/// A location with forward slashes: `file:line`, with the column when `column` is set.
fn at(l: &Location, column: bool) -> String {
    let Location::File(f) = l else {
        return l.to_string();
    };
    let file = f.file.display().to_string().replace('\\', "/");
    match (f.line, column) {
        (0, _) => file,
        (line, false) => format!("{file}:{line}"),
        (line, true) => format!("{file}:{line}:{}", f.column),
    }
}

/// Writes findings grouped by severity (most severe first); returns how many did not fit.
fn findings_by_severity(doc: &mut Doc, findings: &[&Finding], heading: &str) -> usize {
    let mut omitted = 0;
    for sev in Severity::ALL.iter().rev() {
        let group: Vec<&&Finding> = findings.iter().filter(|f| f.severity == *sev).collect();
        if group.is_empty() {
            continue;
        }
        let head = format!("\n{heading} {} ({})\n\n", severity_label(*sev), group.len());
        let first = finding_item(group[0]);
        if doc.fits(head.len(), &first) {
            doc.put(&head);
        } else {
            doc.full = true;
        }
        for f in group {
            if !doc.item(&finding_item(f)) {
                omitted += 1;
            }
        }
    }
    omitted
}

/// Markdown of a scan, for a pull-request comment.
pub fn render_scan(v: &ScanView<'_>, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(scan_markdown(v).as_bytes())
}

/// The Markdown of [`render_scan`] as a string.
pub fn scan_markdown(v: &ScanView<'_>) -> String {
    let mut doc = Doc::new();
    let count = |s: Severity| v.findings.iter().filter(|f| f.severity == s).count();
    let failing = v
        .findings
        .iter()
        .filter(|f| f.severity >= v.fail_on)
        .count();
    let verdict = if failing > 0 {
        format!(
            "❌ {} at or above **{}**",
            plural(failing, "finding", "findings"),
            v.fail_on
        )
    } else if !v.errors.is_empty() {
        format!(
            "⚠️ no finding at or above **{}**, but {} could not be read",
            v.fail_on,
            plural(v.errors.len(), "input", "inputs")
        )
    } else {
        format!("✅ no finding at or above **{}**", v.fail_on)
    };
    let mut head = String::new();
    let _ = writeln!(head, "## wasp scan\n\n{verdict}\n");
    let _ = writeln!(
        head,
        "| Files | Resources | Critical | High | Medium | Low | Info | Suppressed | Baselined | Input errors |"
    );
    let _ = writeln!(head, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let _ = writeln!(
        head,
        "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
        v.files_scanned,
        v.resources,
        count(Severity::Critical),
        count(Severity::High),
        count(Severity::Medium),
        count(Severity::Low),
        count(Severity::Info),
        v.suppressed.len(),
        v.baselined.len(),
        v.errors.len()
    );
    doc.put(&head);

    let mut omitted_errors = 0;
    if !v.errors.is_empty() {
        doc.put(&format!("\n### Input errors ({})\n\n", v.errors.len()));
        for e in v.errors {
            let at = at(&e.location, true);
            if !doc.item(&format!("- {}: {}\n", escape(&at), escape(&e.message))) {
                omitted_errors += 1;
            }
        }
    }

    let mut omitted_findings = 0;
    if v.findings.is_empty() {
        doc.put("\n### Findings\n\nNo new finding.\n");
    } else {
        doc.put(&format!("\n### Findings ({})\n", v.findings.len()));
        let all: Vec<&Finding> = v.findings.iter().collect();
        omitted_findings += findings_by_severity(&mut doc, &all, "####");
    }

    let mut omitted_baselined = 0;
    if !v.baselined.is_empty() {
        doc.put(&format!(
            "\n<details>\n<summary>{} already in the baseline</summary>\n",
            plural(v.baselined.len(), "finding", "findings")
        ));
        let all: Vec<&Finding> = v.baselined.iter().collect();
        omitted_baselined += findings_by_severity(&mut doc, &all, "####");
        doc.put("\n</details>\n");
    }

    let mut omitted_suppressed = 0;
    if !v.suppressed.is_empty() {
        doc.put(&format!(
            "\n<details>\n<summary>{}</summary>\n\n",
            plural(
                v.suppressed.len(),
                "suppressed finding",
                "suppressed findings"
            )
        ));
        for s in v.suppressed {
            let f = &s.finding;
            let reason = if s.reason.trim().is_empty() {
                "_no reason given_".to_string()
            } else {
                escape(s.reason.trim())
            };
            let item = format!(
                "- **{}** {} · {} ({}) at {}\\\n  **Reason:** {}\n",
                escape(&f.control_id),
                escape(&f.title),
                escape(&f.resource.address),
                escape(&f.resource.resource_type),
                escape(&location(f)),
                reason
            );
            if !doc.item(&item) {
                omitted_suppressed += 1;
            }
        }
        doc.put("\n</details>\n");
    }

    if doc.full {
        let mut parts = Vec::new();
        if omitted_findings > 0 {
            parts.push(plural(omitted_findings, "more finding", "more findings"));
        }
        if omitted_baselined > 0 {
            parts.push(plural(
                omitted_baselined,
                "more baselined finding",
                "more baselined findings",
            ));
        }
        if omitted_suppressed > 0 {
            parts.push(plural(
                omitted_suppressed,
                "more suppressed finding",
                "more suppressed findings",
            ));
        }
        if omitted_errors > 0 {
            parts.push(plural(
                omitted_errors,
                "more input error",
                "more input errors",
            ));
        }
        doc.put(&format!(
            "\n> **{} not shown**: a comment is limited to {COMMENT_LIMIT} characters. The JSON or SARIF report lists everything.\n",
            parts.join(", ")
        ));
    }
    doc.buf
}

fn risk_label(r: QuestionRisk) -> &'static str {
    match r {
        QuestionRisk::High => "🔴 High",
        QuestionRisk::Medium => "🟠 Medium",
        QuestionRisk::None => "🟢 None",
        QuestionRisk::Unanswered => "⚪ Unanswered",
        QuestionRisk::NotApplicable => "➖ N/A",
    }
}

/// Markdown of a review, for a pull-request comment: risk per question, then the improvement
/// plan.
pub fn render_review(review: &Review, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(review_markdown(review).as_bytes())
}

/// The Markdown of [`render_review`] as a string.
pub fn review_markdown(review: &Review) -> String {
    let mut doc = Doc::new();
    let mut head = String::new();
    let _ = writeln!(
        head,
        "## Well-Architected review: {}\n",
        escape(&review.lens_name)
    );
    let risks: Vec<String> = QuestionRisk::ALL
        .iter()
        .map(|r| format!("{} {}", review.risk_count(*r), r.as_str()))
        .collect();
    let counts: Vec<String> = BpStatus::ALL
        .iter()
        .map(|s| format!("{} {}", review.counts.get(*s), s.label()))
        .collect();
    let _ = writeln!(
        head,
        "**Questions:** {} ({}) · **Best practices:** {} ({})\n",
        review.questions.len(),
        risks.join(", "),
        review.counts.total(),
        counts.join(", ")
    );
    let _ = writeln!(
        head,
        "| Question | Risk | Met | Not met | Unknown | Manual | N/A |"
    );
    let _ = writeln!(head, "|---|---|---:|---:|---:|---:|---:|");
    doc.put(&head);
    let mut omitted_questions = 0;
    for q in &review.questions {
        let incomplete = if q.complete || q.risk == QuestionRisk::Unanswered {
            ""
        } else {
            " (incomplete)"
        };
        let row = format!(
            "| **{}** {} | {}{incomplete} | {} | {} | {} | {} | {} |\n",
            escape(&q.label),
            escape(&q.title),
            risk_label(q.risk),
            q.counts.get(BpStatus::Met),
            q.counts.get(BpStatus::NotMet),
            q.counts.get(BpStatus::Unknown),
            q.counts.get(BpStatus::Manual),
            q.counts.get(BpStatus::NotApplicable),
        );
        if !doc.item(&row) {
            omitted_questions += 1;
        }
    }

    let not_met: Vec<&ImprovementItem> = review
        .improvement_plan
        .iter()
        .filter(|i| i.status == BpStatus::NotMet)
        .collect();
    doc.put(&format!("\n### Improvement plan ({})\n\n", not_met.len()));
    if not_met.is_empty() {
        doc.put("No best practice is known to be unmet.\n");
    }
    let mut omitted_items = 0;
    for (n, item) in not_met.iter().enumerate() {
        if !doc.item(&plan_item(n + 1, item)) {
            omitted_items += 1;
        }
    }
    let unknown: Vec<String> = review
        .improvement_plan
        .iter()
        .filter(|i| i.status == BpStatus::Unknown)
        .map(|i| escape(&i.best_practice))
        .collect();
    let manual: Vec<String> = review
        .improvement_plan
        .iter()
        .filter(|i| i.status == BpStatus::Manual)
        .map(|i| escape(&i.best_practice))
        .collect();
    if !unknown.is_empty() {
        doc.item(&format!(
            "\n**To verify** ({} unknown): {}\n",
            unknown.len(),
            unknown.join(", ")
        ));
    }
    if !manual.is_empty() {
        doc.item(&format!(
            "\n**To answer in the answers file** ({} manual): {}\n",
            manual.len(),
            manual.join(", ")
        ));
    }
    if doc.full {
        let mut parts = Vec::new();
        if omitted_questions > 0 {
            parts.push(plural(omitted_questions, "more question", "more questions"));
        }
        if omitted_items > 0 {
            parts.push(plural(
                omitted_items,
                "more improvement plan item",
                "more improvement plan items",
            ));
        }
        if parts.is_empty() {
            parts.push("the lists of best practices to verify or answer".into());
        }
        doc.put(&format!(
            "\n> **{} not shown**: a comment is limited to {COMMENT_LIMIT} characters. The JSON review lists everything.\n",
            parts.join(", ")
        ));
    }
    doc.buf
}

/// One step of the improvement plan as a numbered list item.
fn plan_item(n: usize, item: &ImprovementItem) -> String {
    let mut s = String::new();
    let level = item
        .risk
        .map(|r| format!(", {} risk", r.as_str()))
        .unwrap_or_default();
    let _ = writeln!(
        s,
        "{n}. **{}** {} ({} question {}{level})",
        escape(&item.best_practice),
        escape(&item.title),
        risk_label(item.question_risk),
        escape(&item.question_label)
    );
    if let Some(t) = &item.improvement_text {
        let _ = writeln!(s, "   {}", escape(t));
    }
    if item.controls.is_empty() {
        let _ = writeln!(s, "   Answered not met in the answers file.");
    }
    for c in &item.controls {
        let _ = writeln!(
            s,
            "   - **{}** ({}) {}",
            escape(&c.control_id),
            c.severity,
            escape(&c.title)
        );
        for r in &c.resources {
            let at = at(&r.location, false);
            let msg = if r.message.trim().is_empty() {
                String::new()
            } else {
                format!(": {}", escape(&r.message))
            };
            let _ = writeln!(
                s,
                "     - {} ({}) at {}{msg}",
                escape(&r.resource.address),
                escape(&r.resource.resource_type),
                escape(&at)
            );
        }
        if !c.remediation.trim().is_empty() {
            let _ = writeln!(s, "     - **Fix:** {}", escape(&c.remediation));
        }
    }
    if let Some(u) = &item.improvement_url {
        let _ = writeln!(s, "   See <{}>", url(u));
    }
    s
}

/// A URL for an autolink: anything that could close it or break the line is percent-encoded.
fn url(u: &str) -> String {
    let mut out = String::with_capacity(u.len());
    for c in u.chars() {
        match c {
            '<' | '>' | ' ' | '\n' | '\r' | '\t' | '"' | '`' => {
                let mut b = [0u8; 4];
                for byte in c.encode_utf8(&mut b).bytes() {
                    let _ = write!(out, "%{byte:02X}");
                }
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_neutralises_markdown_html_and_mentions() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(escape("*x* _y_ `z`"), "\\*x\\* \\_y\\_ \\`z\\`");
        assert_eq!(escape("<script>"), "\\<script\\>");
        assert_eq!(escape("[a](b)"), "\\[a\\](b)");
        assert_eq!(escape("- item"), "\\- item");
        assert_eq!(escape("12. x"), "12\\. x");
        assert_eq!(escape("a-b 1.5"), "a-b 1.5");
        assert_eq!(escape("# title"), "\\# title");
        assert_eq!(
            escape("AWS::S3::Bucket a.yaml:3"),
            "AWS::S3::Bucket a.yaml:3"
        );
        assert_eq!(escape("two\nlines"), "two lines");
        assert_eq!(escape("@team"), "@\u{200B}team");
        assert_eq!(escape("bell\u{7}"), "bell\u{FFFD}");
        assert_eq!(escape("plain words"), "plain words");
    }

    #[test]
    fn url_keeps_the_autolink_closed() {
        assert_eq!(url("https://x.test/a b>c"), "https://x.test/a%20b%3Ec");
    }
}
