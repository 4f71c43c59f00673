//! The Security Pillar of the AWS Well-Architected Framework as data, and the assessment that
//! turns control results and manual answers into a Well-Architected review.
//!
//! - [`Lens`]: a custom lens (the built-in Security Pillar, or any imported one) with its parsed
//!   risk rules and wasp's per-best-practice facts ([`meta`]).
//! - [`validate`]: the custom lens format and its limits; every problem with its JSON path.
//! - [`risk`]: the risk-rule condition language (parser, printer, evaluator).
//! - [`answers`]: the version-controlled manual answers file (`answers.yaml`).
//! - [`assess()`]: results + answers → [`Review`].

pub mod answers;
pub mod assess;
pub mod coverage;
pub mod meta;
pub mod model;
pub mod risk;
pub mod validate;

use std::collections::HashMap;

pub use answers::{Answer, AnswerStatus, Answers, AnswersError};
pub use assess::{
    assess, BestPracticeReview, BpStatus, Evidence, ImprovementItem, QuestionReview, QuestionRisk,
    Review, StatusCounts,
};
pub use coverage::{coverage, Coverage};
pub use meta::{LensMeta, RiskLevel};
pub use model::LensDocument;
pub use validate::{InvalidLens, Issue, Level};

/// The built-in lens, as shipped in `lens/security-pillar.json`.
pub const BUILTIN_LENS_JSON: &str = include_str!("../../../lens/security-pillar.json");
/// The built-in lens's sidecar, `lens/security-pillar.wasp.json`.
pub const BUILTIN_META_JSON: &str = include_str!("../../../lens/security-pillar.wasp.json");

/// A best practice as one choice of a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BestPractice {
    /// Choice id in the lens (`sec08_bp02`).
    pub choice_id: String,
    /// Framework id (`SEC08-BP02`); the choice id when the lens does not say.
    pub id: String,
    /// Title without the id prefix.
    pub title: String,
    pub description: Option<String>,
    /// AWS's level of risk when not established; unknown for lenses without a sidecar.
    pub risk: Option<RiskLevel>,
    /// Whether wasp can evidence it from configuration.
    pub automated: bool,
    pub hint: Option<String>,
    pub helpful_text: Option<String>,
    pub helpful_url: Option<String>,
    pub improvement_text: Option<String>,
    pub improvement_url: Option<String>,
}

/// A question with its best practices and parsed risk rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionInfo {
    pub pillar_id: String,
    /// Question id in the lens (`sec08`).
    pub id: String,
    /// Display id (`SEC08`).
    pub label: String,
    /// Title without the display id prefix.
    pub title: String,
    pub description: Option<String>,
    pub helpful_url: Option<String>,
    pub best_practices: Vec<BestPractice>,
    /// Id of the "None of these" choice, if the question has one.
    pub none_choice: Option<String>,
    pub rules: Vec<risk::Rule>,
}

/// A custom lens ready for assessment.
#[derive(Debug, Clone)]
pub struct Lens {
    pub document: LensDocument,
    pub meta: Option<LensMeta>,
    pub questions: Vec<QuestionInfo>,
}

/// `sec08_bp02` → `SEC08-BP02`; `None` when the id does not have that shape.
pub fn bp_id_from_choice_id(choice_id: &str) -> Option<String> {
    let (q, bp) = choice_id.split_once("_bp")?;
    let letters = q.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = &q[letters.len()..];
    let ok = !letters.is_empty()
        && letters.chars().all(|c| c.is_ascii_alphabetic())
        && !digits.is_empty()
        && !bp.is_empty()
        && bp.chars().all(|c| c.is_ascii_digit());
    ok.then(|| format!("{}{digits}-BP{bp}", letters.to_ascii_uppercase()))
}

fn strip_prefix_id<'a>(title: &'a str, id: &str) -> &'a str {
    title
        .strip_prefix(id)
        .map(|rest| rest.trim_start_matches([' ', '.', ':', '-']).trim_start())
        .filter(|rest| !rest.is_empty())
        .unwrap_or(title)
}

impl Lens {
    /// The built-in Security Pillar lens with its sidecar.
    pub fn builtin() -> Lens {
        let meta = LensMeta::from_json(BUILTIN_META_JSON).ok();
        // The built-in lens is validated by a test; an empty lens is the fallback that keeps
        // this infallible.
        match validate::parse_lens(BUILTIN_LENS_JSON) {
            Ok(v) => Lens::new(v.document, meta),
            Err(_) => Lens::new(
                LensDocument {
                    schema_version: model::SCHEMA_VERSION.into(),
                    name: "invalid built-in lens".into(),
                    description: None,
                    pillars: Vec::new(),
                },
                None,
            ),
        }
    }

    /// The sidecar of the built-in lens.
    pub fn builtin_meta() -> Option<LensMeta> {
        LensMeta::from_json(BUILTIN_META_JSON).ok()
    }

