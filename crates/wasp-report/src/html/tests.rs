use std::path::Path;

use wasp_core::{
    CheckResult, Finding, InputError, Location, Pos, ResourceRef, Severity, Status, Suppressed,
};
use wasp_lens::{assess, Answers, BpStatus, Lens, Review};

use super::csp::{base64, hash_source, sha256};
use super::escape::{escape, external_url, file_href};
use super::*;

const XSS: &str = "<script>alert(1)</script>";
const EVIL_FILE: &str = "stacks/evil</style><script>x()</script>.yaml";
const EVIL_ADDRESS: &str = "Bucket\"><img src=x onerror=alert(2)>";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn escape_neutralises_markup_quotes_and_controls() {
    assert_eq!(escape(XSS), "&lt;script&gt;alert(1)&lt;/script&gt;");
    assert_eq!(escape("</style>"), "&lt;/style&gt;");
    assert_eq!(
        escape(r#"a" onmouseover='x' b"#),
        "a&quot; onmouseover=&#39;x&#39; b"
    );
    assert_eq!(escape("&amp; stays text"), "&amp;amp; stays text");
    assert_eq!(escape("<!-- x -->"), "&lt;!-- x --&gt;");
    assert_eq!(escape("nul\0bell\u{7}"), "nul\u{FFFD}bell\u{FFFD}");
    assert_eq!(escape("tab\tnew\nline"), "tab\tnew\nline");
    assert_eq!(escape("ünïcødé → ok"), "ünïcødé → ok");
    assert_eq!(escape(""), "");
}

#[test]
fn file_links_are_percent_encoded_and_cannot_change_scheme_or_host() {
    assert_eq!(
        file_href(Path::new("examples/insecure/main.tf"), 12),
        "examples/insecure/main.tf#L12"
    );
    assert_eq!(file_href(Path::new("a b/c.yaml"), 0), "a%20b/c.yaml");
    assert_eq!(file_href(Path::new("x#y?z.yaml"), 3), "x%23y%3Fz.yaml#L3");
    assert_eq!(
        file_href(Path::new("javascript:alert(1)"), 1),
        "javascript%3Aalert%281%29#L1"
    );
    assert_eq!(
        file_href(Path::new(r"infra\prod\stack.yaml"), 2),
        "infra/prod/stack.yaml#L2"
    );
    assert_eq!(
        file_href(Path::new("//evil.example/x"), 0),
        "/evil.example/x"
    );
    assert_eq!(file_href(Path::new("/abs/file.tf"), 1), "/abs/file.tf#L1");
    assert_eq!(file_href(Path::new("é\".tf"), 0), "%C3%A9%22.tf");
    assert_eq!(
        file_href(Path::new(EVIL_FILE), 0),
        "stacks/evil%3C/style%3E%3Cscript%3Ex%28%29%3C/script%3E.yaml"
    );
}

#[test]
fn only_http_urls_become_links() {
    assert_eq!(
        external_url("https://docs.aws.amazon.com/x"),
        Some("https://docs.aws.amazon.com/x")
    );
    assert_eq!(
        external_url("HTTP://example.com"),
        Some("HTTP://example.com")
    );
    assert_eq!(external_url("javascript:alert(1)"), None);
    assert_eq!(external_url(" data:text/html,<script>"), None);
    assert_eq!(external_url("//evil.example"), None);
    assert_eq!(external_url("https://a b"), None);
}

#[test]
fn sha256_and_base64_match_the_standard_vectors() {
    assert_eq!(
        hex(&sha256(b"")),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert_eq!(
        hex(&sha256(b"abc")),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!(
        hex(&sha256(
            b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        )),
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    );
    assert_eq!(
        hex(&sha256(&[b'a'; 1000])),
        "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"
    );
    for (input, out) in [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="),
        ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(base64(input.as_bytes()), out);
    }
    assert_eq!(
        hash_source(""),
        "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    );
}

fn res(address: &str, ty: &str) -> ResourceRef {
    ResourceRef {
        address: address.into(),
        resource_type: ty.into(),
    }
}

fn finding(control: &str, sev: Severity, address: &str, file: &str, line: u32) -> Finding {
    Finding {
        control_id: control.to_string().into(),
        control_name: "bucket-encryption".into(),
        title: "S3 bucket without default encryption".into(),
        severity: sev,
        resource: res(address, "AWS::S3::Bucket"),
        location: Location::new(file, Pos::new(line, 3)),
        message: XSS.into(),
        remediation: "Set BucketEncryption & use <KMS>.".into(),
        best_practices: vec!["SEC08-BP02".into()],
        fingerprint: "0123456789abcdef".into(),
    }
}

struct Fixture {
    review: Review,
    findings: Vec<Finding>,
    results: Vec<CheckResult>,
    errors: Vec<InputError>,
    suppressed: Vec<Suppressed>,
    baselined: Vec<Finding>,
}

impl Fixture {
    fn view(&self) -> ScanView<'_> {
        ScanView {
            findings: &self.findings,
            results: &self.results,
            errors: &self.errors,
            suppressed: &self.suppressed,
            baselined: &self.baselined,
            files_scanned: 2,
            resources: 3,
            fail_on: Severity::High,
            include_passed: false,
        }
    }

    fn render(&self) -> String {
        let mut buf = Vec::new();
        render_html(&self.review, &self.view(), &mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }
}

fn fixture() -> Fixture {
    let lens = Lens::builtin();
    let controls = vec![
        wasp_control::Meta {
            best_practices: wasp_control::Texts::Static(&["SEC08-BP02"]),
            remediation: "Set BucketEncryption & use <KMS>.".into(),
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
    let results = vec![
        CheckResult {
            control_id: "WASP-S3-001".into(),
            status: Status::Fail,
            resource: res(EVIL_ADDRESS, "AWS::S3::Bucket"),
            message: XSS.into(),
            location: Location::new(EVIL_FILE, Pos::new(12, 3)),
        },
        CheckResult {
            control_id: "WASP-S3-001".into(),
            status: Status::Pass,
            resource: res("Data", "AWS::S3::Bucket"),
            message: String::new(),
            location: Location::new("stack.yaml", Pos::new(30, 3)),
        },
        CheckResult {
            control_id: "WASP-KMS-001".into(),
            status: Status::Unknown,
            resource: res("Key", "AWS::KMS::Key"),
            message: "EnableKeyRotation is a parameter".into(),
            location: Location::new("stack.yaml", Pos::new(40, 3)),
        },
    ];
    let answers = Answers::parse(
        "answers:\n  SEC10-BP07: {status: met, who: 'o''brien <b>x</b>', when: 2024-05-02, note: '</style><script>alert(3)</script>'}\n  SEC11-BP01: {status: not_applicable, who: alice, when: 2024-05-03, note: no application code}\n",
        Path::new("answers.yaml"),
        &lens,
    )
    .unwrap();
    let review = assess(&lens, &controls, &results, Some(&answers));
    Fixture {
        review,
        findings: vec![finding(
            "WASP-S3-001",
            Severity::High,
            EVIL_ADDRESS,
            EVIL_FILE,
            12,
        )],
        results,
        errors: vec![InputError::new(
            "broken <x>.yaml",
            Pos::new(4, 7),
            "expected a mapping, found <script>",
        )],
        suppressed: vec![Suppressed {
            finding: finding("WASP-S3-001", Severity::Medium, "Quiet", "quiet.yaml", 5),
            reason: "public website bucket, reviewed \"2024\"".into(),
            at: Location::new("quiet.yaml", Pos::new(4, 1)),
        }],
        baselined: vec![
            finding("WASP-S3-001", Severity::Low, "Old1", "old.yaml", 1),
            finding("WASP-S3-001", Severity::Low, "Old2", "old.yaml", 9),
        ],
    }
}

fn between<'a>(doc: &'a str, start: &str, end: &str) -> &'a str {
    let s = doc.find(start).expect(start) + start.len();
    let e = doc[s..].find(end).expect(end) + s;
    &doc[s..e]
}

#[test]
fn every_question_chart_plan_and_findings_are_present() {
    let f = fixture();
    let doc = f.render();
    assert!(doc.starts_with("<!doctype html>\n<html lang=\"en\">"));
    assert!(doc.trim_end().ends_with("</html>"));
    assert_eq!(f.review.questions.len(), 11);
    let labels: Vec<&str> = f
        .review
        .questions
        .iter()
        .map(|q| q.label.as_str())
        .collect();
    let expected: Vec<String> = (1..=11).map(|n| format!("SEC{n:02}")).collect();
    assert_eq!(labels, expected);
    for q in &f.review.questions {
        let section = format!(
            r#"<details class="q risk-{}" id="q-{}" open>"#,
            risk_class(q.risk),
            q.label
        );
        assert!(doc.contains(&section), "{section}");
        assert!(
            doc.contains(&format!(r##"href="#q-{}""##, q.label)),
            "{} tile",
            q.label
        );
    }
    for q in &f.review.questions {
        for b in &q.best_practices {
            assert!(doc.contains(&format!(r#"id="bp-{}""#, b.id)), "{}", b.id);
        }
    }
    assert_eq!(doc.matches("<svg ").count(), 1);
    assert!(doc.contains(r#"<svg id="status-chart""#));
    assert!(doc.contains(r#"<title id="chart-title">Best practices by status</title>"#));
    for id in ["summary", "questions", "plan", "findings"] {
        assert!(
            doc.contains(&format!(r#"<section class="panel" id="{id}""#)),
            "{id}"
        );
    }
    // The risk of SEC08 (failing evidence) and the manual answers.
    let sec08 = between(&doc, r#"id="q-SEC08""#, "</details>\n<details");
    assert!(sec08.contains("not met"));
    assert!(doc.contains(r#"<details class="q risk-high" id="q-SEC08" open>"#));
    assert!(doc.contains("Manual answer <b>not applicable</b> by <span class=\"who\">alice</span> on 2024-05-03: no application code"));
    assert!(doc.contains("o&#39;brien &lt;b&gt;x&lt;/b&gt;"));
    // Findings, suppressed with reason, baselined, unknowns, input errors.
    assert!(doc.contains(r#"<table id="findings-table">"#));
    assert!(doc.contains("public website bucket, reviewed &quot;2024&quot;"));
    assert!(doc.contains("2 findings already in the baseline"));
    assert!(doc.contains("1 check could not be decided statically"));
    assert!(doc.contains("1 input error"));
    assert!(doc.contains(r#"href="broken%20%3Cx%3E.yaml#L4">broken &lt;x&gt;.yaml:4:7</a>"#));
    assert!(doc.contains("1 finding (1 high), 1 passed, 1 unknown in 3 resources from 2 files; 1 suppressed; 2 baselined; 1 input error"));
}

#[test]
fn improvement_plan_keeps_the_review_order() {
    let f = fixture();
    let doc = f.render();
    let plan = between(&doc, r#"<ol class="plan">"#, "</ol>");
    let in_doc: Vec<&str> = plan
        .split(r#"<li class="plan-item">"#)
        .skip(1)
        .map(|li| between(li, r##"<a class="mono" href="#bp-"##, "\""))
        .collect();
    let expected: Vec<&str> = f
        .review
        .improvement_plan
        .iter()
        .filter(|i| i.status == BpStatus::NotMet)
        .map(|i| i.best_practice.as_str())
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(in_doc, expected);
    assert!(plan.contains("<b>Fix:</b> Set BucketEncryption &amp; use &lt;KMS&gt;."));
    let pending = f
        .review
        .improvement_plan
        .iter()
        .filter(|i| i.status == BpStatus::Manual)
        .count();
    assert!(doc.contains(&format!("To answer in the answers file ({pending} manual)")));
}

#[test]
fn user_text_is_never_markup() {
    let doc = fixture().render();
    // Our own elements, once each; nothing from the inputs opens another.
    assert_eq!(doc.matches("<script").count(), 1);
    assert_eq!(doc.matches("</script>").count(), 1);
    assert_eq!(doc.matches("<style").count(), 1);
    assert_eq!(doc.matches("</style>").count(), 1);
    assert!(!doc.contains("<img"));
    assert!(!doc.contains("alert(1)</"));
    assert!(doc.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(doc.contains("Bucket&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
    assert!(doc.contains("&lt;/style&gt;&lt;script&gt;alert(3)&lt;/script&gt;"));
    assert!(
        doc.contains(r#"href="stacks/evil%3C/style%3E%3Cscript%3Ex%28%29%3C/script%3E.yaml#L12""#)
    );
}

#[test]
fn csp_allows_exactly_the_inline_style_and_script() {
    let doc = fixture().render();
    let policy = between(
        &doc,
        r#"<meta http-equiv="Content-Security-Policy" content=""#,
        "\">",
    );
    assert!(policy.starts_with("default-src &#39;none&#39;; "));
    assert!(!policy.contains("unsafe"));
    assert!(policy.contains("img-src data:"));
    let css = between(&doc, "<style>", "</style>");
    let js = between(&doc, "<script>", "</script>");
    assert_eq!(css, CSS);
    assert_eq!(js, JS);
    assert!(policy.contains(&escape(&format!("style-src {}", hash_source(css)))));
    assert!(policy.contains(&escape(&format!("script-src {}", hash_source(js)))));
    // Nothing is loaded: no `src` attribute, no event handler attribute, no CSS fetch.
    let attrs = attribute_names(&doc);
    assert!(attrs.contains(&"href".to_string()));
    assert!(
        !attrs.iter().any(|a| a == "src" || a.starts_with("on")),
        "{attrs:?}"
    );
    assert!(!css.contains("url(") && !css.contains("@import"));
}

/// The attribute names of every tag outside `<style>` and `<script>`.
fn attribute_names(doc: &str) -> Vec<String> {
    let mut names = Vec::new();
    let outside = format!(
        "{}{}{}",
        &doc[..doc.find("<style>").unwrap()],
        between(doc, "</style>", "<script>"),
        &doc[doc.rfind("</script>").unwrap()..]
    );
    for tag in outside.split('<').skip(1) {
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        let mut rest = tag.split_once(char::is_whitespace).map_or("", |t| t.1);
        // Attributes: name, optionally ="value" (values never hold a raw quote).
        while let Some(start) = rest.find(|c: char| c.is_ascii_alphabetic()) {
            rest = &rest[start..];
            let end = rest
                .find(|c: char| c == '=' || c.is_whitespace())
                .unwrap_or(rest.len());
            names.push(rest[..end].to_ascii_lowercase());
            rest = &rest[end..];
            if let Some(v) = rest.strip_prefix("=\"") {
                rest = &v[v.find('"').map_or(v.len(), |i| i + 1)..];
            }
        }
    }
    names.sort();
    names.dedup();
    names
}

#[test]
fn chart_is_well_formed_svg_with_every_question() {
    let f = fixture();
    let doc = f.render();
    let svg = format!("<svg {}</svg>", between(&doc, "<svg ", "</svg>"));
    let xml = roxmltree::Document::parse(&svg).expect("the chart is well-formed XML");
    let root = xml.root_element();
    assert_eq!(root.attribute("role"), Some("img"));
    let desc = root
        .children()
        .find(|n| n.has_tag_name("desc"))
        .and_then(|n| n.text())
        .unwrap();
    for q in &f.review.questions {
        assert!(desc.contains(&format!("{} ({} risk)", q.label, q.risk.as_str())));
    }
    let total = f.review.counts.total();
    assert!(desc.starts_with(&format!("All {total} best practices: ")));
    // One segment per non-zero status, per question and overall.
    let segments = xml
        .descendants()
        .filter(|n| {
            n.has_tag_name("rect")
                && n.attribute("class").is_some_and(|c| c.starts_with("s-"))
                && n.attribute("y") != Some("2")
        })
        .count();
    let expected: usize = f
        .review
        .questions
        .iter()
        .map(|q| &q.counts)
        .chain(std::iter::once(&f.review.counts))
        .map(|c| BpStatus::ALL.iter().filter(|s| c.get(**s) > 0).count())
        .sum();
    assert_eq!(segments, expected);
}

#[test]
fn output_is_deterministic_and_handles_an_empty_scan() {
    let f = fixture();
    assert_eq!(f.render(), f.render());
    let review = assess(&Lens::builtin(), &[], &[], None);
    let empty = ScanView {
        findings: &[],
        results: &[],
        errors: &[],
        suppressed: &[],
        baselined: &[],
        files_scanned: 0,
        resources: 0,
        fail_on: Severity::High,
        include_passed: false,
    };
    let mut buf = Vec::new();
    render_html(&review, &empty, &mut buf).unwrap();
    let doc = String::from_utf8(buf).unwrap();
    assert!(doc.contains(r#"<p class="empty">No findings.</p>"#));
    assert!(doc.contains("No best practice is known to be unmet."));
    assert!(doc.contains(r#"<svg id="status-chart""#));
}
