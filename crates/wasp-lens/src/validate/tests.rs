use super::*;
use serde_json::json;

fn minimal() -> Value {
    json!({
        "schemaVersion": "2021-11-01",
        "name": "Example",
        "description": "An example lens",
        "pillars": [{
            "id": "pillar_1",
            "name": "Pillar one",
            "questions": [{
                "id": "q1",
                "title": "Question one",
                "choices": [
                    {"id": "c1", "title": "Choice one",
                     "improvementPlan": {"displayText": "Do one"}},
                    {"id": "c2", "title": "Choice two",
                     "helpfulResource": {"displayText": "Read", "url": "https://example.com"},
                     "improvementPlan": {"displayText": "Do two"}},
                    {"id": "q1_no", "title": "None of these"}
                ],
                "riskRules": [
                    {"condition": "c1 && c2", "risk": "NO_RISK"},
                    {"condition": "c1 || c2", "risk": "MEDIUM_RISK"},
                    {"condition": "default", "risk": "HIGH_RISK"}
                ]
            }]
        }]
    })
}

fn errors(v: &Value) -> Vec<String> {
    match validate_value(v) {
        Ok(ok) => panic!(
            "expected errors, got a valid lens (warnings {:?})",
            ok.warnings
        ),
        Err(e) => e
            .issues
            .iter()
            .filter(|i| i.level == Level::Error)
            .map(|i| format!("{}: {}", i.path, i.message))
            .collect(),
    }
}

#[test]
fn minimal_lens_is_valid() {
    let v = validate_value(&minimal()).unwrap();
    assert!(v.warnings.is_empty(), "{:?}", v.warnings);
    assert_eq!(v.document.pillars[0].questions[0].choices.len(), 3);
}

#[test]
fn too_long_choice_title_names_its_path() {
    let mut v = minimal();
    v["pillars"][0]["questions"][0]["choices"][1]["title"] = json!("x".repeat(600));
    assert_eq!(
        errors(&v),
        ["pillars[0].questions[0].choices[1].title: 600 characters, limit is 512"]
    );
}

#[test]
fn all_errors_are_reported_at_once() {
    let mut v = minimal();
    v["schemaVersion"] = json!("2020-01-01");
    v["name"] = json!("n".repeat(129));
    v["pillars"][0]["id"] = json!("bad id");
    let q = &mut v["pillars"][0]["questions"][0];
    q["choices"][0]["id"] = json!("c2");
    q["choices"][1]["helpfulResource"]["url"] = json!("ftp://x");
    q["riskRules"][0]["condition"] = json!("c1 && c9");
    q["riskRules"][1]["condition"] = json!("c1 ||");
    q["riskRules"][2]["risk"] = json!("LOW_RISK");
    let got = errors(&v);
    let want = [
        "schemaVersion: `2020-01-01` is not supported, expected `2021-11-01`",
        "name: 129 characters, limit is 128",
        "pillars[0].id: `bad id` may only contain letters, digits and underscores",
        "pillars[0].questions[0].choices[1].id: duplicate id `c2` in the question",
        "pillars[0].questions[0].choices[1].helpfulResource.url: must start with https:// or http://",
        "pillars[0].questions[0].riskRules[0].condition: unknown choice id `c1` (not a choice of this question)",
        "pillars[0].questions[0].riskRules[0].condition: unknown choice id `c9` (not a choice of this question)",
        "pillars[0].questions[0].riskRules[1].condition: column 6: expected a choice id, `!` or `(`, found end of condition in `c1 ||`",
        "pillars[0].questions[0].riskRules[2].risk: `LOW_RISK` is not one of HIGH_RISK, MEDIUM_RISK, NO_RISK",
    ];
    assert_eq!(got, want);
}

#[test]
fn wrong_types_and_missing_fields() {
    let mut v = minimal();
    v["pillars"][0]["questions"][0]["title"] = json!(42);
    v["pillars"][0]["questions"][0]["choices"][0]
        .as_object_mut()
        .unwrap()
        .remove("title");
    v["pillars"][0]["questions"][0]["riskRules"] = json!({});
    assert_eq!(
        errors(&v),
        [
            "pillars[0].questions[0].title: expected a string, found a number",
            "pillars[0].questions[0].choices[0].title: required field is missing",
            "pillars[0].questions[0].riskRules: expected an array, found an object",
        ]
    );
    assert_eq!(
        errors(&json!([1])),
        [": expected an object, found an array"]
    );
}

