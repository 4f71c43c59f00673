//! Findings whose subject is not a file: a deployed cloud resource and a recorded event,
//! beside a file position, through every renderer (text, JSON, SARIF, JUnit, Markdown, HTML).
//! Each keeps what identifies the subject (the ARN, the event id) and escapes it like any
//! other input.

use serde_json::Value;
use wasp_control::{Area, Meta, Texts};
use wasp_core::{
    fingerprint, CheckResult, CloudLocation, EventLocation, Finding, Location, Pos, ResourceRef,
    Severity, Status,
};
use wasp_report::scan::ScanView;
use wasp_report::style::Style;

#[path = "support/sarif_schema.rs"]
mod sarif_schema;

const ARN: &str = "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0abc<b>";
const EVENT_ID: &str = "3f1c-<script>alert(1)</script>";

fn finding(id: &str, address: &str, location: Location) -> Finding {
    Finding {
        control_id: id.to_string().into(),
        control_name: id.to_lowercase().into(),
        title: format!("Title of {id}").into(),
        severity: Severity::High,
        resource: ResourceRef {
            address: address.into(),
            resource_type: "AWS::EC2::SecurityGroup".into(),
        },
        location,
        message: format!("{id} fails"),
        remediation: "Fix it.".into(),
        best_practices: vec!["SEC05-BP01".into()],
        fingerprint: fingerprint(id, address),
    }
}

fn findings() -> Vec<Finding> {
    vec![
        finding(
            "WASP-T-001",
            "Web",
            Location::new("stack.yaml", Pos::new(4, 3)),
        ),
        finding(
            "WASP-T-002",
            "sg-0abc",
            Location::Cloud(Box::new(CloudLocation {
                partition: "aws".into(),
                account: "111122223333".into(),
                region: "eu-west-1".into(),
                arn: Some(ARN.into()),
                resource_id: Some("sg-0abc".into()),
            })),
        ),
        finding(
            "WASP-T-003",
            "alice",
            Location::Event(Box::new(EventLocation {
                source: "trail.json".into(),
                event_id: EVENT_ID.into(),
                time: "2026-01-02T03:04:05Z".into(),
            })),
        ),
    ]
}

fn rules() -> Vec<Meta> {
    ["WASP-T-001", "WASP-T-002", "WASP-T-003"]
        .iter()
        .map(|id| Meta {
            area: Some(Area::Network),
            best_practices: Texts::Static(&["SEC05-BP01"]),
            remediation: "Fix it.".into(),
            ..Meta::new(
                *id,
                id.to_lowercase(),
                format!("Title of {id}"),
                Severity::High,
            )
        })
        .collect()
}

fn results(findings: &[Finding]) -> Vec<CheckResult> {
    findings
        .iter()
        .map(|f| CheckResult {
            control_id: f.control_id.clone(),
            status: Status::Fail,
            resource: f.resource.clone(),
            message: f.message.clone(),
            location: f.location.clone(),
        })
        .collect()
}

fn view<'a>(findings: &'a [Finding], results: &'a [CheckResult]) -> ScanView<'a> {
    ScanView {
        findings,
        results,
        errors: &[],
        suppressed: &[],
        baselined: &[],
        files_scanned: 1,
        resources: 3,
        fail_on: Severity::High,
        include_passed: false,
    }
}

