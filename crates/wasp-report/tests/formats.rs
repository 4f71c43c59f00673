//! The pipeline formats (SARIF, JUnit XML, Markdown) on a synthetic scan that has every kind
//! of entry: findings of each severity, passes, unknowns, suppressions written in the file and
//! elsewhere, baselined findings, input errors, and text that needs escaping.

use std::path::{Path, PathBuf};

use serde_json::Value;
use wasp_control::{Area, Meta, Texts};
use wasp_core::{
    fingerprint, CheckResult, Finding, InputError, Location, Pos, ResourceRef, Severity, Status,
    Suppressed,
};
use wasp_report::junit::render_junit;
use wasp_report::markdown::{review_markdown, scan_markdown, COMMENT_LIMIT};
use wasp_report::sarif::{render_sarif, sarif_json, SarifOptions};
use wasp_report::scan::ScanView;

#[path = "support/sarif_schema.rs"]
mod sarif_schema;
use sarif_schema::sarif_schema_errors;

const NASTY: &str = "a|b *c* <x> & \"q\" 'a' \u{1}ctl\u{1b} [l](u) @here\nnext";

fn rule(id: &str, severity: Severity) -> Meta {
    Meta {
        area: Some(Area::DataAtRest),
        best_practices: Texts::Static(&["SEC08-BP02"]),
        remediation: format!("Fix {id}.").into(),
        doc: format!(
            "## What it checks\nThat `{id}` holds.\n\n## Why it matters\nBecause.\n\n## Remediation\n```yaml\nA: b\n```\n"
        )
        .into(),
        ..Meta::new(id, format!("{}-name", id.to_lowercase()), format!("Title of {id}"), severity)
    }
}

fn finding(id: &str, severity: Severity, address: &str, file: &str, line: u32) -> Finding {
    Finding {
        control_id: id.to_string().into(),
        control_name: format!("{}-name", id.to_lowercase()).into(),
        title: format!("Title of {id}").into(),
        severity,
        resource: ResourceRef {
            address: address.into(),
            resource_type: "AWS::S3::Bucket".into(),
        },
        location: Location::new(file, Pos::new(line, 3)),
        message: format!("{id} fails on {address}"),
        remediation: format!("Fix {id}.").into(),
        best_practices: vec!["SEC08-BP02".into()],
        fingerprint: fingerprint(id, address),
    }
}

fn result(id: &str, status: Status, address: &str, file: &str, line: u32) -> CheckResult {
    CheckResult {
        control_id: id.to_string().into(),
        status,
        resource: ResourceRef {
            address: address.into(),
            resource_type: "AWS::S3::Bucket".into(),
        },
        message: match status {
            Status::Unknown => "the key is a parameter".into(),
            Status::Fail => "fails".into(),
            Status::Pass => String::new(),
        },
        location: Location::new(file, Pos::new(line, 3)),
    }
}

struct Data {
    rules: Vec<Meta>,
    findings: Vec<Finding>,
    results: Vec<CheckResult>,
    errors: Vec<InputError>,
    suppressed: Vec<Suppressed>,
    baselined: Vec<Finding>,
}

