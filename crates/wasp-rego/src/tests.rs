use std::collections::BTreeSet;
use std::sync::Arc;

use wasp_core::Pos;
use wasp_model::{Bucket, Kind, SourceInfo, Value};

static TERRAFORM: SourceInfo = SourceInfo {
    name: "terraform",
    spelling: &[],
};

use super::*;

fn resource(address: &str, kind: Kind) -> Resource {
    let source_type = match kind.tag() {
        KindTag::Bucket => "aws_s3_bucket",
        KindTag::SecurityGroup => "aws_security_group",
        _ => "aws_thing",
    };
    Resource {
        address: address.into(),
        source_type: source_type.into(),
        source: &TERRAFORM,
        file: Arc::new(PathBuf::from("main.tf")),
        pos: Pos::new(1, 1),
        kind,
        refs: BTreeSet::new(),
        ids: vec![],
        ignores: vec![],
    }
}

fn bucket(address: &str, versioning: Value<bool>) -> Resource {
    resource(
        address,
        Kind::Bucket(Box::new(Bucket {
            versioning,
            ..Bucket::default()
        })),
    )
}

fn model() -> Model {
    Model::new(
        vec![
            bucket("aws_s3_bucket.on", Value::Known(true, Pos::new(2, 3))),
            bucket("aws_s3_bucket.off", Value::Known(false, Pos::new(2, 3))),
            bucket(
                "aws_s3_bucket.var",
                Value::Unknown("variable `v` has no value".into(), Pos::NONE),
            ),
            bucket("aws_s3_bucket.default", Value::Absent),
            resource(
                "aws_security_group.web",
                Kind::SecurityGroup(Box::default()),
            ),
        ],
        vec![],
    )
}

const VERSIONING: &str = r#"# METADATA
# title: Buckets must keep object versions
# description: Versioning lets you recover from deletion.
# custom:
#   id: ACME-S3-001
#   severity: high
#   best_practices: [SEC10-BP01]
#   remediation: Turn versioning on.
#   kinds: [bucket]
package acme.s3_versioning

deny contains msg if {
    input.versioning == false
    msg := sprintf("bucket %s has versioning suspended", [input.address])
}

deny contains msg if {
    input.versioning == null
    msg := "versioning is not configured"
}

unknown contains input.versioning.unknown
"#;

/// A built-in control the policies' ids and names must not take.
static BUILTIN: Meta = wasp_control::meta! {
    id: "WASP-S3-004",
    name: "s3-bucket-versioning-disabled",
    title: "S3 bucket versioning is not enabled",
    severity: wasp_core::Severity::Medium,
    area: wasp_control::Area::DataAtRest,
    best_practices: &["SEC10-BP01"],
    references: &[],
    remediation: "Enable versioning.",
    doc: "",
};

fn set(policies: &[(&str, &str)]) -> Result<PolicySet, LoadError> {
    PolicySet::from_sources(
        policies
            .iter()
            .map(|(p, t)| (PathBuf::from(p), t.to_string()))
            .collect(),
        &[&BUILTIN],
    )
}

/// (address, outcome) of every evaluation, in order.
fn outcomes(set: &PolicySet, model: &Model) -> Vec<(String, Outcome)> {
    set.evaluate(model)
        .into_iter()
        .map(|e| (model.resources[e.subject].address.clone(), e.outcome))
        .collect()
}

fn fail(m: &str) -> Outcome {
    Outcome::Fail {
        message: m.into(),
        pos: None,
    }
}

#[test]
fn metadata_becomes_the_control() {
    let s = set(&[("p/versioning.rego", VERSIONING)]).unwrap();
    let c = &s.controls()[0];
    let m = &c.meta;
    assert_eq!(m.id, "ACME-S3-001");
    assert_eq!(m.name, "s3-versioning");
    assert_eq!(m.title, "Buckets must keep object versions");
    assert_eq!(m.severity, wasp_core::Severity::High);
    assert_eq!(m.best_practices.to_vec(), ["SEC10-BP01"]);
    assert_eq!(c.package, "data.acme.s3_versioning");
    assert_eq!(c.line, 1);
    assert!(c.has_unknown);
    assert_eq!(s.find("acme-s3-001").map(|c| &c.meta.id), Some(&m.id));
    assert_eq!(s.find("s3-versioning").map(|c| &c.meta.id), Some(&m.id));
    assert_eq!(s.metas()[0].remediation, "Turn versioning on.");
    assert!(c.meta.doc.contains("Versioning lets you recover"));
    assert!(c.meta.doc.contains("p/versioning.rego:1"));
}