#[test]
fn counts_are_limited() {
    let mut v = minimal();
    let choices: Vec<Value> = (0..16)
        .map(|i| json!({"id": format!("c{i}"), "title": "t", "improvementPlan": {"displayText": "d"}}))
        .collect();
    v["pillars"][0]["questions"][0]["choices"] = json!(choices);
    v["pillars"][0]["questions"][0]["riskRules"] =
        json!([{"condition": "default", "risk": "NO_RISK"}]);
    assert_eq!(
        errors(&v),
        ["pillars[0].questions[0].choices: 16 items, limit is 15"]
    );
    let mut v = minimal();
    let q = v["pillars"][0]["questions"][0].clone();
    let qs: Vec<Value> = (0..21)
        .map(|i| {
            let mut q = q.clone();
            q["id"] = json!(format!("q{i}"));
            q
        })
        .collect();
    v["pillars"][0]["questions"] = json!(qs);
    assert_eq!(errors(&v), ["pillars[0].questions: 21 items, limit is 20"]);
}

#[test]
fn question_ids_are_unique_across_the_lens() {
    let mut v = minimal();
    let p = v["pillars"][0].clone();
    let mut p2 = p.clone();
    p2["id"] = json!("pillar_2");
    v["pillars"] = json!([p, p2]);
    assert_eq!(
        errors(&v),
        ["pillars[1].questions[0].id: duplicate id `q1` in the lens"]
    );
}

#[test]
fn additional_resources_are_checked() {
    let mut v = minimal();
    v["pillars"][0]["questions"][0]["choices"][0]["additionalResources"] = json!([
        {"type": "HELPFUL_RESOURCE", "content": [{"displayText": "a", "url": "https://a"}]},
        {"type": "HELPFUL_RESOURCE", "content": [{"displayText": "b"}]},
        {"type": "OTHER", "content": []}
    ]);
    assert_eq!(
        errors(&v),
        [
            "pillars[0].questions[0].choices[0].additionalResources: 3 items, limit is 2",
            "pillars[0].questions[0].choices[0].additionalResources[1].type: a second `HELPFUL_RESOURCE` entry",
            "pillars[0].questions[0].choices[0].additionalResources[1].content[0].url: required field is missing",
            "pillars[0].questions[0].choices[0].additionalResources[2].type: `OTHER` is not one of HELPFUL_RESOURCE, IMPROVEMENT_PLAN",
            "pillars[0].questions[0].choices[0].additionalResources[2].content: 0 item(s), at least 1 required",
        ]
    );
}

#[test]
fn warnings_do_not_fail_validation() {
    let mut v = minimal();
    v["extra"] = json!(true);
    v["pillars"][0]["questions"][0]["choices"][0]
        .as_object_mut()
        .unwrap()
        .remove("improvementPlan");
    v["pillars"][0]["questions"][0]["riskRules"] = json!([{"condition": "c1", "risk": "NO_RISK"}]);
    let w: Vec<String> = validate_value(&v)
        .unwrap()
        .warnings
        .iter()
        .map(|i| i.to_string())
        .collect();
    assert_eq!(w.len(), 3, "{w:?}");
    assert!(w[0].starts_with("warning: extra: unknown field"));
    assert!(w[1].contains("choices[0].improvementPlan: missing"));
    assert!(w[2].contains("riskRules: no `default` rule"));
}

#[test]
fn text_errors() {
    let e = parse_lens("{\"name\": ").unwrap_err();
    assert!(
        e.issues[0]
            .message
            .starts_with("not valid JSON: line 1 column"),
        "{e}"
    );
    let big = " ".repeat(limits::MAX_FILE_BYTES + 1);
    assert!(parse_lens(&big).unwrap_err().to_string().contains("bytes"));
    let e = parse_lens("{}").unwrap_err();
    assert_eq!(e.issues.len(), 3, "{e}");
}

#[test]
fn none_choice_detection() {
    assert!(is_none_choice("q_no", "whatever"));
    assert!(is_none_choice("x", " None of these "));
    assert!(!is_none_choice("note", "Notes"));
}
