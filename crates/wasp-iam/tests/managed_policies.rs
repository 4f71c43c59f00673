//! Every AWS managed policy of the shared corpus parses and analyzes; known policies get the
//! expected verdicts.

use std::path::{Path, PathBuf};

use wasp_iam::analyze::{analyze_policy, Finding, Options};
use wasp_iam::authz_details::{load_value, Input, NamedPolicy};

#[path = "../../wasp-core/tests/support/corpus.rs"]
mod support;

fn corpus() -> Option<Vec<PathBuf>> {
    let dir = support::corpus("aws-managed-policies")?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "SOURCE"))
        .collect();
    files.sort();
    Some(files)
}

fn try_load(path: &Path) -> Result<NamedPolicy, String> {
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let v = wasp_iam::parse::parse_json(&text).map_err(|e| format!("{name}: {e}"))?;
    match load_value(&name, &v, None).map_err(|e| format!("{name}: {e}"))? {
        Input::Policy(p) => Ok(p),
        Input::Authorization(_) => Err(format!("{name}: unexpected shape")),
    }
}

fn load(path: &Path) -> NamedPolicy {
    try_load(path).unwrap_or_else(|e| panic!("{e}"))
}

fn analyze(name: &str) -> Option<Vec<Finding>> {
    let path = support::corpus("aws-managed-policies")?.join(name);
    assert!(path.is_file(), "the corpus has no {}", path.display());
    Some(analyze_policy(&load(&path), &Options::default()))
}

fn rules(f: &[Finding]) -> Vec<&str> {
    f.iter().map(|f| f.rule.as_str()).collect()
}

#[test]
fn whole_corpus_parses_and_analyzes() {
    let Some(files) = corpus() else { return };
    assert!(files.len() > 1000, "{} files", files.len());
    let mut errors = 0;
    let mut analyzed = 0;
    for f in &files {
        let p = match try_load(f) {
            Ok(p) => p,
            Err(e) => {
                // The corpus holds a few empty files: they must fail cleanly, not panic.
                assert_eq!(std::fs::metadata(f).unwrap().len(), 0, "{e}");
                eprintln!("note: input error (expected for an empty file): {e}");
                continue;
            }
        };
        analyzed += 1;
        for i in &p.policy.issues {
            if i.error {
                errors += 1;
                eprintln!("{}: {}: {}", p.name, i.path, i.message);
            }
        }
        let _ = analyze_policy(&p, &Options::default());
    }
    assert_eq!(
        errors, 0,
        "AWS managed policies break no AWS validation rule"
    );
    assert!(analyzed + 5 > files.len(), "{analyzed} of {}", files.len());
}

#[test]
fn administrator_access_is_admin_equivalent() {
    let Some(f) = analyze("AdministratorAccess") else {
        return;
    };
    assert!(rules(&f).contains(&"admin-equivalent"), "{:?}", rules(&f));
}

#[test]
fn read_only_policies_do_not_escalate() {
    for name in ["ReadOnlyAccess", "SecurityAudit", "ViewOnlyAccess"] {
        let Some(f) = analyze(name) else { continue };
        let esc: Vec<_> = f
            .iter()
            .filter(|f| f.rule == "privilege-escalation")
            .map(|f| &f.message)
            .collect();
        assert!(esc.is_empty(), "{name}: {esc:?}");
        assert!(!rules(&f).contains(&"admin-equivalent"), "{name}");
    }
}

#[test]
fn iam_full_access_escalates() {
    let Some(f) = analyze("IAMFullAccess") else {
        return;
    };
    let esc: Vec<_> = f
        .iter()
        .filter(|f| f.rule == "privilege-escalation")
        .map(|f| f.message.as_str())
        .collect();
    assert!(
        esc.iter().any(|m| m.contains("AttachUserPolicy")),
        "{esc:?}"
    );
    assert!(
        esc.iter().any(|m| m.contains("CreateNewPolicyVersion")),
        "{esc:?}"
    );
    assert!(!rules(&f).contains(&"admin-equivalent"));
}

#[test]
fn power_user_is_not_admin_but_broad() {
    let Some(f) = analyze("PowerUserAccess") else {
        return;
    };
    let r = rules(&f);
    assert!(!r.contains(&"admin-equivalent"));
    assert!(r.contains(&"allow-with-not-action"));
    assert!(r.contains(&"privilege-escalation"));
}

/// Writes `escalation-managed-policies.txt`: every managed policy with an escalation method.
/// Run with `cargo test -p wasp-iam --test managed_policies -- --ignored`.
#[test]
#[ignore]
fn write_escalation_list() {
    let Some(files) = corpus() else { return };
    let mut lines = Vec::new();
    let mut unreadable = 0;
    for f in &files {
        let Ok(p) = try_load(f) else {
            unreadable += 1;
            continue;
        };
        let findings = analyze_policy(&p, &Options::default());
        let mut methods: Vec<String> = findings
            .iter()
            .filter(|f| f.rule == "privilege-escalation")
            .filter_map(|f| {
                f.message
                    .strip_prefix("privilege escalation method ")
                    .and_then(|m| m.split(':').next())
                    .map(str::to_string)
            })
            .collect();
        if findings.iter().any(|f| f.rule == "admin-equivalent") {
            methods.insert(0, "admin-equivalent".into());
        }
        if !methods.is_empty() {
            lines.push(format!("{}\t{}", p.name, methods.join(",")));
        }
    }
    let header = format!(
        "# AWS managed policies (shared/corpora/aws-managed-policies, {} files, {} unreadable) that allow a\n\
         # privilege-escalation method on their own; generated by\n\
         # `cargo test -p wasp-iam --test managed_policies -- --ignored write_escalation_list`.\n\
         # Format: policy<TAB>methods (admin-equivalent: allows every action on every resource).\n\
         # {} policies flagged.\n",
        files.len(),
        unreadable,
        lines.len()
    );
    let out = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/escalation-managed-policies.txt"
    );
    std::fs::write(out, header + &lines.join("\n") + "\n").unwrap();
}
