//! The control fixtures: `crates/wasp-controls/fixtures/<control-name>/`.
//!
//! Each control directory holds, in both CloudFormation (`*.yaml`) and Terraform (a directory
//! holding `*.tf`, since a directory is a module) form:
//! - `fail_*`: must raise at least one Fail of that control;
//! - `pass_*`: must raise no Fail of that control, at least one Pass and no Unknown;
//! - `skip_*` (optional): the control must not apply at all (no result of it).
//!
//! Every fixture is scanned on its own with [`wasp_engine::scan`]; a scan must have no input
//! errors. Every control in the registry must have a `fail_` and a `pass_` fixture in both
//! formats. All problems are collected and reported in one assertion.
//!
//! Every result of the control on its fixtures (status, position, resource, message) is
//! snapshotted, one snapshot per control (`snapshots/fixtures__<control-name>.snap`), so a
//! change of message or position shows in review. Snapshots of no control are rejected.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use wasp_core::Status;
use wasp_engine::{scan, ScanOptions};

/// Fixtures that are right but expose a bug in a loader or a control: skipped, and printed.
/// Paths are relative to the fixtures directory. When the bug is fixed the test says so, so
/// the entry is removed.
const KNOWN_ISSUES: &[(&str, &str)] = &[];

/// Controls whose resource exists in one source format only (control name, why): their fixtures
/// are required in the formats they have, and at least one format.
const SINGLE_FORMAT: &[(&str, &str)] = &[
    (
        "iam-password-policy-min-length",
        "CloudFormation has no resource type for the account password policy",
    ),
    (
        "iam-password-policy-reuse",
        "CloudFormation has no resource type for the account password policy",
    ),
    (
        "iam-password-policy-complexity",
        "CloudFormation has no resource type for the account password policy",
    ),
    (
        "iam-password-policy-expiry",
        "CloudFormation has no resource type for the account password policy",
    ),
    (
        "default-security-group-has-rules",
        "CloudFormation cannot declare or manage a VPC's default security group",
    ),
    (
        "ssm-document-public",
        "AWS::SSM::Document has no sharing property: CloudFormation cannot share a document",
    ),
    (
        "s3-bucket-mfa-delete-disabled",
        "AWS::S3::Bucket cannot set MFA delete: only the root user can, through the S3 API",
    ),
    (
        "ebs-snapshot-unencrypted",
        "CloudFormation has no resource type for EBS snapshots",
    ),
    (
        "ebs-default-encryption-disabled",
        "CloudFormation has no resource type for the account's EBS encryption by default",
    ),
];

/// What a fixture asserts, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Fail,
    Pass,
    Skip,
}

/// Source format of a fixture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Format {
    CloudFormation,
    Terraform,
}

struct Fixture {
    /// Relative to the fixtures directory, with `/` separators.
    rel: String,
    path: PathBuf,
    expect: Expect,
    format: Format,
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../wasp-controls/fixtures")
}

