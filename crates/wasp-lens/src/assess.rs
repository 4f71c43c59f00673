//! The assessment: control results and manual answers → a status per best practice → the
//! selected choices of each question → the question's risk through the lens's own risk rules.
//!
//! # Status of a best practice
//!
//! Evidence comes from every result of every control that lists the best practice among its
//! `best_practices`:
//!
//! 1. any result `Fail` → **NotMet**;
//! 2. else any result `Unknown` → **Unknown**;
//! 3. else at least one `Pass` → **Met**;
//! 4. no result at all → **Unknown** ("no resources in scope") when the best practice is
//!    automatable (the lens sidecar says so, or a control evidences it), **Manual** otherwise.
//!
//! A manual answer then completes or overrides that result:
//!
//! - failing evidence is never overridden: a manual `met` or `not_applicable` on a best
//!   practice with failing results leaves it **NotMet** (the answer is kept and shown);
//! - a manual `not_met` always wins (a person knows of a gap the configuration cannot show);
//! - otherwise the manual answer decides (`met` → Met, `not_applicable` → NotApplicable).
//!
//! # Risk of a question
//!
//! Met best practices are the selected choices. Not-applicable ones are marked not applicable
//! and count as satisfied when the risk rules are evaluated. When nothing is selected but at
//! least one best practice is NotMet, the question's "None of these" choice is selected. Then:
//!
//! - every best practice NotApplicable → **NOT_APPLICABLE**;
//! - no best practice decided (only Unknown / Manual / NotApplicable) → **UNANSWERED**;
//! - otherwise the first matching risk rule: `HIGH_RISK` → **HIGH**, `MEDIUM_RISK` →
//!   **MEDIUM**, `NO_RISK` → **NONE** (no rule matching → UNANSWERED).
//!
//! A question with some best practices still Unknown or Manual is marked `complete: false`:
//! its risk is what the Well-Architected Tool would show for the choices decided so far.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Serialize;
use wasp_control::Meta;
use wasp_core::{CheckResult, Location, ResourceRef, Severity, Status};

use crate::answers::{Answer, AnswerStatus, Answers};
use crate::meta::RiskLevel;
use crate::risk::{self, RuleRisk};
use crate::Lens;

/// The outcome for one best practice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BpStatus {
    Met,
    NotMet,
    Unknown,
    /// Not automatable and not answered yet.
    Manual,
    NotApplicable,
}

impl BpStatus {
    pub const ALL: [BpStatus; 5] = [
        BpStatus::Met,
        BpStatus::NotMet,
        BpStatus::Unknown,
        BpStatus::Manual,
        BpStatus::NotApplicable,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            BpStatus::Met => "met",
            BpStatus::NotMet => "not_met",
            BpStatus::Unknown => "unknown",
            BpStatus::Manual => "manual",
            BpStatus::NotApplicable => "not_applicable",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            BpStatus::Met => "met",
            BpStatus::NotMet => "not met",
            BpStatus::Unknown => "unknown",
            BpStatus::Manual => "manual",
            BpStatus::NotApplicable => "n/a",
        }
    }
}

/// The risk of a question, with the Well-Architected Tool's names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum QuestionRisk {
    High,
    Medium,
    None,
    Unanswered,
    NotApplicable,
}

impl QuestionRisk {
    pub const ALL: [QuestionRisk; 5] = [
        QuestionRisk::High,
        QuestionRisk::Medium,
        QuestionRisk::None,
        QuestionRisk::Unanswered,
        QuestionRisk::NotApplicable,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            QuestionRisk::High => "HIGH",
            QuestionRisk::Medium => "MEDIUM",
            QuestionRisk::None => "NONE",
            QuestionRisk::Unanswered => "UNANSWERED",
            QuestionRisk::NotApplicable => "NOT_APPLICABLE",
        }
    }

    /// Sort key: most urgent first.
    pub fn urgency(self) -> u8 {
        match self {
            QuestionRisk::High => 0,
            QuestionRisk::Medium => 1,
            QuestionRisk::Unanswered => 2,
            QuestionRisk::None => 3,
            QuestionRisk::NotApplicable => 4,
        }
    }
}

