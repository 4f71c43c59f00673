//! Renderers of a Well-Architected review ([`wasp_lens::Review`]):
//!
//! - [`render_text`]: one line per question with its risk and best-practice counts, then the
//!   improvement plan (best practice → failing controls → resources with file:line → fix);
//! - [`render_json`]: the versioned `wasp-review/2` document (see `docs/review-json.md`);
//! - [`render_wa_answers`]: per question, the arguments of the Well-Architected Tool's
//!   `UpdateAnswer` call (see `docs/wa-tool.md`).
//!
//! Colour is used only when the caller asks for it.

use std::io::{self, Write};

use serde_json::{json, Map, Value};
use wasp_core::Severity;
use wasp_lens::{
    assess::ControlFailures, BestPracticeReview, BpStatus, Evidence, ImprovementItem,
    QuestionReview, QuestionRisk, Review,
};

use crate::style::Term;

/// Identifier of the JSON review schema written by [`render_json`].
pub const REVIEW_SCHEMA: &str = "wasp-review/2";
/// Identifier of the answers document written by [`render_wa_answers`].
pub const WA_ANSWERS_SCHEMA: &str = "wasp-wa-answers/1";
/// Placeholder for the lens ARN in [`render_wa_answers`] when none is given.
pub const LENS_ALIAS_PLACEHOLDER: &str = "LENS_ARN";

/// The Well-Architected Tool's limits on answer notes.
const QUESTION_NOTES_MAX: usize = 2084;
const CHOICE_NOTES_MAX: usize = 250;

struct Style {
    color: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    fn risk(&self, r: QuestionRisk) -> String {
        let text = format!("{:<14}", r.as_str());
        match r {
            QuestionRisk::High => self.paint("1;31", &text),
            QuestionRisk::Medium => self.paint("33", &text),
            QuestionRisk::None => self.paint("32", &text),
            QuestionRisk::Unanswered | QuestionRisk::NotApplicable => self.paint("2", &text),
        }
    }

    fn status(&self, s: BpStatus) -> String {
        match s {
            BpStatus::Met => self.paint("32", s.label()),
            BpStatus::NotMet => self.paint("31", s.label()),
            BpStatus::Unknown => self.paint("33", s.label()),
            BpStatus::Manual | BpStatus::NotApplicable => self.paint("2", s.label()),
        }
    }

    fn severity(&self, s: Severity) -> String {
        match s {
            Severity::Critical | Severity::High => self.paint("31", s.as_str()),
            Severity::Medium => self.paint("33", s.as_str()),
            Severity::Low | Severity::Info => self.paint("2", s.as_str()),
        }
    }

    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
}