#[test]
fn deny_fails_pass_passes_unknown_stays_unknown() {
    let s = set(&[("versioning.rego", VERSIONING)]).unwrap();
    let got = outcomes(&s, &model());
    assert_eq!(
        got,
        vec![
            ("aws_s3_bucket.on".to_string(), Outcome::Pass),
            (
                "aws_s3_bucket.off".to_string(),
                fail("bucket aws_s3_bucket.off has versioning suspended")
            ),
            (
                "aws_s3_bucket.var".to_string(),
                Outcome::Unknown {
                    reason: "variable `v` has no value".into(),
                    pos: None
                }
            ),
            (
                "aws_s3_bucket.default".to_string(),
                fail("versioning is not configured")
            ),
        ],
        "the security group is not a bucket: not evaluated"
    );
}

#[test]
fn each_message_is_a_failure_and_objects_carry_msg() {
    let p = r#"# METADATA
# title: Two reasons
# custom:
#   id: ACME-2
#   severity: low
#   resource_types: [aws_security_group]
package acme.two

deny contains {"msg": "first"} if true
deny contains "second" if count(data.wasp.resources) == 5
"#;
    let s = set(&[("two.rego", p)]).unwrap();
    let got = outcomes(&s, &model());
    assert_eq!(
        got,
        vec![
            ("aws_security_group.web".to_string(), fail("second")),
            ("aws_security_group.web".to_string(), fail("first")),
        ]
    );
}

#[test]
fn the_whole_model_is_in_data() {
    let p = r#"# METADATA
# title: At most one bucket without versioning per module
# custom:
#   id: ACME-3
#   severity: medium
#   kinds: [security_group]
package acme.model

deny contains sprintf("%d buckets of %d resources are versioned", [count(on), count(data.wasp.resources)]) if {
    on := [r | some r in data.wasp.resources; r.kind == "bucket"; r.versioning == true]
}
"#;
    let s = set(&[("m.rego", p)]).unwrap();
    assert_eq!(
        outcomes(&s, &model()),
        vec![(
            "aws_security_group.web".to_string(),
            fail("1 buckets of 5 resources are versioned")
        )]
    );
}

#[test]
fn libraries_are_loaded_and_imported() {
    let lib = "package acme.lib\n\nis_off(v) if v == false\n";
    let p = r#"# METADATA
# title: t
# custom:
#   id: ACME-4
#   severity: low
#   kinds: [bucket]
package acme.uses_lib

import data.acme.lib

deny contains "off" if lib.is_off(input.versioning)
"#;
    let s = set(&[("lib.rego", lib), ("p.rego", p)]).unwrap();
    assert_eq!(s.controls().len(), 1);
    let fails = outcomes(&s, &model())
        .into_iter()
        .filter(|(_, o)| matches!(o, Outcome::Fail { .. }))
        .count();
    assert_eq!(fails, 1);
}

#[test]
fn runtime_errors_make_the_result_unknown_and_the_rest_goes_on() {
    // Two values for one complete rule: an evaluation error, only where input.versioning is
    // known (the conflict needs both bodies to hold).
    let p = r#"# METADATA
# title: t
# custom:
#   id: ACME-5
#   severity: low
#   kinds: [bucket]
package acme.conflict

x := 1 if is_boolean(input.versioning)
x := 2 if is_boolean(input.versioning)

deny contains "never" if x == 3
"#;
    let s = set(&[("conflict.rego", p), ("versioning.rego", VERSIONING)]).unwrap();
    let got = s.evaluate(&model());
    let conflict: Vec<&Verdict> = got.iter().filter(|e| e.control == 0).collect();
    assert_eq!(conflict.len(), 4);
    let unknown = |e: &Verdict| match &e.outcome {
        Outcome::Unknown { reason, .. } => Some(reason.clone()),
        _ => None,
    };
    let reason = unknown(conflict[0]).expect("known value → conflict → unknown");
    assert!(
        reason.starts_with("custom control failed: conflict.rego:"),
        "{reason}"
    );
    assert_eq!(unknown(conflict[1]).map(|_| ()), Some(()));
    assert_eq!(conflict[3].outcome, Outcome::Pass, "absent: no conflict");
    // The other control still ran on every bucket.
    assert_eq!(got.iter().filter(|e| e.control == 1).count(), 4);
}