fn data() -> Data {
    let file = "infra/cfn/storage.yaml";
    let tf = "infra/tf dir/main ü.tf";
    let mut nasty = finding("WASP-T-003", Severity::Medium, "Nasty", tf, 0);
    nasty.message = NASTY.into();
    nasty.resource.address = format!("aws_s3_bucket.x[\"{NASTY}\"]");
    let findings = vec![
        finding("WASP-T-001", Severity::Critical, "Public", file, 4),
        finding("WASP-T-002", Severity::High, "Logs", file, 9),
        nasty,
        finding(
            "WASP-T-004",
            Severity::Low,
            "Logs",
            "./infra/cfn/storage.yaml",
            9,
        ),
        finding("WASP-T-005", Severity::Info, "Logs", file, 9),
        // Not in the rule list (a custom control without metadata).
        finding("CUSTOM-1", Severity::High, "Other", file, 20),
    ];
    let mut results: Vec<CheckResult> = findings
        .iter()
        .map(|f| CheckResult {
            control_id: f.control_id.clone(),
            status: Status::Fail,
            resource: f.resource.clone(),
            message: f.message.clone(),
            location: f.location.clone(),
        })
        .collect();
    results.push(result("WASP-T-001", Status::Pass, "Logs", file, 9));
    results.push(result("WASP-T-002", Status::Pass, "Public", file, 4));
    results.push(result("WASP-T-002", Status::Unknown, "Keyed", file, 30));
    // Two outcomes of one control on one resource (two rules of a security group).
    results.push(result("WASP-T-004", Status::Pass, "Group", file, 40));
    results.push(result("WASP-T-004", Status::Pass, "Group", file, 41));
    let suppressed = vec![
        Suppressed {
            finding: finding("WASP-T-001", Severity::Critical, "Website", file, 50),
            reason: "public website | reviewed".into(),
            at: Location::new(file, Pos::new(49, 3)),
        },
        Suppressed {
            finding: finding("WASP-T-002", Severity::High, "Website", file, 50),
            reason: String::new(),
            at: Location::new(".wasp.yaml", Pos::new(3, 5)),
        },
    ];
    let baselined = vec![finding("WASP-T-004", Severity::Low, "Old", file, 60)];
    let errors = vec![
        InputError::new(
            "infra/broken.yaml",
            Pos::new(2, 7),
            "mapping values are not allowed here",
        ),
        InputError::new("/abs/unreadable.tf", Pos::NONE, "permission denied"),
    ];
    let rules = [
        "WASP-T-001",
        "WASP-T-002",
        "WASP-T-003",
        "WASP-T-004",
        "WASP-T-005",
    ]
    .iter()
    .zip([
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
        Severity::Info,
    ])
    .map(|(id, s)| rule(id, s))
    .collect();
    Data {
        rules,
        findings,
        results,
        errors,
        suppressed,
        baselined,
    }
}

fn view(d: &Data) -> ScanView<'_> {
    ScanView {
        findings: &d.findings,
        results: &d.results,
        errors: &d.errors,
        suppressed: &d.suppressed,
        baselined: &d.baselined,
        files_scanned: 3,
        resources: 9,
        fail_on: Severity::High,
        include_passed: false,
    }
}

#[test]
fn sarif_is_valid_against_the_oasis_schema() {
    let d = data();
    let doc = sarif_json(
        &view(&d),
        &SarifOptions {
            rules: &d.rules,
            src_root: Some(Path::new("/work/some dir")),
        },
    );
    let errors = sarif_schema_errors(&doc);
    assert!(errors.is_empty(), "schema errors: {errors:#?}");
}

