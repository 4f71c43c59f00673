use super::*;
use std::path::Path;
use wasp_core::{CheckResult, Location, Pos, ResourceRef, Status};
use wasp_lens::{assess, Answers, Lens};

const LENS: &str = r#"{
  "schemaVersion": "2021-11-01",
  "name": "Tiny lens",
  "description": "Two questions for renderer tests",
  "pillars": [{
    "id": "security",
    "name": "Security",
    "questions": [
      {
        "id": "sec08",
        "title": "SEC08 How do you protect your data at rest?",
        "choices": [
          {"id": "sec08_bp01", "title": "SEC08-BP01 Implement secure key management",
           "improvementPlan": {"displayText": "Use managed keys with rotation.", "url": "https://example.com/bp01"}},
          {"id": "sec08_bp02", "title": "SEC08-BP02 Enforce encryption at rest",
           "improvementPlan": {"displayText": "Encrypt every data store.", "url": "https://example.com/bp02"}},
          {"id": "sec08_no", "title": "None of these"}
        ],
        "riskRules": [
          {"condition": "sec08_bp01 && sec08_bp02", "risk": "NO_RISK"},
          {"condition": "default", "risk": "HIGH_RISK"}
        ]
      },
      {
        "id": "sec10",
        "title": "SEC10 How do you anticipate, respond to, and recover from incidents?",
        "choices": [
          {"id": "sec10_bp07", "title": "SEC10-BP07 Run simulations",
           "improvementPlan": {"displayText": "Run game days."}},
          {"id": "sec10_bp08", "title": "SEC10-BP08 Establish a framework for learning from incidents",
           "improvementPlan": {"displayText": "Hold post-incident reviews."}}
        ],
        "riskRules": [
          {"condition": "sec10_bp07 && sec10_bp08", "risk": "NO_RISK"},
          {"condition": "sec10_bp07 || sec10_bp08", "risk": "MEDIUM_RISK"},
          {"condition": "default", "risk": "HIGH_RISK"}
        ]
      }
    ]
  }]
}"#;

fn review() -> Review {
    let (lens, _) = Lens::import_str(LENS, None).unwrap();
    let controls = vec![
        wasp_control::Meta {
            best_practices: wasp_control::Texts::Static(&["SEC08-BP02"]),
            remediation: "Set BucketEncryption with SSE-KMS.".into(),
            ..wasp_control::Meta::new(
                "WASP-S3-001",
                "bucket-encryption",
                "S3 bucket without default encryption",
                Severity::High,
            )
        },
        wasp_control::Meta {
            best_practices: wasp_control::Texts::Static(&["SEC08-BP01"]),
            remediation: "Set EnableKeyRotation: true.".into(),
            ..wasp_control::Meta::new(
                "WASP-KMS-001",
                "kms-rotation",
                "KMS key without rotation",
                Severity::Medium,
            )
        },
    ];
    let r = |control: &str, status, addr: &str, line| CheckResult {
        control_id: control.to_string().into(),
        status,
        resource: ResourceRef {
            address: addr.into(),
            resource_type: "AWS::S3::Bucket".into(),
        },
        message: if status == Status::Fail {
            "no BucketEncryption".into()
        } else {
            String::new()
        },
        location: Location::new("stack.yaml", Pos::new(line, 5)),
    };
    let results = vec![
        r("WASP-S3-001", Status::Fail, "Logs", 12),
        r("WASP-S3-001", Status::Pass, "Data", 30),
        r("WASP-KMS-001", Status::Pass, "Key", 40),
    ];
    let answers = Answers::parse(
        "answers:\n  SEC10-BP07: {status: met, who: alice, when: 2024-05-02, note: game day in May}\n  SEC10-BP08: {status: not_applicable, who: alice, when: 2024-05-02, note: no incidents framework needed}\n",
        Path::new("answers.yaml"),
        &lens,
    )
    .unwrap();
    assess(&lens, &controls, &results, Some(&answers))
}

fn render(f: impl FnOnce(&mut Vec<u8>)) -> String {
    let mut buf = Vec::new();
    f(&mut buf);
    String::from_utf8(buf).unwrap()
}

#[test]
fn text() {
    let r = review();
    insta::assert_snapshot!(render(|b| render_text(&r, b, false).unwrap()));
}

#[test]
fn text_with_color_only_when_asked() {
    let r = review();
    let plain = render(|b| render_text(&r, b, false).unwrap());
    let colored = render(|b| render_text(&r, b, true).unwrap());
    assert!(!plain.contains('\x1b'));
    assert!(colored.contains("\x1b[1;31mHIGH"));
}

#[test]
fn json() {
    let r = review();
    let text = render(|b| render_json(&r, b).unwrap());
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["schema"], REVIEW_SCHEMA);
    insta::assert_json_snapshot!(v);
}

#[test]
fn streamed_json_is_the_pretty_printed_tree() {
    let mut r = review();
    for _ in 0..2 {
        let streamed = render(|b| render_json(&r, b).unwrap());
        let tree = serde_json::to_string_pretty(&review_json(&r)).unwrap() + "\n";
        assert!(streamed == tree, "{streamed}");
        // Again with empty lists.
        r.questions.clear();
        r.improvement_plan.clear();
    }
}

#[test]
fn wa_answers() {
    let r = review();
    let text = render(|b| {
        render_wa_answers(
            &r,
            b,
            Some("arn:aws:wellarchitected:us-east-1:123456789012:lens/abc"),
        )
        .unwrap()
    });
    let v: Value = serde_json::from_str(&text).unwrap();
    insta::assert_json_snapshot!(v);
    let first = &v["answers"][0];
    assert_eq!(first["QuestionId"], "sec08");
    assert_eq!(first["SelectedChoices"], json!(["sec08_bp01"]));
}

#[test]
fn notes_are_truncated_to_the_api_limits() {
    assert_eq!(truncate("abcdef", 4), "abc…");
    assert_eq!(truncate("abc", 4), "abc");
}
