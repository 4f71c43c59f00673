//! Risk-rule conditions of custom lenses: parse → evaluate against a few selections → print →
//! parse again (printing must round-trip to the same tree).
#![no_main]

use std::collections::HashSet;

use libfuzzer_sys::fuzz_target;
use wasp_lens::risk::{self, Condition, Rule, RuleRisk};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let cond = match risk::parse(text) {
        Ok(c) => c,
        Err(e) => {
            assert!(e.column >= 1, "error column must be 1-based: {e:?}");
            assert!(!e.message.is_empty());
            return;
        }
    };
    let ids = cond.choice_ids();
    let none: HashSet<&str> = HashSet::new();
    let all: HashSet<&str> = ids.iter().copied().collect();
    let odd: HashSet<&str> = ids.iter().copied().step_by(2).collect();
    let mut results = Vec::new();
    for sel in [&none, &all, &odd] {
        results.push(cond.eval(sel));
    }
    // Printing gives text that parses back to the same condition, which evaluates the same
    // (unless the spaces the printer adds around operators take it past the length limit).
    let printed = cond.to_string();
    if printed.chars().count() > risk::MAX_CONDITION_LEN {
        return;
    }
    let again = risk::parse(&printed)
        .unwrap_or_else(|e| panic!("printed condition `{printed}` does not parse: {e}"));
    assert_eq!(again, cond, "printed as `{printed}`");
    for (sel, r) in [&none, &all, &odd].into_iter().zip(results) {
        assert_eq!(again.eval(sel), r);
    }
    // As the first of a question's rules, followed by `default`.
    let rules = [
        Rule {
            condition: cond.clone(),
            risk: RuleRisk::High,
        },
        Rule {
            condition: Condition::Default,
            risk: RuleRisk::None,
        },
    ];
    let got = risk::evaluate(&rules, &all);
    assert!(
        got.is_some(),
        "a rule list ending in `default` always gives a risk"
    );
});