fn sorted_entries(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    v.sort();
    Ok(v)
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Classifies one entry of a control directory; `Err` says why it is not a fixture.
fn classify(control: &str, path: &Path) -> Result<Fixture, String> {
    let name = file_name(path);
    let expect = if name.starts_with("fail_") {
        Expect::Fail
    } else if name.starts_with("pass_") {
        Expect::Pass
    } else if name.starts_with("skip_") {
        Expect::Skip
    } else {
        return Err("name does not start with fail_, pass_ or skip_".into());
    };
    let format = if path.is_dir() {
        let has_tf = sorted_entries(path)
            .map_err(|e| format!("cannot read directory: {e}"))?
            .iter()
            .any(|p| {
                let n = file_name(p);
                p.is_file() && (n.ends_with(".tf") || n.ends_with(".tf.json"))
            });
        if !has_tf {
            return Err("directory holds no .tf or .tf.json file".into());
        }
        Format::Terraform
    } else if [".yaml", ".yml", ".json"].iter().any(|e| name.ends_with(e)) {
        Format::CloudFormation
    } else {
        return Err(
            "neither a CloudFormation file (.yaml, .yml, .json) nor a directory of .tf files"
                .into(),
        );
    };
    Ok(Fixture {
        rel: format!("{control}/{name}"),
        path: path.to_path_buf(),
        expect,
        format,
    })
}

/// Scans one fixture and returns what is wrong with it (empty when it behaves), and the
/// control's results on it as snapshot lines.
fn check(fx: &Fixture, control_id: &str) -> (Vec<String>, String) {
    let report = scan(std::slice::from_ref(&fx.path), &ScanOptions::default());
    let mut problems = Vec::new();
    for e in &report.errors {
        problems.push(format!("input error: {e:?}"));
    }
    if report.files_scanned == 0 || report.resources == 0 {
        problems.push(format!(
            "nothing was loaded ({} files, {} resources)",
            report.files_scanned, report.resources
        ));
    }
    let mine: Vec<_> = report
        .results
        .iter()
        .filter(|r| r.control_id == control_id)
        .collect();
    let root = fixtures_dir();
    let mut lines = String::new();
    for r in &mine {
        let at = match r.location.file() {
            Some(f) => format!(
                "{}:{}:{}",
                f.strip_prefix(&root)
                    .unwrap_or(f)
                    .to_string_lossy()
                    .replace('\\', "/"),
                r.location.line(),
                r.location.column()
            ),
            None => r.location.to_string(),
        };
        let _ = writeln!(
            lines,
            "{:?} {at} {}{}",
            r.status,
            r.resource.address,
            if r.message.is_empty() {
                String::new()
            } else {
                format!(": {}", r.message)
            }
        );
    }
    let count = |s: Status| mine.iter().filter(|r| r.status == s).count();
    let (fails, passes, unknowns) = (
        count(Status::Fail),
        count(Status::Pass),
        count(Status::Unknown),
    );
    let describe = || {
        mine.iter()
            .map(|r| {
                format!(
                    "{:?} {} {}",
                    r.status,
                    r.resource.address,
                    if r.message.is_empty() {
                        String::new()
                    } else {
                        format!("({})", r.message)
                    }
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    match fx.expect {
        Expect::Fail if fails == 0 => problems.push(format!(
            "expected a Fail of {control_id}, got: [{}]",
            describe()
        )),
        Expect::Pass if fails > 0 || unknowns > 0 || passes == 0 => problems.push(format!(
            "expected only Pass of {control_id}, got: [{}]",
            describe()
        )),
        Expect::Skip if !mine.is_empty() => problems.push(format!(
            "expected {control_id} not to apply, got: [{}]",
            describe()
        )),
        _ => {}
    }
    (problems, lines)
}

#[test]
fn control_fixtures() {
    let root = fixtures_dir();
    let mut problems: Vec<String> = Vec::new();
    // Control name -> (format, expect) -> count.
    let mut coverage: BTreeMap<&str, BTreeMap<(Format, &str), usize>> = BTreeMap::new();
    let mut known_seen: Vec<&str> = Vec::new();
    let mut checked = 0usize;
    // Control name -> the snapshot of its results on its fixtures.
    let mut snapshots: BTreeMap<String, String> = BTreeMap::new();

    let dirs =
        sorted_entries(&root).unwrap_or_else(|e| panic!("cannot read {}: {e}", root.display()));
    for dir in dirs {
        let control_name = file_name(&dir);
        if !dir.is_dir() {
            problems.push(format!("{control_name}: not a control directory"));
            continue;
        }
        let Some(control) =
            wasp_controls::find(&control_name).filter(|c| c.meta.name == control_name)
        else {
            problems.push(format!(
                "{control_name}/: no control in the registry has this name"
            ));
            continue;
        };
        let entries = match sorted_entries(&dir) {
            Ok(e) => e,
            Err(e) => {
                problems.push(format!("{control_name}/: cannot read: {e}"));
                continue;
            }
        };
        for entry in entries {
            let fx = match classify(&control_name, &entry) {
                Ok(fx) => fx,
                Err(why) => {
                    problems.push(format!("{control_name}/{}: {why}", file_name(&entry)));
                    continue;
                }
            };
            let label = match fx.expect {
                Expect::Fail => "fail_",
                Expect::Pass => "pass_",
                Expect::Skip => "skip_",
            };
            *coverage
                .entry(&*control.meta.name)
                .or_default()
                .entry((fx.format, label))
                .or_default() += 1;
            let (found, lines) = check(&fx, &control.meta.id);
            let snap = snapshots.entry(control_name.clone()).or_default();
            let _ = writeln!(snap, "# {}\n{lines}", fx.rel);
            checked += 1;
            if let Some((k, why)) = KNOWN_ISSUES.iter().find(|(k, _)| *k == fx.rel) {
                known_seen.push(k);
                if found.is_empty() {
                    problems.push(format!(
                        "{}: listed in KNOWN_ISSUES ({why}) but now behaves; remove the entry",
                        fx.rel
                    ));
                } else {
                    println!("known issue, skipped: {}: {why}", fx.rel);
                    for p in &found {
                        println!("    {p}");
                    }
                }
                continue;
            }
            for p in found {
                problems.push(format!("{}: {p}", fx.rel));
            }
        }
    }

    for (name, _) in SINGLE_FORMAT {
        if !wasp_controls::REGISTRY.iter().any(|c| c.meta.name == *name) {
            problems.push(format!(
                "SINGLE_FORMAT lists `{name}`, which is not a control"
            ));
        }
    }

    for (k, _) in KNOWN_ISSUES {
        if !known_seen.contains(k) {
            problems.push(format!("KNOWN_ISSUES lists `{k}`, which is not a fixture"));
        }
    }

    for c in wasp_controls::REGISTRY {
        let have = coverage.get(&*c.meta.name);
        let single = SINGLE_FORMAT.iter().any(|(n, _)| *n == c.meta.name);
        let has_format = |format: Format| have.is_some_and(|h| h.keys().any(|(f, _)| *f == format));
        if single && !has_format(Format::CloudFormation) && !has_format(Format::Terraform) {
            problems.push(format!("{} ({}): no fixtures", c.meta.name, c.meta.id));
        }
        for format in [Format::CloudFormation, Format::Terraform] {
            if single && !has_format(format) {
                continue;
            }
            for label in ["fail_", "pass_"] {
                if have.and_then(|h| h.get(&(format, label))).is_none() {
                    let what = match format {
                        Format::CloudFormation => "`.yaml` file",
                        Format::Terraform => "directory with a `.tf` file",
                    };
                    problems.push(format!(
                        "{} ({}): no {label}* {what}",
                        c.meta.name, c.meta.id
                    ));
                }
            }
        }
    }

    let mut summary = String::new();
    for (name, counts) in &coverage {
        let total: usize = counts.values().sum();
        let detail: Vec<String> = counts
            .iter()
            .map(|((f, l), n)| format!("{f:?} {l}{n}"))
            .collect();
        let _ = writeln!(summary, "{name}: {total} ({})", detail.join(", "));
    }
    println!("{checked} fixtures checked\n{summary}");

    assert!(
        problems.is_empty(),
        "{} fixture problem(s):\n  {}",
        problems.len(),
        problems.join("\n  ")
    );

    // No snapshot outlives its control.
    let snap_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let stale: Vec<String> = sorted_entries(&snap_dir)
        .unwrap_or_default()
        .iter()
        .map(|p| file_name(p))
        .filter_map(|n| {
            let control = n.strip_prefix("fixtures__")?.strip_suffix(".snap")?;
            (!snapshots.contains_key(control)).then_some(n)
        })
        .collect();
    assert!(stale.is_empty(), "snapshots of no control: {stale:?}");
    for (control, text) in &snapshots {
        insta::assert_snapshot!(control.as_str(), text);
    }
}