fn counts_line(c: &wasp_lens::StatusCounts) -> String {
    BpStatus::ALL
        .iter()
        .map(|s| format!("{} {}", c.get(*s), s.label()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Human-readable review.
pub fn render_text(review: &Review, w: &mut impl Write, color: bool) -> io::Result<()> {
    let st = Style { color };
    writeln!(
        w,
        "{}",
        st.bold(&format!("Review: {}", Term(&review.lens_name)))
    )?;
    writeln!(w)?;
    let width = review
        .questions
        .iter()
        .map(|q| q.label.chars().count())
        .max()
        .unwrap_or(0);
    for q in &review.questions {
        let incomplete = if q.complete || q.risk == QuestionRisk::Unanswered {
            ""
        } else {
            " (incomplete)"
        };
        writeln!(
            w,
            "  {:<width$}  {} {}{}",
            Term(&q.label).to_string(),
            st.risk(q.risk),
            Term(&q.title),
            incomplete
        )?;
        writeln!(w, "  {:<width$}  {:<14} {}", "", "", counts_line(&q.counts))?;
    }
    writeln!(w)?;
    let risks: Vec<String> = QuestionRisk::ALL
        .iter()
        .map(|r| format!("{} {}", review.risk_count(*r), r.as_str()))
        .collect();
    writeln!(
        w,
        "Questions: {} ({})",
        review.questions.len(),
        risks.join(", ")
    )?;
    writeln!(
        w,
        "Best practices: {} ({})",
        review.counts.total(),
        counts_line(&review.counts)
    )?;

    let not_met: Vec<&ImprovementItem> = review
        .improvement_plan
        .iter()
        .filter(|i| i.status == BpStatus::NotMet)
        .collect();
    writeln!(w)?;
    writeln!(w, "{}", st.bold("Improvement plan"))?;
    if not_met.is_empty() {
        writeln!(w, "  No best practice is known to be unmet.")?;
    }
    for (n, item) in not_met.iter().enumerate() {
        write_item(w, &st, n + 1, item)?;
    }
    let unknown: Vec<&str> = review
        .improvement_plan
        .iter()
        .filter(|i| i.status == BpStatus::Unknown)
        .map(|i| i.best_practice.as_str())
        .collect();
    let manual: Vec<&str> = review
        .improvement_plan
        .iter()
        .filter(|i| i.status == BpStatus::Manual)
        .map(|i| i.best_practice.as_str())
        .collect();
    if !unknown.is_empty() {
        writeln!(w)?;
        writeln!(
            w,
            "  To verify ({} unknown): {}",
            unknown.len(),
            unknown.join(", ")
        )?;
    }
    if !manual.is_empty() {
        writeln!(w)?;
        writeln!(
            w,
            "  To answer in the answers file ({} manual): {}",
            manual.len(),
            manual.join(", ")
        )?;
    }
    Ok(())
}

fn write_item(w: &mut impl Write, st: &Style, n: usize, item: &ImprovementItem) -> io::Result<()> {
    let level = item
        .risk
        .map(|r| format!(", {} risk", r.as_str()))
        .unwrap_or_default();
    writeln!(w)?;
    writeln!(
        w,
        "  {n}. {} {} {}",
        st.risk(item.question_risk).trim_end(),
        st.bold(&Term(&item.best_practice).to_string()),
        Term(&item.title)
    )?;
    writeln!(
        w,
        "     {} ({}{level})",
        st.status(item.status),
        Term(&item.question_label)
    )?;
    if let Some(t) = &item.improvement_text {
        writeln!(w, "     {}", Term(t))?;
    }
    for c in &item.controls {
        write_control(w, st, c)?;
    }
    if item.controls.is_empty() {
        writeln!(w, "     answered not met in the answers file")?;
    }
    if let Some(u) = &item.improvement_url {
        writeln!(w, "     see {}", Term(u))?;
    }
    Ok(())
}

fn write_control(w: &mut impl Write, st: &Style, c: &ControlFailures) -> io::Result<()> {
    writeln!(
        w,
        "     - {} [{}] {}",
        Term(&c.control_id),
        st.severity(c.severity),
        Term(&c.title)
    )?;
    for r in &c.resources {
        let msg = if r.message.is_empty() {
            String::new()
        } else {
            format!(": {}", Term(&r.message))
        };
        writeln!(
            w,
            "         {} ({}) at {}{msg}",
            Term(&r.resource.address),
            Term(&r.resource.resource_type),
            Term(&r.location)
        )?;
    }
    if !c.remediation.is_empty() {
        writeln!(w, "       fix: {}", Term(&c.remediation))?;
    }
    Ok(())
}

fn evidence_json(e: &Evidence) -> Value {
    json!({
        "control_id": e.control_id,
        "control_title": e.control_title,
        "severity": e.severity,
        "resource": {"address": e.resource.address, "type": e.resource.resource_type},
        "location": e.location,
        "message": e.message,
    })
}

fn bp_json(b: &BestPracticeReview) -> Value {
    json!({
        "id": b.id,
        "choice_id": b.choice_id,
        "title": b.title,
        "risk_level": b.risk,
        "automated": b.automated,
        "status": b.status,
        "reason": b.reason,
        "controls": b.controls,
        "resources_checked": b.resources_checked,
        "passed": b.passed,
        "failing": b.failing.iter().map(evidence_json).collect::<Vec<_>>(),
        "unknown": b.unknown.iter().map(evidence_json).collect::<Vec<_>>(),
        "answer": b.answer.as_ref().map(|a| json!({
            "status": a.status,
            "who": a.who,
            "when": a.when,
            "note": a.note,
            "source": a.source,
        })),
        "answer_overridden": b.answer_overridden,
    })
}

fn question_json(q: &QuestionReview) -> Value {
    json!({
        "id": q.id,
        "label": q.label,
        "pillar_id": q.pillar_id,
        "title": q.title,
        "risk": q.risk,
        "complete": q.complete,
        "selected_choices": q.selected_choices,
        "not_applicable_choices": q.not_applicable_choices,
        "counts": q.counts,
        "best_practices": q.best_practices.iter().map(bp_json).collect::<Vec<_>>(),
    })
}

fn item_json(i: &ImprovementItem) -> Value {
    json!({
        "question_id": i.question_id,
        "question_label": i.question_label,
        "question_risk": i.question_risk,
        "best_practice": i.best_practice,
        "title": i.title,
        "status": i.status,
        "risk_level": i.risk,
        "severity": i.severity,
        "improvement": {"text": i.improvement_text, "url": i.improvement_url},
        "hint": i.hint,
        "controls": i.controls.iter().map(|c| json!({
            "control_id": c.control_id,
            "title": c.title,
            "severity": c.severity,
            "remediation": c.remediation,
            "resources": c.resources.iter().map(|r| json!({
                "address": r.resource.address,
                "type": r.resource.resource_type,
                "location": r.location,
                "message": r.message,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// The review as a [`Value`] in the `wasp-review/2` schema.
pub fn review_json(review: &Review) -> Value {
    let mut doc = review_json_head(review);
    doc["questions"] = review.questions.iter().map(question_json).collect();
    doc["improvement_plan"] = review.improvement_plan.iter().map(item_json).collect();
    doc
}

/// [`review_json`] without its two long lists.
fn review_json_head(review: &Review) -> Value {
    let mut risks = Map::new();
    for r in QuestionRisk::ALL {
        risks.insert(r.as_str().to_string(), json!(review.risk_count(r)));
    }
    json!({
        "schema": REVIEW_SCHEMA,
        "lens": {"name": review.lens_name},
        "summary": {
            "questions": review.questions.len(),
            "question_risks": risks,
            "best_practices": review.counts.total(),
            "best_practice_statuses": review.counts,
        },
    })
}

/// The review as pretty JSON in the `wasp-review/2` schema, with a trailing newline: the same
/// bytes as pretty-printing [`review_json`], but each question and plan item is built as JSON
/// only while it is rendered (on every core), not held as one tree.
pub fn render_json(review: &Review, w: &mut impl Write) -> io::Result<()> {
    use crate::pretty::{member, pretty, pretty_list, Lazy};
    let mut doc = review_json_head(review);
    let out: &mut dyn Write = w;
    out.write_all(b"{")?;
    for (i, key) in ["schema", "lens", "summary"].into_iter().enumerate() {
        member(out, i == 0, key)?;
        out.write_all(&pretty(&doc[key].take(), 2)?)?;
    }
    let questions: Vec<_> = review
        .questions
        .iter()
        .map(|q| Lazy(q, question_json))
        .collect();
    member(out, false, "questions")?;
    pretty_list(&questions, 2, out)?;
    let plan: Vec<_> = review
        .improvement_plan
        .iter()
        .map(|i| Lazy(i, item_json))
        .collect();
    member(out, false, "improvement_plan")?;
    pretty_list(&plan, 2, out)?;
    out.write_all(b"\n}\n")
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

fn question_notes(q: &QuestionReview) -> String {
    let mut parts = vec![format!("wasp: {}.", counts_line(&q.counts))];
    for b in &q.best_practices {
        match b.status {
            BpStatus::NotMet => parts.push(format!("{} not met: {}.", b.id, b.reason)),
            BpStatus::Unknown => parts.push(format!("{} unknown: {}.", b.id, b.reason)),
            _ => {}
        }
    }
    truncate(&parts.join(" "), QUESTION_NOTES_MAX)
}

/// One `UpdateAnswer` request per answered question, as JSON.
///
/// Each element of `answers` holds exactly the request fields of `UpdateAnswer` except
/// `WorkloadId` (`LensAlias`, `QuestionId`, `SelectedChoices`, `ChoiceUpdates`, `Notes`,
/// `IsApplicable`, and `Reason` for a question that does not apply), so it can be passed to
/// `aws wellarchitected update-answer --workload-id ID --cli-input-json`. Questions still
/// unanswered are left out. `lens_alias` is the ARN of the imported lens; `None` writes the
/// placeholder [`LENS_ALIAS_PLACEHOLDER`].
pub fn wa_answers_json(review: &Review, lens_alias: Option<&str>) -> Value {
    let alias = lens_alias.unwrap_or(LENS_ALIAS_PLACEHOLDER);
    let mut answers = Vec::new();
    for q in &review.questions {
        if q.risk == QuestionRisk::Unanswered {
            continue;
        }
        let mut a = Map::new();
        a.insert("LensAlias".into(), json!(alias));
        a.insert("QuestionId".into(), json!(q.id));
        if q.risk == QuestionRisk::NotApplicable {
            a.insert("SelectedChoices".into(), json!([]));
            a.insert("Notes".into(), json!(question_notes(q)));
            a.insert("IsApplicable".into(), json!(false));
            a.insert("Reason".into(), json!("OUT_OF_SCOPE"));
            answers.push(Value::Object(a));
            continue;
        }
        let mut updates = Map::new();
        for b in &q.best_practices {
            if b.status == BpStatus::NotApplicable {
                let note = b
                    .answer
                    .as_ref()
                    .and_then(|x| x.note.clone())
                    .unwrap_or_else(|| b.reason.clone());
                updates.insert(
                    b.choice_id.clone(),
                    json!({
                        "Status": "NOT_APPLICABLE",
                        "Reason": "OUT_OF_SCOPE",
                        "Notes": truncate(&note, CHOICE_NOTES_MAX),
                    }),
                );
            }
        }
        a.insert("SelectedChoices".into(), json!(q.selected_choices));
        if !updates.is_empty() {
            a.insert("ChoiceUpdates".into(), Value::Object(updates));
        }
        a.insert("Notes".into(), json!(question_notes(q)));
        a.insert("IsApplicable".into(), json!(true));
        answers.push(Value::Object(a));
    }
    json!({
        "schema": WA_ANSWERS_SCHEMA,
        "lens_name": review.lens_name,
        "answers": answers,
    })
}

/// Writes [`wa_answers_json`] as pretty JSON with a trailing newline.
pub fn render_wa_answers(
    review: &Review,
    w: &mut impl Write,
    lens_alias: Option<&str>,
) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, &wa_answers_json(review, lens_alias))?;
    writeln!(w)
}

#[cfg(test)]
mod tests;
