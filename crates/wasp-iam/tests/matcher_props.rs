//! Property tests: the wildcard and ARN matchers agree with a simple regex-based reference.

use proptest::prelude::*;
use regex::Regex;
use wasp_iam::matcher::{ArnPattern, Pattern};

fn reference(pattern: &str, text: &str, case_insensitive: bool) -> bool {
    let mut re = String::from(if case_insensitive { "(?si)^" } else { "(?s)^" });
    for c in pattern.chars() {
        match c {
            '*' => re.push_str(".*"),
            '?' => re.push('.'),
            c => re.push_str(&regex::escape(&c.to_string())),
        }
    }
    re.push('$');
    Regex::new(&re).unwrap().is_match(text)
}

fn reference_arn(pattern: &str, arn: &str) -> bool {
    if pattern == "*" {
        return true;
    }
    let p: Vec<&str> = pattern.splitn(6, ':').collect();
    let a: Vec<&str> = arn.splitn(6, ':').collect();
    if p.len() != 6 {
        return !pattern.starts_with("arn:") && reference(pattern, arn, false);
    }
    a.len() == 6 && p.iter().zip(&a).all(|(p, a)| reference(p, a, false))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn glob_agrees_with_regex(pattern in "[ab*?é]{0,8}", text in "[abé]{0,10}") {
        let p = Pattern::new(&pattern, false, false);
        prop_assert_eq!(p.matches(&text), reference(&pattern, &text, false), "{} vs {}", pattern, text);
    }

    #[test]
    fn case_insensitive_glob_agrees(pattern in "[aAbB:*?]{0,8}", text in "[aAbB:]{0,10}") {
        let p = Pattern::new(&pattern, false, true);
        prop_assert_eq!(p.matches(&text), reference(&pattern, &text, true));
    }

    #[test]
    fn literal_pattern_is_equality(pattern in "[ab*?]{0,6}", text in "[ab*?]{0,6}") {
        let p = Pattern::literal(&pattern, false, false);
        prop_assert_eq!(p.matches(&text), pattern == text);
    }

    #[test]
    fn arn_agrees_with_segmentwise_regex(pattern in "(arn|\\*)(:[a*?]{0,3}){0,6}", arn in "arn(:[a/]{0,3}){5,7}") {
        let p = ArnPattern::new(&pattern, false);
        prop_assert_eq!(p.matches(&arn), reference_arn(&pattern, &arn), "{} vs {}", pattern, arn);
    }

    #[test]
    fn matching_never_panics(pattern in ".{0,12}", text in ".{0,12}") {
        let _ = Pattern::new(&pattern, true, true).matches(&text);
        let _ = ArnPattern::new(&pattern, true).matches(&text);
    }
}
