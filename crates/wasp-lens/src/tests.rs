use super::*;
use crate::validate::parse_lens;

#[test]
fn builtin_lens_is_valid_without_warnings() {
    let v = parse_lens(BUILTIN_LENS_JSON).unwrap();
    assert!(v.warnings.is_empty(), "{:?}", v.warnings);
}

#[test]
fn builtin_lens_has_the_eleven_questions_and_63_best_practices() {
    let lens = Lens::builtin();
    let labels: Vec<&str> = lens.questions.iter().map(|q| q.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "SEC01", "SEC02", "SEC03", "SEC04", "SEC05", "SEC06", "SEC07", "SEC08", "SEC09",
            "SEC10", "SEC11"
        ]
    );
    let per_question: Vec<usize> = lens
        .questions
        .iter()
        .map(|q| q.best_practices.len())
        .collect();
    assert_eq!(per_question, [8, 6, 9, 4, 4, 5, 4, 4, 3, 8, 8]);
    assert_eq!(lens.best_practices().count(), 63);
    for q in &lens.questions {
        assert_eq!(
            q.none_choice.as_deref(),
            Some(format!("{}_no", q.id).as_str())
        );
        assert!((2..=3).contains(&q.rules.len()), "{}", q.id);
        for (i, b) in q.best_practices.iter().enumerate() {
            assert_eq!(b.id, format!("{}-BP{:02}", q.label, i + 1));
            assert_eq!(
                bp_id_from_choice_id(&b.choice_id).as_deref(),
                Some(b.id.as_str())
            );
            assert!(b.risk.is_some(), "{}", b.id);
            assert!(b.hint.is_some(), "{}", b.id);
            assert!(b.improvement_text.is_some(), "{}", b.id);
            assert!(
                b.helpful_url
                    .as_deref()
                    .is_some_and(|u| u.starts_with("https://docs.aws.amazon.com/")),
                "{}",
                b.id
            );
        }
    }
}

#[test]
fn builtin_facts_spot_checks() {
    let lens = Lens::builtin();
    let (_, b) = lens.best_practice("SEC08-BP02").unwrap();
    assert_eq!(b.title, "Enforce encryption at rest");
    assert_eq!(b.risk, Some(RiskLevel::High));
    assert!(b.automated);
    let (_, b) = lens.best_practice("sec10_bp07").unwrap();
    assert_eq!(b.title, "Run simulations");
    assert!(!b.automated);
    let (_, b) = lens.best_practice("SEC11-BP08").unwrap();
    assert_eq!(b.risk, Some(RiskLevel::Low));
    assert!(lens.question("sec05").is_some());
    assert!(lens.question("SEC12").is_none());
}

#[test]
fn builtin_risk_rules_follow_the_risk_levels() {
    // NO_RISK needs every high and medium best practice, MEDIUM_RISK every high one, anything
    // less is HIGH_RISK. Low-risk best practices do not change the question's risk.
    let lens = Lens::builtin();
    for q in &lens.questions {
        let of = |level: RiskLevel| -> Vec<&str> {
            q.best_practices
                .iter()
                .filter(|b| b.risk == Some(level))
                .map(|b| b.choice_id.as_str())
                .collect()
        };
        let (high, medium) = (of(RiskLevel::High), of(RiskLevel::Medium));
        let all: std::collections::HashSet<&str> =
            high.iter().chain(medium.iter()).copied().collect();
        assert_eq!(
            risk::evaluate(&q.rules, &all),
            Some(risk::RuleRisk::None),
            "{}",
            q.id
        );
        let hs: std::collections::HashSet<&str> = high.iter().copied().collect();
        let want = if medium.is_empty() {
            risk::RuleRisk::None
        } else {
            risk::RuleRisk::Medium
        };
        assert_eq!(risk::evaluate(&q.rules, &hs), Some(want), "{}", q.id);
        let none: std::collections::HashSet<&str> = [q.none_choice.as_deref().unwrap()].into();
        assert_eq!(
            risk::evaluate(&q.rules, &none),
            Some(risk::RuleRisk::High),
            "{}",
            q.id
        );
    }
}

#[test]
fn export_then_import_is_lossless() {
    let lens = Lens::builtin();
    let json = lens.export_json();
    assert_eq!(json, BUILTIN_LENS_JSON);
    let (back, warnings) = Lens::import_str(&json, None).unwrap();
    assert!(warnings.is_empty());
    assert_eq!(back.document, lens.document);
    assert_eq!(back.questions, lens.questions);
}

#[test]
fn bp_ids_from_choice_ids() {
    assert_eq!(
        bp_id_from_choice_id("sec08_bp02").as_deref(),
        Some("SEC08-BP02")
    );
    assert_eq!(
        bp_id_from_choice_id("rel10_bp1").as_deref(),
        Some("REL10-BP1")
    );
    assert_eq!(bp_id_from_choice_id("choice1"), None);
    assert_eq!(bp_id_from_choice_id("_bp01"), None);
    assert_eq!(bp_id_from_choice_id("sec_bp01"), None);
    assert_eq!(bp_id_from_choice_id("sec01_bpx"), None);
}

#[test]
fn builtin_meta_covers_every_choice() {
    let meta = Lens::builtin_meta().unwrap();
    let lens = Lens::builtin();
    assert_eq!(meta.best_practices.len(), 63);
    for (_, b) in lens.best_practices() {
        assert!(
            meta.best_practices.contains_key(&b.choice_id),
            "{}",
            b.choice_id
        );
    }
}
