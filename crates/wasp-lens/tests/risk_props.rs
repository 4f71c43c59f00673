//! Property tests of the risk-rule language: generated expressions against a reference
//! evaluation, and printing-then-parsing round-trips.

use std::collections::HashSet;

use proptest::prelude::*;
use wasp_lens::risk::{parse, Condition, Expr};

const IDS: [&str; 4] = ["c1", "c2", "sec08_bp02", "x_no"];

fn expr() -> impl Strategy<Value = Expr> {
    let leaf = prop::sample::select(IDS.to_vec()).prop_map(|s| Expr::Choice(s.to_string()));
    leaf.prop_recursive(6, 48, 2, |inner| {
        prop_oneof![
            inner.clone().prop_map(|e| Expr::Not(Box::new(e))),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| Expr::And(Box::new(a), Box::new(b))),
            (inner.clone(), inner).prop_map(|(a, b)| Expr::Or(Box::new(a), Box::new(b))),
        ]
    })
}

/// Reference semantics, written independently of the library's evaluator.
fn reference(e: &Expr, selected: &[bool; 4]) -> bool {
    match e {
        Expr::Choice(id) => IDS
            .iter()
            .position(|x| x == id)
            .map(|i| selected[i])
            .unwrap_or(false),
        Expr::Not(a) => !reference(a, selected),
        Expr::And(a, b) => {
            let (x, y) = (reference(a, selected), reference(b, selected));
            x && y
        }
        Expr::Or(a, b) => {
            let (x, y) = (reference(a, selected), reference(b, selected));
            x || y
        }
    }
}

/// Fully parenthesised rendering: parsing it must give back the same tree.
fn fully_parenthesised(e: &Expr) -> String {
    match e {
        Expr::Choice(id) => id.clone(),
        Expr::Not(a) => format!("!({})", fully_parenthesised(a)),
        Expr::And(a, b) => format!(
            "({}) && ({})",
            fully_parenthesised(a),
            fully_parenthesised(b)
        ),
        Expr::Or(a, b) => format!("({})||({})", fully_parenthesised(a), fully_parenthesised(b)),
    }
}

proptest! {
    #[test]
    fn print_then_parse_round_trips(e in expr()) {
        let printed = e.to_string();
        prop_assert_eq!(parse(&printed).unwrap(), Condition::Expr(e.clone()), "{}", printed);
    }

    #[test]
    fn parenthesised_form_parses_to_same_tree(e in expr()) {
        let src = fully_parenthesised(&e);
        prop_assert_eq!(parse(&src).unwrap(), Condition::Expr(e));
    }

    #[test]
    fn evaluation_matches_reference(e in expr(), bits in prop::array::uniform4(any::<bool>())) {
        let selected: HashSet<&str> = IDS.iter().zip(bits).filter(|(_, b)| *b).map(|(id, _)| *id).collect();
        let parsed = parse(&e.to_string()).unwrap();
        prop_assert_eq!(parsed.eval(&selected), reference(&e, &bits));
    }

    #[test]
    fn parse_never_panics(s in "[a-z_()!&| ]{0,40}") {
        let _ = parse(&s);
    }

    #[test]
    fn parse_never_panics_on_any_text(s in any::<String>()) {
        let _ = parse(&s);
    }
}

mod answers_fuzz {
    use proptest::prelude::*;
    use std::path::Path;
    use wasp_lens::{Answers, Lens};

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn answers_parser_never_panics(s in "[a-zA-Z0-9_:\\-\\[\\]{}&*!|>'\" \n#,.]{0,200}") {
            let _ = Answers::parse(&s, Path::new("a.yaml"), &Lens::builtin());
        }
    }
}