#[test]
fn runaway_policies_are_stopped_by_the_time_limit() {
    let p = r#"# METADATA
# title: t
# custom:
#   id: ACME-6
#   severity: low
#   resource_types: [aws_security_group]
package acme.slow

deny contains "x" if {
    some i in numbers.range(1, 3000)
    some j in numbers.range(1, 3000)
    i * j == -1
}
"#;
    let mut s = set(&[("slow.rego", p)]).unwrap();
    s.set_time_limit(Duration::from_millis(50));
    let start = std::time::Instant::now();
    let got = outcomes(&s, &model());
    assert!(start.elapsed() < Duration::from_secs(20));
    match &got[0].1 {
        Outcome::Unknown { reason, .. } => assert!(reason.contains("time limit"), "{reason}"),
        o => panic!("expected unknown, got {o:?}"),
    }
}

fn load_error(policies: &[(&str, &str)]) -> LoadError {
    set(policies).unwrap_err()
}

#[test]
fn syntax_errors_point_at_file_line_column() {
    let p = "# METADATA\n# title: t\n# custom:\n#   id: A-1\n#   severity: low\npackage a\n\ndeny contains \"x\" if {\n    input.versioning ==\n}\n";
    let e = load_error(&[("policies/broken.rego", p)]);
    assert_eq!(e.errors.len(), 1);
    let err = &e.errors[0];
    assert_eq!(err.file, PathBuf::from("policies/broken.rego"));
    assert!(err.line >= 9, "{err}");
    assert!(err.col > 0, "{err}");
    assert!(
        err.to_string().starts_with("policies/broken.rego:"),
        "{err}"
    );
}

#[test]
fn metadata_errors_point_at_the_annotation() {
    let p = "package a\n\ndeny contains \"x\" if true\n";
    let e = load_error(&[("nometa.rego", p)]);
    assert_eq!(e.errors[0].line, 1);
    assert!(e.errors[0].message.contains("# METADATA"), "{e}");

    let p = "\n# METADATA\n# title: t\n# custom:\n#   id: A-1\n#   severity: severe\npackage a\n\ndeny contains \"x\" if true\n";
    let e = load_error(&[("sev.rego", p)]);
    assert_eq!(e.to_string().lines().count(), 1);
    assert!(
        e.to_string()
            .starts_with("sev.rego:2: unknown severity `severe`"),
        "{e}"
    );

    let p = "# METADATA\n# title: t\n# custom:\n#   id: A-1\n#   severity: low\npackage a\n\nallow if true\n";
    let e = load_error(&[("nodeny.rego", p)]);
    assert!(e.errors[0].message.contains("no `deny` rule"), "{e}");
}

