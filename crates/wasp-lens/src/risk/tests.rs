use super::*;

fn sel<'a>(ids: &[&'a str]) -> HashSet<&'a str> {
    ids.iter().copied().collect()
}

fn rules(src: &[(&str, RuleRisk)]) -> Vec<Rule> {
    src.iter()
        .map(|(c, r)| Rule {
            condition: parse(c).unwrap(),
            risk: *r,
        })
        .collect()
}

/// The shape of the example in the custom lens template: all three choices give no risk, the
/// first or second together with the third give medium risk, anything else is high risk.
#[test]
fn template_example_table() {
    let r = rules(&[
        ("choice1 && choice2 && choice3", RuleRisk::None),
        ("(choice1 || choice2) && choice3", RuleRisk::Medium),
        ("default", RuleRisk::High),
    ]);
    let table: &[(&[&str], RuleRisk)] = &[
        (&["choice1", "choice2", "choice3"], RuleRisk::None),
        (&["choice1", "choice3"], RuleRisk::Medium),
        (&["choice2", "choice3"], RuleRisk::Medium),
        (&["choice1", "choice2"], RuleRisk::High),
        (&["choice3"], RuleRisk::High),
        (&[], RuleRisk::High),
    ];
    for (selected, want) in table {
        assert_eq!(evaluate(&r, &sel(selected)), Some(*want), "{selected:?}");
    }
}

#[test]
fn first_matching_rule_wins() {
    let r = rules(&[
        ("a", RuleRisk::Medium),
        ("a && b", RuleRisk::None),
        ("default", RuleRisk::High),
    ]);
    // `a && b` would match too, but `a` comes first.
    assert_eq!(evaluate(&r, &sel(&["a", "b"])), Some(RuleRisk::Medium));
    assert_eq!(evaluate(&r, &sel(&["b"])), Some(RuleRisk::High));
}

#[test]
fn no_default_means_no_risk_decided() {
    let r = rules(&[("a", RuleRisk::None)]);
    assert_eq!(evaluate(&r, &sel(&[])), None);
}

#[test]
fn precedence_and_negation() {
    let c = parse("a || b && !c").unwrap();
    assert_eq!(c.to_string(), "a || b && !c");
    assert!(c.eval(&sel(&["a", "c"])));
    assert!(!c.eval(&sel(&["b", "c"])));
    assert!(c.eval(&sel(&["b"])));
    let c = parse("!(a || b)").unwrap();
    assert_eq!(c.to_string(), "!(a || b)");
    assert!(c.eval(&sel(&[])));
    assert!(!c.eval(&sel(&["b"])));
    let c = parse("  ( ( a ) )&&b ").unwrap();
    assert_eq!(c.to_string(), "a && b");
    assert_eq!(parse("default").unwrap(), Condition::Default);
    assert_eq!(parse(" default ").unwrap(), Condition::Default);
}

#[test]
fn parse_errors_carry_the_column() {
    let cases: &[(&str, usize, &str)] = &[
        ("", 1, "empty"),
        ("a &", 3, "single `&`"),
        ("a && ", 6, "found end of condition"),
        ("a b", 3, "found choice id `b`"),
        ("(a && b", 8, "expected `)` to close the `(` at column 1"),
        ("a && )", 6, "found `)`"),
        ("a # b", 3, "unexpected character `#`"),
        ("a && default", 6, "`default` must be the whole condition"),
        ("a | b", 3, "single `|`"),
        ("!!", 3, "found end of condition"),
    ];
    for (src, col, msg) in cases {
        let e = parse(src).unwrap_err();
        assert_eq!(e.column, *col, "{src:?}: {e}");
        assert!(e.message.contains(msg), "{src:?}: {e}");
    }
}

#[test]
fn deep_nesting_is_rejected_not_overflowed() {
    let deep = format!("{}a{}", "(".repeat(1000), ")".repeat(1000));
    let e = parse(&deep).unwrap_err();
    assert!(e.message.contains("nesting"), "{e}");
    let nots = format!("{}a", "!".repeat(5000));
    assert!(parse(&nots).is_err());
    let long = "a && ".repeat(3000) + "a";
    assert!(parse(&long).unwrap_err().message.contains("longer"));
}

#[test]
fn choice_ids_in_order() {
    let c = parse("x && (y || !x)").unwrap();
    assert_eq!(c.choice_ids(), vec!["x", "y", "x"]);
    assert!(Condition::Default.choice_ids().is_empty());
}

#[test]
fn risk_names_round_trip() {
    for r in [RuleRisk::High, RuleRisk::Medium, RuleRisk::None] {
        assert_eq!(RuleRisk::parse(r.as_str()), Some(r));
    }
    assert_eq!(RuleRisk::parse("LOW_RISK"), None);
}