fn render(f: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    f(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn text_names_the_arn_and_the_event() {
    let (f, r) = (findings(), results(&findings()));
    let text =
        render(|o| wasp_report::scan::render_text(&view(&f, &r), o, Style { color: false }, false));
    assert!(text.contains("--> stack.yaml:4:3"), "{text}");
    assert!(text.contains(&format!("--> {ARN}")), "{text}");
    assert!(
        text.contains(&format!(
            "--> trail.json event {EVENT_ID} at 2026-01-02T03:04:05Z"
        )),
        "{text}"
    );
}

#[test]
fn json_locations_say_their_kind() {
    let (f, r) = (findings(), results(&findings()));
    let json: Value = serde_json::from_str(&render(|o| {
        wasp_report::scan::render_json(&view(&f, &r), o)
    }))
    .unwrap();
    let locs: Vec<&Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| &f["location"])
        .collect();
    assert_eq!(locs[0]["kind"], "file");
    assert_eq!(locs[0]["line"], 4);
    assert_eq!(locs[1]["kind"], "cloud");
    assert_eq!(locs[1]["arn"], ARN);
    assert_eq!(locs[1]["account"], "111122223333");
    assert_eq!(locs[2]["kind"], "event");
    assert_eq!(locs[2]["event_id"], EVENT_ID);
    // The fingerprint is the control and the resource, whatever the location.
    assert_eq!(
        json["findings"][1]["fingerprint"],
        fingerprint("WASP-T-002", "sg-0abc")
    );
}

#[test]
fn sarif_gives_logical_locations_to_resources_and_events_and_stays_valid() {
    let (f, r) = (findings(), results(&findings()));
    let rules = rules();
    let doc = wasp_report::sarif::sarif_json(
        &view(&f, &r),
        &wasp_report::sarif::SarifOptions {
            rules: &rules,
            src_root: None,
        },
    );
    let errors = sarif_schema::sarif_schema_errors(&doc);
    assert!(errors.is_empty(), "schema errors: {errors:#?}");
    let results = doc["runs"][0]["results"].as_array().unwrap();
    let loc = |i: usize| &results[i]["locations"][0];
    assert!(loc(0)["physicalLocation"].is_object());
    assert!(loc(1).get("physicalLocation").is_none());
    assert_eq!(loc(1)["logicalLocations"][0]["fullyQualifiedName"], ARN);
    assert_eq!(loc(1)["logicalLocations"][0]["name"], "sg-0abc");
    assert_eq!(loc(1)["properties"]["region"], "eu-west-1");
    assert!(loc(2).get("physicalLocation").is_none());
    assert_eq!(loc(2)["logicalLocations"][0]["name"], "alice");
    assert_eq!(loc(2)["properties"]["eventId"], EVENT_ID);
    assert_eq!(loc(2)["properties"]["eventTime"], "2026-01-02T03:04:05Z");
}

#[test]
fn junit_links_only_file_positions() {
    let (f, r) = (findings(), results(&findings()));
    let xml = render(|o| wasp_report::junit::render_junit(&view(&f, &r), &rules(), o));
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let cases: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    assert_eq!(cases.len(), 3, "{xml}");
    let by = |name: &str| {
        *cases
            .iter()
            .find(|c| c.attribute("name").unwrap().starts_with(name))
            .unwrap()
    };
    assert_eq!(by("WASP-T-001").attribute("file"), Some("stack.yaml"));
    assert_eq!(by("WASP-T-001").attribute("line"), Some("4"));
    for id in ["WASP-T-002", "WASP-T-003"] {
        assert_eq!(by(id).attribute("file"), None, "{xml}");
        assert_eq!(by(id).attribute("line"), None, "{xml}");
    }
    let failure_text: String = by("WASP-T-002")
        .descendants()
        .filter_map(|n| n.text())
        .collect();
    assert!(failure_text.contains(ARN), "{failure_text}");
}

#[test]
fn markdown_shows_and_escapes_every_kind() {
    let (f, r) = (findings(), results(&findings()));
    let md = wasp_report::markdown::scan_markdown(&view(&f, &r));
    assert!(md.contains("stack.yaml:4"), "{md}");
    assert!(md.contains("security-group/sg-0abc"), "{md}");
    assert!(
        !md.contains("<script>") && !md.contains("sg-0abc<b>"),
        "{md}"
    );
}

#[test]
fn html_links_files_and_escapes_the_rest() {
    let (f, r) = (findings(), results(&findings()));
    let metas = rules();
    let review = wasp_lens::assess(&wasp_lens::Lens::builtin(), &metas, &r, None);
    let html = render(|o| wasp_report::html::render_html(&review, &view(&f, &r), o));
    assert!(
        html.contains(r#"href="stack.yaml#L4""#),
        "a file position is a link"
    );
    assert!(html.contains("sg-0abc&lt;b&gt;"), "the ARN is escaped");
    assert!(!html.contains(EVENT_ID) && html.contains("3f1c-&lt;script&gt;"));
}

#[test]
fn text_escapes_control_characters_of_the_input() {
    let mut f = findings();
    f[0].resource.address = "Web\u{1b}]0;pwned\u{7}".into();
    f[0].message = "bad\u{1b}[8mhidden".into();
    let r = results(&f);
    let text =
        render(|o| wasp_report::scan::render_text(&view(&f, &r), o, Style { color: true }, false));
    assert!(
        !text.contains("\u{1b}]0;") && !text.contains("\u{1b}[8m"),
        "{text:?}"
    );
    assert!(text.contains("Web\\u{1b}]0;pwned\\u{7}"), "{text}");
    assert!(text.contains("bad\\u{1b}[8mhidden"), "{text}");
    // The renderer's own colors still are escape sequences.
    assert!(text.contains("\u{1b}[1m"), "{text:?}");
}