    /// Parses and validates lens JSON. Without a sidecar, choices whose ids the built-in lens
    /// knows (`sec08_bp02`) take the built-in facts, so the exported built-in lens imports
    /// back without loss. Returns the lens and the validation warnings.
    pub fn import_str(
        text: &str,
        meta: Option<LensMeta>,
    ) -> Result<(Lens, Vec<Issue>), InvalidLens> {
        let v = validate::parse_lens(text)?;
        let meta = meta.or_else(Lens::builtin_meta);
        Ok((Lens::new(v.document, meta), v.warnings))
    }

    /// Builds the assessment view of a (validated) document. Rules that do not parse are
    /// dropped; [`validate`] reports them.
    pub fn new(document: LensDocument, meta: Option<LensMeta>) -> Lens {
        let empty = HashMap::new();
        let bp_meta: HashMap<&str, &meta::BestPracticeMeta> = meta
            .as_ref()
            .map(|m| {
                m.best_practices
                    .iter()
                    .map(|(k, v)| (k.as_str(), v))
                    .collect()
            })
            .unwrap_or_else(|| empty.clone());
        let q_meta: HashMap<&str, &meta::QuestionMeta> = meta
            .as_ref()
            .map(|m| m.questions.iter().map(|(k, v)| (k.as_str(), v)).collect())
            .unwrap_or_default();
        let mut questions = Vec::new();
        for (pillar, q) in document.questions() {
            let qm = q_meta.get(q.id.as_str());
            let label = qm
                .map(|m| m.id.clone())
                .unwrap_or_else(|| q.id.to_ascii_uppercase());
            let mut none_choice = qm.and_then(|m| m.none.clone());
            let mut bps = Vec::new();
            for c in &q.choices {
                let is_none = none_choice.as_deref() == Some(c.id.as_str())
                    || (none_choice.is_none() && validate::is_none_choice(&c.id, &c.title));
                if is_none {
                    none_choice = Some(c.id.clone());
                    continue;
                }
                let m = bp_meta.get(c.id.as_str());
                let id = m
                    .map(|m| m.id.clone())
                    .or_else(|| bp_id_from_choice_id(&c.id))
                    .unwrap_or_else(|| c.id.clone());
                let title = m
                    .map(|m| m.title.clone())
                    .unwrap_or_else(|| strip_prefix_id(&c.title, &id).to_string());
                bps.push(BestPractice {
                    choice_id: c.id.clone(),
                    title,
                    description: c.description.clone(),
                    risk: m.map(|m| m.risk),
                    automated: m.is_some_and(|m| m.automated),
                    hint: m.and_then(|m| m.hint.clone()),
                    helpful_text: c
                        .helpful_resource
                        .as_ref()
                        .and_then(|h| h.display_text.clone()),
                    helpful_url: c.helpful_resource.as_ref().and_then(|h| h.url.clone()),
                    improvement_text: c
                        .improvement_plan
                        .as_ref()
                        .and_then(|h| h.display_text.clone()),
                    improvement_url: c.improvement_plan.as_ref().and_then(|h| h.url.clone()),
                    id,
                });
            }
            let rules = q
                .risk_rules
                .iter()
                .filter_map(|r| {
                    Some(risk::Rule {
                        condition: risk::parse(&r.condition).ok()?,
                        risk: risk::RuleRisk::parse(&r.risk)?,
                    })
                })
                .collect();
            questions.push(QuestionInfo {
                pillar_id: pillar.id.clone(),
                id: q.id.clone(),
                title: strip_prefix_id(&q.title, &label).to_string(),
                label,
                description: q.description.clone(),
                helpful_url: q.helpful_resource.as_ref().and_then(|h| h.url.clone()),
                best_practices: bps,
                none_choice,
                rules,
            });
        }
        Lens {
            document,
            meta,
            questions,
        }
    }

    /// Finds a question by lens id (`sec08`) or display id (`SEC08`), case-insensitively.
    pub fn question(&self, id: &str) -> Option<&QuestionInfo> {
        self.questions
            .iter()
            .find(|q| q.id.eq_ignore_ascii_case(id) || q.label.eq_ignore_ascii_case(id))
    }

    /// All best practices in lens order, with their question.
    pub fn best_practices(&self) -> impl Iterator<Item = (&QuestionInfo, &BestPractice)> {
        self.questions
            .iter()
            .flat_map(|q| q.best_practices.iter().map(move |b| (q, b)))
    }

    /// Finds a best practice by framework id (`SEC08-BP02`) or choice id, case-insensitively.
    pub fn best_practice(&self, id: &str) -> Option<(&QuestionInfo, &BestPractice)> {
        self.best_practices()
            .find(|(_, b)| b.id.eq_ignore_ascii_case(id) || b.choice_id.eq_ignore_ascii_case(id))
    }

    /// The lens JSON as the Well-Architected Tool imports it.
    pub fn export_json(&self) -> String {
        self.document.to_json_pretty()
    }
}

#[cfg(test)]
mod tests;
