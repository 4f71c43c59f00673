//! A public custom lens, written for the Well-Architected Tool by others, imports cleanly and
//! its risk rules evaluate as written.

use std::collections::HashSet;

use wasp_lens::{risk, Lens};

const SAMPLE: &str = include_str!("fixtures/aws-samples-cognito-lens-excerpt.json");

#[test]
fn public_sample_lens_imports_cleanly() {
    let (lens, warnings) = Lens::import_str(SAMPLE, None).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(lens.questions.len(), 2);
    let q = &lens.questions[0];
    assert_eq!(q.none_choice.as_deref(), Some("CGNSEC1_no"));
    assert_eq!(q.best_practices.len(), 3);
    // Choice ids of another shape keep their id; nothing is known about automation.
    assert_eq!(q.best_practices[0].id, "CGNSEC1_1");
    assert!(!q.best_practices[0].automated);
    let sel = |ids: &[&'static str]| -> HashSet<&'static str> { ids.iter().copied().collect() };
    assert_eq!(
        risk::evaluate(&q.rules, &sel(&["CGNSEC1_2", "CGNSEC1_3"])),
        Some(risk::RuleRisk::None)
    );
    assert_eq!(
        risk::evaluate(&q.rules, &sel(&["CGNSEC1_3"])),
        Some(risk::RuleRisk::Medium)
    );
    assert_eq!(
        risk::evaluate(&q.rules, &sel(&["CGNSEC1_no"])),
        Some(risk::RuleRisk::High)
    );
}

#[test]
fn sample_lens_round_trips_through_export() {
    let (lens, _) = Lens::import_str(SAMPLE, None).unwrap();
    let (again, _) = Lens::import_str(&lens.export_json(), None).unwrap();
    assert_eq!(again.document, lens.document);
}
