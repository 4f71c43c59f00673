//! Inputs found by the fuzz targets (`scripts/fuzz.sh`, FUZZING.md), minimized where that kept
//! them readable. Each once broke an invariant the parsers promise: no panic, and every
//! problem at a line and column inside the text.

use std::path::Path;

use wasp_lens::{Answers, Lens};

/// Last line and the column after the last character.
fn end_of(text: &str) -> (usize, usize) {
    let line = text.split('\n').count();
    let last = text.rsplit('\n').next().unwrap_or("");
    (line, last.chars().count() + 1)
}

/// answers: the YAML scanner puts the end of input on a line after the last one; problems
/// found there must point at the end of the text instead (minimized: `{`).
#[test]
fn answers_error_at_end_of_input_is_inside_the_text() {
    let lens = Lens::builtin();
    let e = Answers::parse("{", Path::new("answers.yaml"), &lens).unwrap_err();
    assert_eq!(e.issues.len(), 1, "{e}");
    assert_eq!((e.issues[0].line, e.issues[0].column), (1, 2), "{e}");
    assert!(e.issues[0].message.starts_with("invalid YAML"), "{e}");

    // As found: an answers file whose last answer leaves `status:` empty, followed only by
    // comments. The empty value is reported where the text ends.
    let text = include_str!("fuzz-regressions/answers_error_at_end_of_input.yaml");
    let e = Answers::parse(text, Path::new("answers.yaml"), &lens).unwrap_err();
    let status = e
        .issues
        .iter()
        .find(|i| i.message.contains("status ``"))
        .unwrap_or_else(|| panic!("no issue about the empty status: {e}"));
    assert_eq!((status.line, status.column), end_of(text), "{e}");
    for i in &e.issues {
        assert!((i.line, i.column) <= end_of(text), "{e}");
        assert!(i.line >= 1 && i.column >= 1, "{e}");
    }
}
