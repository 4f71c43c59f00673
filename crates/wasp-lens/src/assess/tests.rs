use super::*;
use std::path::Path;
use wasp_core::Pos;

fn control(id: &str, sev: Severity, bps: &[&str]) -> Meta {
    Meta {
        id: id.to_string().into(),
        name: id.to_lowercase().into(),
        title: format!("{id} title").into(),
        severity: sev,
        area: None,
        best_practices: bps.iter().map(|s| s.to_string()).collect::<Vec<_>>().into(),
        references: (&[][..]).into(),
        remediation: format!("fix {id}").into(),
        doc: "".into(),
    }
}

fn result(control: &str, status: Status, addr: &str, line: u32) -> CheckResult {
    CheckResult {
        control_id: control.to_string().into(),
        status,
        resource: ResourceRef {
            address: addr.into(),
            resource_type: "AWS::S3::Bucket".into(),
        },
        message: if status == Status::Pass {
            String::new()
        } else {
            format!("{control} on {addr}")
        },
        location: Location::new("template.yaml", Pos::new(line, 3)),
    }
}

fn answers(lens: &Lens, yaml: &str) -> Answers {
    Answers::parse(yaml, Path::new("answers.yaml"), lens).unwrap()
}

fn bp<'a>(r: &'a Review, id: &str) -> &'a BestPracticeReview {
    r.questions
        .iter()
        .flat_map(|q| &q.best_practices)
        .find(|b| b.id == id)
        .unwrap()
}

fn q<'a>(r: &'a Review, id: &str) -> &'a QuestionReview {
    r.questions.iter().find(|q| q.label == id).unwrap()
}

#[test]
fn evidence_rules() {
    let lens = Lens::builtin();
    let controls = [
        control("S3-1", Severity::High, &["SEC08-BP02"]),
        control("S3-2", Severity::Medium, &["SEC08-BP02", "SEC08-BP04"]),
        control("KMS-1", Severity::Low, &["SEC08-BP01"]),
        control("TLS-1", Severity::Low, &["SEC09-BP02"]),
    ];
    let results = [
        result("S3-1", Status::Pass, "A", 1),
        result("S3-1", Status::Fail, "B", 9),
        result("S3-2", Status::Pass, "A", 1),
        result("KMS-1", Status::Unknown, "K", 4),
        result("KMS-1", Status::Pass, "K2", 5),
        result("NOT-REGISTERED", Status::Fail, "Z", 1),
    ];
    let r = assess(&lens, &controls, &results, None);
    let b = bp(&r, "SEC08-BP02");
    assert_eq!(b.status, BpStatus::NotMet);
    assert_eq!(b.resources_checked, 2);
    assert_eq!(b.passed, 2);
    assert_eq!(b.failing.len(), 1);
    assert_eq!(b.failing[0].location.to_string(), "template.yaml:9:3");
    assert_eq!(b.controls, ["S3-1", "S3-2"]);
    assert_eq!(bp(&r, "SEC08-BP04").status, BpStatus::Met);
    assert_eq!(bp(&r, "SEC08-BP01").status, BpStatus::Unknown);
    // Automatable, a control exists, but no resources in scope.
    let tls = bp(&r, "SEC09-BP02");
    assert_eq!(tls.status, BpStatus::Unknown);
    assert_eq!(tls.reason, "no resources in scope");
    // Automatable per the lens, but no control evidences it yet.
    assert_eq!(bp(&r, "SEC08-BP03").reason, "no control evidences it yet");
    // Not automatable and unanswered.
    assert_eq!(bp(&r, "SEC10-BP07").status, BpStatus::Manual);
    assert_eq!(r.counts.total(), 63);
}

#[test]
fn question_risk_from_selected_choices() {
    let lens = Lens::builtin();
    // SEC08: BP01, BP02, BP04 high; BP03 medium.
    let controls = [control(
        "ALL",
        Severity::High,
        &["SEC08-BP01", "SEC08-BP02", "SEC08-BP04"],
    )];
    let pass = [result("ALL", Status::Pass, "A", 1)];
    let r = assess(&lens, &controls, &pass, None);
    let sec08 = q(&r, "SEC08");
    assert_eq!(
        sec08.selected_choices,
        ["sec08_bp01", "sec08_bp02", "sec08_bp04"]
    );
    assert_eq!(sec08.risk, QuestionRisk::Medium);
    assert!(!sec08.complete);
    // The medium one answered by hand: no risk left.
    let a = answers(
        &lens,
        "answers:\n  SEC08-BP03:\n    status: met\n    who: bob\n    when: 2024-02-29\n",
    );
    let r = assess(&lens, &controls, &pass, Some(&a));
    assert_eq!(q(&r, "SEC08").risk, QuestionRisk::None);
    assert!(q(&r, "SEC08").complete);
    // A failure anywhere among the high ones: high risk.
    let fail = [
        result("ALL", Status::Pass, "A", 1),
        result("ALL", Status::Fail, "B", 2),
    ];
    let r = assess(&lens, &controls, &fail, Some(&a));
    let sec08 = q(&r, "SEC08");
    assert_eq!(sec08.risk, QuestionRisk::High);
    assert_eq!(sec08.selected_choices, ["sec08_bp03"]);
    // Nothing decided at all: unanswered.
    assert_eq!(q(&r, "SEC10").risk, QuestionRisk::Unanswered);
}