#[test]
fn the_schema_check_rejects_an_invalid_log() {
    // The validation is real: a log that breaks the schema is caught.
    let d = data();
    let mut doc = sarif_json(&view(&d), &SarifOptions::default());
    doc["runs"][0]["results"][0]["level"] = Value::from("fatal");
    doc["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        Value::from(0);
    let errors = sarif_schema_errors(&doc);
    assert_eq!(errors.len(), 2, "{errors:#?}");
}

#[test]
fn sarif_rules_results_suppressions_and_notifications() {
    let d = data();
    let doc = sarif_json(
        &view(&d),
        &SarifOptions {
            rules: &d.rules,
            src_root: Some(Path::new("/work/some dir")),
        },
    );
    assert_eq!(doc["version"], "2.1.0");
    let run = &doc["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "wasp");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    // Every listed rule, plus the one only known from its finding.
    assert_eq!(rules.len(), 6);
    let r1 = &rules[0];
    assert_eq!(r1["id"], "WASP-T-001");
    assert_eq!(r1["shortDescription"]["text"], "Title of WASP-T-001");
    assert_eq!(r1["fullDescription"]["text"], "That WASP-T-001 holds.");
    assert_eq!(r1["defaultConfiguration"]["level"], "error");
    assert_eq!(r1["properties"]["security-severity"], "9.5");
    assert_eq!(
        r1["properties"]["tags"],
        serde_json::json!(["security", "data-at-rest", "SEC08-BP02"])
    );
    assert!(r1["help"]["markdown"]
        .as_str()
        .unwrap()
        .contains("## Why it matters"));
    let levels: Vec<&str> = rules
        .iter()
        .map(|r| r["defaultConfiguration"]["level"].as_str().unwrap())
        .collect();
    assert_eq!(
        levels,
        ["error", "error", "warning", "note", "note", "error"]
    );
    assert!(rules[4]["properties"].get("security-severity").is_none());
    assert_eq!(rules[5]["id"], "CUSTOM-1");

    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), d.findings.len() + d.suppressed.len());
    for r in results {
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], r["ruleId"], "ruleIndex points at its rule");
    }
    let first = &results[0];
    assert_eq!(
        first["partialFingerprints"]["waspFingerprint/v1"],
        fingerprint("WASP-T-001", "Public")
    );
    let loc = &first["locations"][0];
    assert_eq!(
        loc["physicalLocation"]["artifactLocation"],
        serde_json::json!({"uri": "infra/cfn/storage.yaml", "uriBaseId": "%SRCROOT%"})
    );
    assert_eq!(loc["physicalLocation"]["region"]["startLine"], 4);
    assert_eq!(loc["logicalLocations"][0]["fullyQualifiedName"], "Public");
    // Spaces and non-ASCII are percent-encoded; no line means no region.
    let nasty = &results[2]["locations"][0]["physicalLocation"];
    assert_eq!(
        nasty["artifactLocation"]["uri"],
        "infra/tf%20dir/main%20%C3%BC.tf"
    );
    assert!(nasty.get("region").is_none());
    // `./` is dropped.
    assert_eq!(
        results[3]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "infra/cfn/storage.yaml"
    );
    assert!(results[..d.findings.len()]
        .iter()
        .all(|r| r.get("suppressions").is_none()));
    let s0 = &results[d.findings.len()]["suppressions"][0];
    assert_eq!(s0["kind"], "inSource");
    assert_eq!(s0["justification"], "public website | reviewed");
    let s1 = &results[d.findings.len() + 1]["suppressions"][0];
    assert_eq!(s1["kind"], "external");
    assert!(s1.get("justification").is_none());

    let inv = &run["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    let notes = inv["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[0]["level"], "error");
    assert_eq!(
        notes[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        2
    );
    assert_eq!(
        notes[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "file:///abs/unreadable.tf"
    );
    assert_eq!(
        run["originalUriBaseIds"]["%SRCROOT%"]["uri"],
        "file:///work/some%20dir/"
    );
    assert_eq!(run["properties"]["baselined"]["count"], 1);
}

#[test]
fn sarif_of_a_clean_scan_is_successful_and_valid() {
    let doc = sarif_json(
        &ScanView {
            findings: &[],
            results: &[],
            errors: &[],
            suppressed: &[],
            baselined: &[],
            files_scanned: 0,
            resources: 0,
            fail_on: Severity::High,
            include_passed: false,
        },
        &SarifOptions::default(),
    );
    assert_eq!(
        doc["runs"][0]["invocations"][0]["executionSuccessful"],
        true
    );
    assert_eq!(doc["runs"][0]["results"], serde_json::json!([]));
    assert!(sarif_schema_errors(&doc).is_empty());
}

fn junit(d: &Data) -> String {
    let mut out = Vec::new();
    render_junit(&view(d), &d.rules, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn junit_parses_and_counts_add_up() {
    let d = data();
    let xml = junit(&d);
    let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let cases: Vec<_> = root
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    let with = |tag: &str| {
        cases
            .iter()
            .filter(|c| c.children().any(|k| k.has_tag_name(tag)))
            .count()
    };
    // Passes and unknowns from the results (failing results come from the findings), then
    // findings, suppressed, baselined and errors.
    let passes = 4;
    let unknowns = 1;
    assert_eq!(
        cases.len(),
        passes
            + unknowns
            + d.findings.len()
            + d.suppressed.len()
            + d.baselined.len()
            + d.errors.len()
    );
    assert_eq!(with("failure"), d.findings.len());
    assert_eq!(
        with("skipped"),
        unknowns + d.suppressed.len() + d.baselined.len()
    );
    assert_eq!(with("error"), d.errors.len());
    let attr =
        |n: roxmltree::Node<'_, '_>, a: &str| -> usize { n.attribute(a).unwrap().parse().unwrap() };
    assert_eq!(attr(root, "tests"), cases.len());
    assert_eq!(attr(root, "failures"), with("failure"));
    assert_eq!(attr(root, "skipped"), with("skipped"));
    assert_eq!(attr(root, "errors"), with("error"));
    for suite in root.children().filter(|n| n.has_tag_name("testsuite")) {
        let n = suite
            .children()
            .filter(|c| c.has_tag_name("testcase"))
            .count();
        assert_eq!(attr(suite, "tests"), n, "{:?}", suite.attribute("name"));
        let mut names: Vec<&str> = suite
            .children()
            .filter(|c| c.has_tag_name("testcase"))
            .map(|c| c.attribute("name").unwrap())
            .collect();
        names.sort();
        let before = names.len();
        names.dedup();
        assert_eq!(names.len(), before, "case names are unique within a suite");
    }
    // One suite per control (six) and one for the input errors.
    assert_eq!(
        root.children()
            .filter(|n| n.has_tag_name("testsuite"))
            .count(),
        7
    );
}

#[test]
fn junit_keeps_text_through_escaping() {
    let d = data();
    let xml = junit(&d);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let failure = doc
        .descendants()
        .find(|n| n.has_tag_name("failure") && n.attribute("type") == Some("medium"))
        .unwrap();
    // Control characters XML cannot carry are replaced; everything else comes back intact.
    let expected = NASTY.replace(['\u{1}', '\u{1b}'], "\u{FFFD}");
    assert_eq!(failure.attribute("message"), Some(expected.as_str()));
    assert!(failure.text().unwrap().contains(&expected));
    let case = failure.parent().unwrap();
    assert_eq!(case.attribute("file"), Some("infra/tf dir/main ü.tf"));
    assert_eq!(
        case.attribute("classname"),
        Some("wasp.data-at-rest.WASP-T-003")
    );
    let suppressed = doc
        .descendants()
        .filter(|n| n.has_tag_name("skipped"))
        .filter_map(|n| n.attribute("message"))
        .find(|m| m.starts_with("suppressed"))
        .unwrap();
    assert!(
        suppressed.ends_with("public website | reviewed"),
        "{suppressed}"
    );
    // A control with two outcomes on one resource gets distinct case names.
    let group: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .filter_map(|n| n.attribute("name"))
        .filter(|n| n.starts_with("WASP-T-004 Group"))
        .collect();
    assert_eq!(group.len(), 2);
    assert_ne!(group[0], group[1]);
}

#[test]
fn markdown_summary_findings_details_and_escaping() {
    let d = data();
    let md = scan_markdown(&view(&d));
    assert!(
        md.contains("| 3 | 9 | 1 | 2 | 1 | 1 | 1 | 2 | 1 | 2 |"),
        "{md}"
    );
    assert!(md.contains("❌ 3 findings at or above **high**"));
    // New findings first, by severity; then the baselined ones, then the suppressed ones.
    let critical = md.find("#### Critical (1)").unwrap();
    let high = md.find("#### High (2)").unwrap();
    let baseline = md.find("1 finding already in the baseline").unwrap();
    let suppressed = md.find("2 suppressed findings").unwrap();
    assert!(critical < high && high < baseline && baseline < suppressed);
    assert!(md.contains("**Reason:** public website \\| reviewed"));
    assert!(md.contains("**Reason:** _no reason given_"));
    // User text cannot open tags, links or tables, nor mention anyone.
    assert!(!md.contains("<x>"));
    assert!(!md.contains("[l](u)"));
    assert!(!md.contains("a|b"));
    assert!(!md.contains("@here"));
    assert!(md.contains("a\\|b \\*c\\* \\<x\\> \\& \"q\" 'a'"));
    assert!(
        md.contains("**Where:** infra/cfn/storage.yaml:4 · **Resource:** Public (AWS::S3::Bucket)")
    );
    assert!(md.contains("### Input errors (2)"));
    assert!(!md.contains("not shown"));
    assert_eq!(
        md.matches("<details>").count(),
        md.matches("</details>").count()
    );
}

#[test]
fn markdown_stays_under_the_comment_limit() {
    let mut d = data();
    let long = "x".repeat(400);
    d.findings = (0..2_000)
        .map(|i| {
            let mut f = finding(
                "WASP-T-002",
                Severity::High,
                &format!("B{i}"),
                "a.yaml",
                i + 1,
            );
            f.message = long.clone();
            f
        })
        .collect();
    d.baselined = d.findings[..10].to_vec();
    let md = scan_markdown(&view(&d));
    assert!(md.len() <= COMMENT_LIMIT, "{} bytes", md.len());
    let shown = md.matches("- **WASP-T-002**").count();
    assert!(shown > 50, "{shown}");
    // The baselined and suppressed blocks come after the findings, so they are left out too.
    let expected = format!(
        "**{} more findings, 10 more baselined findings, 2 more suppressed findings not shown**",
        2_000 - shown
    );
    assert!(md.contains(&expected), "{}", &md[md.len() - 400..]);
    assert_eq!(
        md.matches("<details>").count(),
        md.matches("</details>").count()
    );
}

#[test]
fn review_markdown_has_the_risk_table_and_the_plan() {
    let controls = vec![wasp_control::Meta {
        best_practices: wasp_control::Texts::Static(&["SEC08-BP02"]),
        remediation: "Encrypt | it".into(),
        ..wasp_control::Meta::new("WASP-T-001", "t", "Bucket is not encrypted", Severity::High)
    }];
    let results = vec![CheckResult {
        control_id: "WASP-T-001".into(),
        status: Status::Fail,
        resource: ResourceRef {
            address: "Data_Bucket".into(),
            resource_type: "AWS::S3::Bucket".into(),
        },
        message: "no encryption".into(),
        location: Location::new(PathBuf::from("t.yaml"), Pos::new(3, 1)),
    }];
    let lens = wasp_lens::Lens::builtin();
    let review = wasp_lens::assess(&lens, &controls, &results, None);
    let md = review_markdown(&review);
    let rows = md.lines().filter(|l| l.starts_with("| **SEC")).count();
    assert_eq!(rows, review.questions.len());
    assert!(md.contains("### Improvement plan"));
    assert!(md.contains("**SEC08-BP02**"), "{md}");
    assert!(md.contains("Data\\_Bucket (AWS::S3::Bucket) at t.yaml:3: no encryption"));
    assert!(md.contains("**Fix:** Encrypt \\| it"));
    assert!(md.len() <= COMMENT_LIMIT);
}

/// The streamed SARIF log is byte for byte the pretty-printed JSON tree: the fixture's results
/// (nasty text, suppressions, a rule not in the list), and then thousands of them, more than one
/// batch, with the log's options both ways.
#[test]
fn streamed_sarif_is_the_pretty_printed_tree() {
    let mut d = data();
    for many in [false, true] {
        if many {
            let more: Vec<Finding> = (0..2100)
                .map(|i| {
                    let mut f = d.findings[i % d.findings.len()].clone();
                    f.location = wasp_core::Location::new(
                        f.location.file().unwrap(),
                        wasp_core::Pos::new(i as u32 + 1, f.location.column()),
                    );
                    f
                })
                .collect();
            d.findings.extend(more);
        }
        for src_root in [None, Some(Path::new("/work/some dir"))] {
            let opts = SarifOptions {
                rules: &d.rules,
                src_root,
            };
            let mut streamed = Vec::new();
            render_sarif(&view(&d), &opts, &mut streamed).unwrap();
            let mut tree = serde_json::to_vec_pretty(&sarif_json(&view(&d), &opts)).unwrap();
            tree.push(b'\n');
            assert!(streamed == tree, "many: {many}, src_root: {src_root:?}");
        }
    }
}

/// Text, JSON and SARIF written unit by unit as a scan goes give the bytes of the whole report
/// rendered at once, with lists long enough to be kept aside on disk.
#[test]
fn streamed_in_units_is_the_whole_report() {
    use wasp_report::stream::{Sink, UnitView};
    let mut d = data();
    // Every rule listed: rule indices do not depend on the order results arrive in.
    d.rules.push(rule("CUSTOM-1", Severity::High));
    let base = d.findings.clone();
    d.findings = (0..12000)
        .map(|i| {
            let mut f = base[i % base.len()].clone();
            f.location = Location::new(f.location.file().unwrap(), Pos::new(i as u32 + 1, 1));
            f
        })
        .collect();
    let unknown = d.results[7].clone();
    d.results.extend((0..20000).map(|_| unknown.clone()));
    let mut whole = view(&d);
    whole.include_passed = true;
    // Three units: each list cut at its own points.
    let cut = |n: usize, k: usize| n * k / 3;
    let units: Vec<UnitView<'_>> = (0..3)
        .map(|k| {
            let part = |n: usize| cut(n, k)..cut(n, k + 1);
            UnitView {
                files: [3, 0, 0][k],
                resources: [4, 5, 0][k],
                findings: &d.findings[part(d.findings.len())],
                results: &d.results[part(d.results.len())],
                suppressed: &d.suppressed[part(d.suppressed.len())],
                baselined: &d.baselined[part(d.baselined.len())],
                errors: &d.errors[part(d.errors.len())],
            }
        })
        .collect();
    let opts = SarifOptions {
        rules: &d.rules,
        src_root: Some(Path::new("/work")),
    };
    let style = wasp_report::style::Style { color: false };
    // Units one at a time, and in groups (the first alone, then the other two together).
    for grouped in [false, true] {
        for name in ["text", "json", "sarif"] {
            let mut streamed = Vec::new();
            {
                let mut sink: Box<dyn Sink + '_> = match name {
                    "text" => {
                        Box::new(wasp_report::scan::TextSink::new(&mut streamed, style, true))
                    }
                    "json" => Box::new(wasp_report::scan::JsonSink::new(
                        &mut streamed,
                        Severity::High,
                        true,
                    )),
                    _ => Box::new(wasp_report::sarif::SarifSink::new(&mut streamed, &opts)),
                };
                if grouped {
                    sink.units(&units[..1]).unwrap();
                    sink.units(&units[1..]).unwrap();
                } else {
                    for u in &units {
                        sink.unit(u).unwrap();
                    }
                }
                sink.finish(&[]).unwrap();
            }
            let mut at_once = Vec::new();
            match name {
                "text" => wasp_report::scan::render_text(&whole, &mut at_once, style, true),
                "json" => wasp_report::scan::render_json(&whole, &mut at_once),
                _ => render_sarif(&whole, &opts, &mut at_once),
            }
            .unwrap();
            assert!(at_once.len() > wasp_report::spool::IN_MEMORY, "{name}");
            assert!(streamed == at_once, "{name}, grouped: {grouped}");
        }
    }
}
