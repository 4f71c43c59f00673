use super::*;
use crate::Texts;

fn meta(
    id: &'static str,
    name: &'static str,
    area: Option<Area>,
    bps: &'static [&'static str],
    severity: Severity,
) -> Meta {
    Meta {
        id: id.into(),
        name: name.into(),
        title: "".into(),
        severity,
        area,
        best_practices: Texts::Static(bps),
        references: (&[][..]).into(),
        remediation: "".into(),
        doc: "".into(),
    }
}

fn known() -> Vec<Meta> {
    vec![
        meta(
            "WASP-S3-001",
            "s3-bucket-default-encryption-missing",
            Some(Area::DataAtRest),
            &["SEC08-BP02"],
            Severity::High,
        ),
        meta(
            "WASP-S3-010",
            "s3-bucket-logging-disabled",
            Some(Area::Detection),
            &["SEC04-BP01"],
            Severity::Low,
        ),
        meta(
            "WASP-IAM-001",
            "iam-policy-admin",
            Some(Area::Identity),
            &["SEC03-BP02", "SEC02-BP01"],
            Severity::Critical,
        ),
        meta("CUSTOM-7", "team-tags", None, &[], Severity::Medium),
    ]
}

fn ids(select: &[&str], ignore: &[&str]) -> Vec<String> {
    let all = known();
    let refs: Vec<&Meta> = all.iter().collect();
    let sel = Selection::parse(select, ignore, &refs).unwrap();
    all.iter()
        .filter(|m| sel.selects(m))
        .map(|m| m.id.to_string())
        .collect()
}

fn parse(s: &str) -> Result<Selector, SelectorError> {
    let all = known();
    let refs: Vec<&Meta> = all.iter().collect();
    Selector::parse(s, &refs)
}

#[test]
fn selects_by_every_kind_of_selector() {
    assert_eq!(ids(&["WASP-S3-001"], &[]), ["WASP-S3-001"]);
    assert_eq!(ids(&["wasp-s3-001"], &[]), ["WASP-S3-001"]);
    assert_eq!(ids(&["WASP-S3"], &[]), ["WASP-S3-001", "WASP-S3-010"]);
    assert_eq!(ids(&["s3-bucket-logging-disabled"], &[]), ["WASP-S3-010"]);
    assert_eq!(ids(&["identity"], &[]), ["WASP-IAM-001"]);
    assert_eq!(ids(&["SEC08"], &[]), ["WASP-S3-001"]);
    assert_eq!(ids(&["sec02-bp01"], &[]), ["WASP-IAM-001"]);
    assert_eq!(ids(&["SEC03-BP01"], &[]), Vec::<&str>::new());
    assert_eq!(
        ids(&["high"], &[]),
        ["WASP-S3-001"],
        "a bare level is exact"
    );
    assert_eq!(
        ids(&["severity>=high"], &[]),
        ["WASP-S3-001", "WASP-IAM-001"]
    );
    assert_eq!(ids(&["severity<medium"], &[]), ["WASP-S3-010"]);
    assert_eq!(ids(&["severity = low"], &[]), ["WASP-S3-010"]);
    assert_eq!(ids(&["ALL"], &[]).len(), 4);
    assert_eq!(ids(&[], &[]).len(), 4, "no select means every control");
    assert_eq!(
        ids(&["data-at-rest", "detection", "identity", "network"], &[]).len(),
        3,
        "a control without an area is selected by none"
    );
}

#[test]
fn ignore_wins_over_select() {
    assert_eq!(ids(&["WASP-S3"], &["WASP-S3-001"]), ["WASP-S3-010"]);
    assert_eq!(ids(&["WASP-S3-001"], &["data-at-rest"]), Vec::<&str>::new());
    assert_eq!(
        ids(&[], &["severity<=medium"]),
        ["WASP-S3-001", "WASP-IAM-001"]
    );
}

#[test]
fn unknown_selectors_are_errors_with_a_suggestion() {
    // A prefix of a known id is a valid prefix selector.
    assert_eq!(
        parse("WASP-S3-01"),
        Ok(Selector::IdPrefix("WASP-S3-01".into()))
    );
    let e = parse("WASP-S3-002").unwrap_err();
    assert!(e.message.contains("unknown selector `WASP-S3-002`"), "{e}");
    assert_eq!(e.suggestion.as_deref(), Some("WASP-S3-001"));
    let e = parse("s3-bucket-loging-disabled").unwrap_err();
    assert_eq!(e.suggestion.as_deref(), Some("s3-bucket-logging-disabled"));
    let e = parse("identty").unwrap_err();
    assert_eq!(e.suggestion.as_deref(), Some("identity"));
    let e = parse("severity>=hihg").unwrap_err();
    assert_eq!(e.suggestion.as_deref(), Some("severity>=high"));
    assert!(parse("severity~high").is_err());
    assert!(parse("").is_err());
    assert!(parse("zzzzzzzzzzzz").unwrap_err().suggestion.is_none());
    // Looks like a question but has too many digits: not one.
    assert!(parse("SEC123").is_err());
}

#[test]
fn selection_uses_overridden_severity() {
    let all = known();
    let refs: Vec<&Meta> = all.iter().collect();
    let policy = Policy {
        selection: Selection::parse(&["severity>=high"], &[] as &[&str], &refs).unwrap(),
        severity: [("WASP-S3-001".to_string(), Severity::Low)].into(),
    };
    let runs: Vec<&str> = all
        .iter()
        .filter(|m| policy.runs(m))
        .map(|m| &*m.id)
        .collect();
    assert_eq!(runs, ["WASP-IAM-001"]);
    assert_eq!(policy.effective(&all[0]).severity, Severity::Low);
    assert_eq!(policy.effective(&all[2]).severity, Severity::Critical);
    assert!(Policy::default().runs(&all[0]));
}

#[test]
fn edit_distance_counts_edits() {
    assert_eq!(edit_distance("kitten", "sitting"), 3);
    assert_eq!(edit_distance("", "abc"), 3);
    assert_eq!(edit_distance("same", "same"), 0);
}