/// One control result used as evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub control_id: String,
    pub control_title: String,
    pub severity: Severity,
    pub resource: ResourceRef,
    pub location: Location,
    pub message: String,
    pub remediation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BestPracticeReview {
    pub id: String,
    pub choice_id: String,
    pub title: String,
    pub risk: Option<RiskLevel>,
    pub automated: bool,
    pub status: BpStatus,
    /// Why the status is what it is, in one sentence.
    pub reason: String,
    /// Controls that evidence this best practice.
    pub controls: Vec<String>,
    /// Distinct resources with at least one result.
    pub resources_checked: usize,
    pub passed: usize,
    pub failing: Vec<Evidence>,
    pub unknown: Vec<Evidence>,
    pub answer: Option<Answer>,
    /// True when a manual answer was given but the evidence decided otherwise.
    pub answer_overridden: bool,
    pub improvement_text: Option<String>,
    pub improvement_url: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StatusCounts {
    pub met: usize,
    pub not_met: usize,
    pub unknown: usize,
    pub manual: usize,
    pub not_applicable: usize,
}

impl StatusCounts {
    pub fn add(&mut self, s: BpStatus) {
        match s {
            BpStatus::Met => self.met += 1,
            BpStatus::NotMet => self.not_met += 1,
            BpStatus::Unknown => self.unknown += 1,
            BpStatus::Manual => self.manual += 1,
            BpStatus::NotApplicable => self.not_applicable += 1,
        }
    }

    pub fn get(&self, s: BpStatus) -> usize {
        match s {
            BpStatus::Met => self.met,
            BpStatus::NotMet => self.not_met,
            BpStatus::Unknown => self.unknown,
            BpStatus::Manual => self.manual,
            BpStatus::NotApplicable => self.not_applicable,
        }
    }

    pub fn total(&self) -> usize {
        BpStatus::ALL.iter().map(|s| self.get(*s)).sum()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionReview {
    pub pillar_id: String,
    pub id: String,
    pub label: String,
    pub title: String,
    pub risk: QuestionRisk,
    /// False while some best practice is still Unknown or Manual.
    pub complete: bool,
    /// Choice ids to select in the Well-Architected Tool.
    pub selected_choices: Vec<String>,
    /// Choice ids to mark not applicable.
    pub not_applicable_choices: Vec<String>,
    pub counts: StatusCounts,
    pub best_practices: Vec<BestPracticeReview>,
}

/// One step of the improvement plan: a best practice that is not met (or not yet known).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImprovementItem {
    pub question_id: String,
    pub question_label: String,
    pub question_risk: QuestionRisk,
    pub best_practice: String,
    pub title: String,
    pub status: BpStatus,
    pub risk: Option<RiskLevel>,
    /// Worst severity among the failing controls.
    pub severity: Option<Severity>,
    pub improvement_text: Option<String>,
    pub improvement_url: Option<String>,
    /// Failing controls, each with its failing resources.
    pub controls: Vec<ControlFailures>,
    pub hint: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ControlFailures {
    pub control_id: String,
    pub title: String,
    pub severity: Severity,
    pub remediation: String,
    pub resources: Vec<FailedResource>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FailedResource {
    pub resource: ResourceRef,
    pub location: Location,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Review {
    pub lens_name: String,
    pub questions: Vec<QuestionReview>,
    pub improvement_plan: Vec<ImprovementItem>,
    pub counts: StatusCounts,
    pub risk_counts: BTreeMap<&'static str, usize>,
}

impl Review {
    pub fn risk_count(&self, r: QuestionRisk) -> usize {
        self.questions.iter().filter(|q| q.risk == r).count()
    }
}

/// Assesses the lens: see the module documentation for the rules.
///
/// `controls` gives each control's best practices and severity; `results` are the control
/// outcomes per resource; `answers` are the manual answers (validated against the lens by
/// [`Answers::parse`]). Results of controls not in `controls` are ignored.
pub fn assess(
    lens: &Lens,
    controls: &[Meta],
    results: &[CheckResult],
    answers: Option<&Answers>,
) -> Review {
    let control_by_id: HashMap<&str, &Meta> = controls.iter().map(|c| (&*c.id, c)).collect();
    // best practice id (upper case) → controls evidencing it
    let mut controls_by_bp: HashMap<String, Vec<&Meta>> = HashMap::new();
    for c in controls {
        for bp in c.best_practices.iter() {
            controls_by_bp
                .entry(bp.to_ascii_uppercase())
                .or_default()
                .push(c);
        }
    }
    let mut results_by_control: HashMap<&str, Vec<&CheckResult>> = HashMap::new();
    for r in results {
        if control_by_id.contains_key(r.control_id.as_ref()) {
            results_by_control
                .entry(r.control_id.as_ref())
                .or_default()
                .push(r);
        }
    }

    let mut questions = Vec::new();
    let mut counts = StatusCounts::default();
    for q in &lens.questions {
        let mut bps = Vec::new();
        let mut qcounts = StatusCounts::default();
        for bp in &q.best_practices {
            let evidencing = controls_by_bp
                .get(&bp.id.to_ascii_uppercase())
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let answer = answers.and_then(|a| a.get(&bp.id)).cloned();
            let r = assess_bp(bp, evidencing, &results_by_control, answer);
            qcounts.add(r.status);
            counts.add(r.status);
            bps.push(r);
        }
        questions.push(question_review(q, bps, qcounts));
    }

    let improvement_plan = improvement_plan(lens, &questions);
    let mut risk_counts = BTreeMap::new();
    for r in QuestionRisk::ALL {
        risk_counts.insert(r.as_str(), questions.iter().filter(|q| q.risk == r).count());
    }
    Review {
        lens_name: lens.document.name.clone(),
        questions,
        improvement_plan,
        counts,
        risk_counts,
    }
}

fn evidence(c: &Meta, r: &CheckResult) -> Evidence {
    Evidence {
        control_id: c.id.to_string(),
        control_title: c.title.to_string(),
        severity: c.severity,
        resource: r.resource.clone(),
        location: r.location.clone(),
        message: r.message.clone(),
        remediation: c.remediation.to_string(),
    }
}

fn assess_bp(
    bp: &crate::BestPractice,
    evidencing: &[&Meta],
    results_by_control: &HashMap<&str, Vec<&CheckResult>>,
    answer: Option<Answer>,
) -> BestPracticeReview {
    let mut failing = Vec::new();
    let mut unknown = Vec::new();
    let mut passed = 0;
    let mut resources = BTreeSet::new();
    for c in evidencing {
        for r in results_by_control.get(&*c.id).into_iter().flatten() {
            resources.insert((&r.resource.address, &r.resource.resource_type));
            match r.status {
                Status::Pass => passed += 1,
                Status::Fail => failing.push(evidence(c, r)),
                Status::Unknown => unknown.push(evidence(c, r)),
            }
        }
    }
    failing.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.control_id.cmp(&b.control_id))
            .then_with(|| a.location.cmp(&b.location))
    });
    unknown.sort_by(|a, b| {
        a.control_id
            .cmp(&b.control_id)
            .then_with(|| a.location.cmp(&b.location))
    });
    let automatable = bp.automated || !evidencing.is_empty();
    let n_results = passed + failing.len() + unknown.len();
    let (auto_status, auto_reason) = if !failing.is_empty() {
        (
            BpStatus::NotMet,
            format!(
                "{} failing result(s) on {} resource(s) checked",
                failing.len(),
                resources.len()
            ),
        )
    } else if !unknown.is_empty() {
        (
            BpStatus::Unknown,
            format!(
                "{} result(s) could not be decided statically",
                unknown.len()
            ),
        )
    } else if passed > 0 {
        (
            BpStatus::Met,
            format!(
                "all {passed} result(s) pass on {} resource(s)",
                resources.len()
            ),
        )
    } else if automatable {
        let why = if evidencing.is_empty() {
            "no control evidences it yet"
        } else {
            "no resources in scope"
        };
        (BpStatus::Unknown, why.to_string())
    } else {
        (BpStatus::Manual, "needs a manual answer".to_string())
    };
    debug_assert!(n_results == 0 || auto_status != BpStatus::Manual);

    let mut overridden = false;
    let (status, reason) = match &answer {
        None => (auto_status, auto_reason),
        Some(a) => match (auto_status, a.status) {
            (_, AnswerStatus::NotMet) => (
                BpStatus::NotMet,
                format!("answered not met by {}", a.who_or_unknown()),
            ),
            (BpStatus::NotMet, _) => {
                overridden = true;
                (
                    BpStatus::NotMet,
                    format!(
                        "{auto_reason}; the manual answer `{}` cannot override failing evidence",
                        a.status.as_str()
                    ),
                )
            }
            (_, AnswerStatus::Met) => (
                BpStatus::Met,
                format!("answered met by {}", a.who_or_unknown()),
            ),
            (_, AnswerStatus::NotApplicable) => (
                BpStatus::NotApplicable,
                format!("answered not applicable by {}", a.who_or_unknown()),
            ),
        },
    };
    let mut controls: Vec<String> = evidencing.iter().map(|c| c.id.to_string()).collect();
    controls.sort();
    controls.dedup();
    BestPracticeReview {
        id: bp.id.clone(),
        choice_id: bp.choice_id.clone(),
        title: bp.title.clone(),
        risk: bp.risk,
        automated: automatable,
        status,
        reason,
        controls,
        resources_checked: resources.len(),
        passed,
        failing,
        unknown,
        answer,
        answer_overridden: overridden,
        improvement_text: bp.improvement_text.clone(),
        improvement_url: bp.improvement_url.clone(),
    }
}

/// Selected and not-applicable choices and the risk, as the Well-Architected Tool derives it.
fn question_review(
    q: &crate::QuestionInfo,
    bps: Vec<BestPracticeReview>,
    counts: StatusCounts,
) -> QuestionReview {
    let mut selected: Vec<String> = bps
        .iter()
        .filter(|b| b.status == BpStatus::Met)
        .map(|b| b.choice_id.clone())
        .collect();
    let not_applicable: Vec<String> = bps
        .iter()
        .filter(|b| b.status == BpStatus::NotApplicable)
        .map(|b| b.choice_id.clone())
        .collect();
    let complete = counts.unknown == 0 && counts.manual == 0;
    let risk = if !bps.is_empty() && counts.not_applicable == bps.len() {
        QuestionRisk::NotApplicable
    } else if counts.met == 0 && counts.not_met == 0 {
        QuestionRisk::Unanswered
    } else {
        if selected.is_empty() {
            if let Some(none) = &q.none_choice {
                selected.push(none.clone());
            }
        }
        let set: HashSet<&str> = selected
            .iter()
            .chain(not_applicable.iter())
            .map(String::as_str)
            .collect();
        match risk::evaluate(&q.rules, &set) {
            Some(RuleRisk::High) => QuestionRisk::High,
            Some(RuleRisk::Medium) => QuestionRisk::Medium,
            Some(RuleRisk::None) => QuestionRisk::None,
            None => QuestionRisk::Unanswered,
        }
    };
    QuestionReview {
        pillar_id: q.pillar_id.clone(),
        id: q.id.clone(),
        label: q.label.clone(),
        title: q.title.clone(),
        risk,
        complete,
        selected_choices: selected,
        not_applicable_choices: not_applicable,
        counts,
        best_practices: bps,
    }
}

/// Items for every best practice not met or not yet known, ordered by question risk, then
/// status (not met first), then worst failing severity, then the best practice's own risk
/// level, then id.
fn improvement_plan(lens: &Lens, questions: &[QuestionReview]) -> Vec<ImprovementItem> {
    let mut items = Vec::new();
    for q in questions {
        for b in &q.best_practices {
            if !matches!(
                b.status,
                BpStatus::NotMet | BpStatus::Unknown | BpStatus::Manual
            ) {
                continue;
            }
            let mut by_control: BTreeMap<&str, ControlFailures> = BTreeMap::new();
            for e in &b.failing {
                by_control
                    .entry(e.control_id.as_ref())
                    .or_insert_with(|| ControlFailures {
                        control_id: e.control_id.clone(),
                        title: e.control_title.clone(),
                        severity: e.severity,
                        remediation: e.remediation.clone(),
                        resources: Vec::new(),
                    })
                    .resources
                    .push(FailedResource {
                        resource: e.resource.clone(),
                        location: e.location.clone(),
                        message: e.message.clone(),
                    });
            }
            let mut controls: Vec<ControlFailures> = by_control.into_values().collect();
            controls.sort_by(|a, b| {
                b.severity
                    .cmp(&a.severity)
                    .then_with(|| a.control_id.cmp(&b.control_id))
            });
            let hint = lens
                .best_practice(&b.choice_id)
                .and_then(|(_, bp)| bp.hint.clone());
            items.push(ImprovementItem {
                question_id: q.id.clone(),
                question_label: q.label.clone(),
                question_risk: q.risk,
                best_practice: b.id.clone(),
                title: b.title.clone(),
                status: b.status,
                risk: b.risk,
                severity: controls.first().map(|c| c.severity),
                improvement_text: b.improvement_text.clone(),
                improvement_url: b.improvement_url.clone(),
                controls,
                hint,
            });
        }
    }
    let status_rank = |s: BpStatus| match s {
        BpStatus::NotMet => 0,
        BpStatus::Unknown => 1,
        _ => 2,
    };
    items.sort_by(|a, b| {
        a.question_risk
            .urgency()
            .cmp(&b.question_risk.urgency())
            .then_with(|| status_rank(a.status).cmp(&status_rank(b.status)))
            .then_with(|| b.severity.cmp(&a.severity))
            .then_with(|| b.risk.cmp(&a.risk))
            .then_with(|| a.best_practice.cmp(&b.best_practice))
    });
    items
}

#[cfg(test)]
mod tests;