#[test]
fn none_of_these_is_selected_when_nothing_is_met() {
    let lens = Lens::builtin();
    let controls = [control("X", Severity::Low, &["SEC09-BP02"])];
    let r = assess(&lens, &controls, &[result("X", Status::Fail, "A", 1)], None);
    let sec09 = q(&r, "SEC09");
    assert_eq!(sec09.selected_choices, ["sec09_no"]);
    assert_eq!(sec09.risk, QuestionRisk::High);
}

#[test]
fn manual_answers_complete_but_never_override_failures() {
    let lens = Lens::builtin();
    let controls = [control("X", Severity::High, &["SEC08-BP02"])];
    let fail = [result("X", Status::Fail, "A", 1)];
    let a = answers(
        &lens,
        "answers:
  SEC08-BP02: {status: met, who: carol, when: 2024-01-01}
  SEC10-BP07: {status: not_applicable, who: carol, when: 2024-01-01}
  SEC08-BP01: {status: not_met, who: carol, when: 2024-01-01, note: keys are shared}
",
    );
    let r = assess(&lens, &controls, &fail, Some(&a));
    let b = bp(&r, "SEC08-BP02");
    assert_eq!(b.status, BpStatus::NotMet);
    assert!(b.answer_overridden);
    assert!(b.reason.contains("cannot override failing evidence"));
    assert_eq!(bp(&r, "SEC10-BP07").status, BpStatus::NotApplicable);
    assert_eq!(bp(&r, "SEC08-BP01").status, BpStatus::NotMet);
    // A manual not_met wins over passing evidence.
    let pass = [result("X", Status::Pass, "A", 1)];
    let a = answers(
        &lens,
        "answers:\n  SEC08-BP02: {status: not_met, who: dan, when: 2024-01-01}\n",
    );
    assert_eq!(
        bp(&assess(&lens, &controls, &pass, Some(&a)), "SEC08-BP02").status,
        BpStatus::NotMet
    );
}

#[test]
fn all_not_applicable_question() {
    let lens = Lens::builtin();
    let mut yaml = String::from("answers:\n");
    for b in ["SEC09-BP01", "SEC09-BP02", "SEC09-BP03"] {
        yaml.push_str(&format!(
            "  {b}: {{status: not_applicable, who: eve, when: 2024-01-01}}\n"
        ));
    }
    let a = answers(&lens, &yaml);
    let r = assess(&lens, &[], &[], Some(&a));
    let sec09 = q(&r, "SEC09");
    assert_eq!(sec09.risk, QuestionRisk::NotApplicable);
    assert_eq!(sec09.not_applicable_choices.len(), 3);
    assert_eq!(r.risk_count(QuestionRisk::NotApplicable), 1);
    assert_eq!(r.risk_count(QuestionRisk::Unanswered), 10);
}

#[test]
fn improvement_plan_order_and_chain() {
    let lens = Lens::builtin();
    let controls = [
        control("LOW", Severity::Low, &["SEC08-BP02"]),
        control("CRIT", Severity::Critical, &["SEC08-BP04"]),
        control("MED", Severity::Medium, &["SEC05-BP02", "SEC08-BP01"]),
    ];
    let results = [
        result("LOW", Status::Fail, "A", 3),
        result("CRIT", Status::Fail, "B", 7),
        result("CRIT", Status::Fail, "C", 8),
        result("MED", Status::Fail, "SG", 12),
    ];
    let r = assess(&lens, &controls, &results, None);
    let not_met: Vec<(&str, Option<Severity>)> = r
        .improvement_plan
        .iter()
        .filter(|i| i.status == BpStatus::NotMet)
        .map(|i| (i.best_practice.as_str(), i.severity))
        .collect();
    assert_eq!(
        not_met,
        [
            ("SEC08-BP04", Some(Severity::Critical)),
            ("SEC05-BP02", Some(Severity::Medium)),
            ("SEC08-BP01", Some(Severity::Medium)),
            ("SEC08-BP02", Some(Severity::Low)),
        ]
    );
    let first = &r.improvement_plan[0];
    assert_eq!(first.controls[0].control_id, "CRIT");
    assert_eq!(first.controls[0].resources.len(), 2);
    assert_eq!(
        first.controls[0].resources[0].location.to_string(),
        "template.yaml:7:3"
    );
    assert_eq!(first.controls[0].remediation, "fix CRIT");
    // Every item is a best practice that is not met or not yet known.
    assert!(r.improvement_plan.iter().all(|i| matches!(
        i.status,
        BpStatus::NotMet | BpStatus::Unknown | BpStatus::Manual
    )));
}
