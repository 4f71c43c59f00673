use super::*;

fn parse(text: &str) -> Result<Answers, AnswersError> {
    Answers::parse(text, Path::new("answers.yaml"), &Lens::builtin())
}

fn err(text: &str) -> String {
    parse(text).unwrap_err().to_string()
}

#[test]
fn reads_answers() {
    let a = parse(
        "# comment\nversion: 1\nanswers:\n  SEC10-BP07:\n    status: met\n    who: alice\n    when: 2024-05-02\n    note: quarterly game day\n  sec01_bp03: {status: not_applicable, who: bob, when: 2023-12-31}\n",
    )
    .unwrap();
    assert_eq!(a.len(), 2);
    let g = a.get("sec10-bp07").unwrap();
    assert_eq!(g.status, AnswerStatus::Met);
    assert_eq!(g.who, "alice");
    assert_eq!(g.note.as_deref(), Some("quarterly game day"));
    assert_eq!(g.source, "answers.yaml:4:3");
    // Choice ids are accepted and normalised to the best practice id.
    assert_eq!(a.get("SEC01-BP03").unwrap().best_practice, "SEC01-BP03");
}

#[test]
fn empty_inputs_are_fine() {
    assert!(parse("").unwrap().is_empty());
    assert!(parse("# nothing\n").unwrap().is_empty());
    assert!(parse("answers:\n").unwrap().is_empty());
    assert!(parse("version: 1\nanswers:\n  # SEC01-BP01:\n")
        .unwrap()
        .is_empty());
}

#[test]
fn errors_have_file_line_column() {
    assert_eq!(
        err("answers:\n  SEC99-BP01: {status: met, who: a, when: 2024-01-01}\n"),
        "answers.yaml:2:3: unknown best practice `SEC99-BP01` (not in lens `wasp Security Pillar`)"
    );
    assert_eq!(
        err("answer:\n  x: 1\n"),
        "answers.yaml:1:1: unknown key `answer` (expected `version` or `answers`)"
    );
    assert_eq!(
        err("answers:\n  SEC01-BP01:\n    status: done\n    who: a\n    when: 2024-13-01\n    by: x\n"),
        "answers.yaml:3:13: status `done` is not one of met, not_met, not_applicable\n\
         answers.yaml:5:11: `when` must be a date YYYY-MM-DD, found `2024-13-01`\n\
         answers.yaml:6:5: unknown key `by` (expected status, who, when, note)"
    );
    assert_eq!(
        err("answers:\n  SEC01-BP01: {status: met}\n"),
        "answers.yaml:2:3: the answer for `SEC01-BP01` has no `who`\n\
         answers.yaml:2:3: the answer for `SEC01-BP01` has no `when`"
    );
    assert_eq!(
        err("answers:\n  SEC01-BP01: {status: met, who: a, when: 2024-01-01}\n  sec01_bp01: {status: met, who: a, when: 2024-01-01}\n"),
        "answers.yaml:3:3: second answer for `SEC01-BP01`"
    );
    assert!(err("answers: [1, 2]\n").starts_with("answers.yaml:1:10: `answers` must map"));
    assert!(err("answers: {a: [}\n").contains("invalid YAML"));
    assert!(err("a: 1\n---\nb: 2\n").contains("only one YAML document"));
}

#[test]
fn limits_hold() {
    let deep = format!("answers: {}{}\n", "[".repeat(100), "]".repeat(100));
    assert!(err(&deep).contains("nesting deeper than"));
    // A billion-laughs style document is stopped by the node budget.
    let mut s = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        s.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n",
            p = i - 1
        ));
    }
    assert!(err(&s).contains("nodes"));
    let big = "#".repeat(MAX_BYTES + 1);
    assert!(err(&big).contains("limited"));
}

#[test]
fn dates() {
    assert!(is_date("2024-02-29"));
    assert!(!is_date("2023-02-29"));
    assert!(is_date("2000-02-29"));
    assert!(!is_date("1900-02-29"));
    assert!(!is_date("2024-04-31"));
    assert!(!is_date("2024-1-01"));
    assert!(!is_date("2024-01-0a"));
    assert!(!is_date("２０２４-01-01"));
}

#[test]
fn template_lists_every_manual_best_practice_and_parses() {
    let lens = Lens::builtin();
    let t = init_template(&lens);
    let manual: Vec<_> = lens
        .best_practices()
        .filter(|(_, b)| !b.automated)
        .collect();
    assert!(manual.len() > 20);
    for (_, b) in &manual {
        assert!(t.contains(&format!("  # {}:\n", b.id)), "{}", b.id);
        assert!(t.contains(&b.title), "{}", b.title);
    }
    assert!(!t.contains("  # SEC08-BP02:\n"));
    assert!(parse(&t).unwrap().is_empty());
    // Uncommenting one entry (and filling it in) gives a valid answer.
    let filled = t.replacen(
        "  # SEC10-BP07:\n  #   status: met\n  #   who: \n  #   when: YYYY-MM-DD\n",
        "  SEC10-BP07:\n    status: met\n    who: ops\n    when: 2024-06-01\n",
        1,
    );
    assert_eq!(parse(&filled).unwrap().len(), 1);
}