#[test]
fn duplicate_and_reserved_ids_are_errors() {
    let a = VERSIONING;
    let b = VERSIONING.replace("package acme.s3_versioning", "package acme.other");
    let e = load_error(&[("a.rego", a), ("b.rego", &b)]);
    assert_eq!(e.errors.len(), 1, "{e}");
    assert!(
        e.to_string().starts_with(
            "b.rego:1: `ACME-S3-001` is already the id or name of the control in a.rego:1"
        ),
        "{e}"
    );

    let c = VERSIONING.replace("ACME-S3-001", "ACME-S3-009").replace(
        "#   severity",
        "#   name: s3-bucket-versioning-disabled\n#   severity",
    );
    let e = load_error(&[("c.rego", &c)]);
    assert!(
        e.to_string().contains(
            "`s3-bucket-versioning-disabled` is already the name of built-in control WASP-S3-004"
        ),
        "{e}"
    );

    let d = VERSIONING.replace("ACME-S3-001", "wasp-s3-001");
    let e = load_error(&[("d.rego", &d)]);
    assert!(e.to_string().contains("reserved"), "{e}");

    let f = VERSIONING.replace("ACME-S3-001", "ACME-S3-010");
    let e = load_error(&[("a.rego", VERSIONING), ("f.rego", &f)]);
    assert!(
        e.to_string().contains("each control needs its own package"),
        "{e}"
    );

    let g = VERSIONING.replace("package acme.s3_versioning", "package wasp.mine");
    let e = load_error(&[("g.rego", &g)]);
    assert!(e.to_string().contains("reserved"), "{e}");
}

/// Rego forbids recursion. A rule that depends on itself is caught while evaluating (the
/// result is unknown, with the place); a function that calls itself would exhaust the stack,
/// so it is rejected at load time.
#[test]
fn recursion_never_overflows_the_stack() {
    let p = "# METADATA\n# title: t\n# custom:\n#   id: A-1\n#   severity: low\npackage a\n\nr if s\ns if r\n\ndeny contains \"x\" if r\n";
    let s = set(&[("rec.rego", p)]).unwrap();
    let got = outcomes(&s, &model());
    assert_eq!(got.len(), 5);
    for (_, o) in got {
        match o {
            Outcome::Unknown { reason, .. } => {
                assert!(reason.contains("rec.rego:8"), "{reason}");
                assert!(reason.contains("recursion"), "{reason}");
            }
            o => panic!("expected unknown, got {o:?}"),
        }
    }

    let head = "# METADATA\n# title: t\n# custom:\n#   id: A-2\n#   severity: low\npackage b\n\n";
    let direct = format!("{head}f(x) := f(x + 1)\n\ndeny contains \"x\" if f(1)\n");
    let e = load_error(&[("fun.rego", &direct)]);
    assert!(
        e.to_string()
            .starts_with("fun.rego:8:1: function `b.f` is recursive (b.f → b.f)"),
        "{e}"
    );

    // Mutual, through an import and an alias.
    let lib = "package lib\n\nimport data.b as caller\n\ng(x) := caller.h(x)\n";
    let mutual =
        format!("{head}import data.lib\n\nh(x) := lib.g(x)\n\ndeny contains \"x\" if h(1)\n");
    let e = load_error(&[("lib.rego", lib), ("mutual.rego", &mutual)]);
    assert!(e.to_string().contains("is recursive"), "{e}");

    // A wrapper with the name of the function it calls in another package is no recursion.
    let lib = "package lib\n\ncheck(x) := x == false\n";
    let wrapper = format!("{head}import data.lib\n\ncheck(x) := lib.check(x)\n\ndeny contains \"x\" if check(input.versioning)\n");
    let s = set(&[("lib.rego", lib), ("wrapper.rego", &wrapper)]).unwrap();
    let fails = outcomes(&s, &model())
        .into_iter()
        .filter(|(_, o)| matches!(o, Outcome::Fail { .. }))
        .count();
    assert_eq!(fails, 1);
}

#[test]
fn files_and_directories_are_walked() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("s3");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(sub.join("versioning.rego"), VERSIONING).unwrap();
    std::fs::write(sub.join("versioning_test.rego"), "package x\n").unwrap();
    std::fs::write(sub.join("notes.md"), "# no\n").unwrap();
    let s = PolicySet::load(&[dir.path().to_path_buf()], &[]).unwrap();
    assert_eq!(s.controls().len(), 1);
    assert_eq!(s.controls()[0].file, sub.join("versioning.rego"));
    let e = PolicySet::load(&[dir.path().join("missing")], &[]).unwrap_err();
    assert!(e.to_string().contains("no such policy file"), "{e}");
}

#[test]
fn policy_sets_are_shared_across_threads() {
    fn assert_sync<T: Send + Sync>() {}
    assert_sync::<PolicySet>();
}
