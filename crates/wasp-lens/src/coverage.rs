//! Which best practices of a lens the controls evidence: the lens coverage.

use std::collections::{BTreeMap, BTreeSet};

use wasp_control::Meta;

use crate::{BestPractice, Lens, QuestionInfo};

/// How the controls cover a lens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage<'l> {
    /// The number of controls weighed.
    pub controls: usize,
    /// Question by question, in the lens's order.
    pub questions: Vec<QuestionCoverage<'l>>,
    /// Best practices evidenced by at least one control.
    pub covered: usize,
    /// Best practices the lens marks automatable.
    pub automatable: usize,
    /// Automatable best practices no control evidences yet (ids, in lens order).
    pub gaps: Vec<&'l str>,
    /// (control id, best practice) pairs naming a best practice the lens does not have.
    pub unknown_refs: BTreeSet<(String, String)>,
}

/// One question's best practices and the controls behind each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionCoverage<'l> {
    pub question: &'l QuestionInfo,
    pub practices: Vec<(&'l BestPractice, Vec<String>)>,
}

/// The coverage of `lens` by `controls`.
pub fn coverage<'l>(lens: &'l Lens, controls: &[&Meta]) -> Coverage<'l> {
    let mut by_bp: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut unknown_refs = BTreeSet::new();
    for c in controls {
        for bp in c.best_practices.iter() {
            match lens.best_practice(bp) {
                Some((_, b)) => by_bp
                    .entry(b.id.to_ascii_uppercase())
                    .or_default()
                    .push(c.id.to_string()),
                None => {
                    unknown_refs.insert((c.id.to_string(), bp.to_string()));
                }
            }
        }
    }
    let mut gaps = Vec::new();
    let mut covered = 0;
    let questions = lens
        .questions
        .iter()
        .map(|q| QuestionCoverage {
            question: q,
            practices: q
                .best_practices
                .iter()
                .map(|b| {
                    let cs = by_bp
                        .get(&b.id.to_ascii_uppercase())
                        .cloned()
                        .unwrap_or_default();
                    if !cs.is_empty() {
                        covered += 1;
                    } else if b.automated {
                        gaps.push(b.id.as_str());
                    }
                    (b, cs)
                })
                .collect(),
        })
        .collect();
    Coverage {
        controls: controls.len(),
        questions,
        covered,
        automatable: lens.best_practices().filter(|(_, b)| b.automated).count(),
        gaps,
        unknown_refs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasp_control::Texts;
    use wasp_core::Severity;

    #[test]
    fn counts_covered_practices_gaps_and_unknown_references() {
        let lens = Lens::builtin();
        let m = |id: &str, bps: &'static [&'static str]| Meta {
            best_practices: Texts::Static(bps),
            ..Meta::new(id, id.to_lowercase(), "t", Severity::High)
        };
        let a = m("WASP-A-001", &["SEC08-BP02", "SEC99-BP01"]);
        let b = m("WASP-B-001", &["SEC08-BP02"]);
        let c = coverage(&lens, &[&a, &b]);
        assert_eq!(c.controls, 2);
        assert_eq!(c.covered, 1);
        let sec08 = c
            .questions
            .iter()
            .find(|q| q.question.label == "SEC08")
            .unwrap();
        let bp = sec08
            .practices
            .iter()
            .find(|(b, _)| b.id == "SEC08-BP02")
            .unwrap();
        assert_eq!(bp.1, ["WASP-A-001", "WASP-B-001"]);
        assert_eq!(
            c.unknown_refs.into_iter().collect::<Vec<_>>(),
            [("WASP-A-001".to_string(), "SEC99-BP01".to_string())]
        );
        assert!(bp.0.automated);
        assert!(!c.gaps.contains(&"SEC08-BP02"));
        // Every other automatable practice is a gap: only SEC08-BP02 is evidenced.
        assert_eq!(c.gaps.len(), c.automatable - 1);
    }
}
