//! `wasp iam eval` and `wasp iam analyze` end to end.

use assert_cmd::Command;

fn run(args: &[&str]) -> (String, String, i32) {
    let out = Command::cargo_bin("wasp")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap(),
    )
}

#[path = "../../wasp-core/tests/support/corpus.rs"]
mod support;

fn managed(name: &str) -> Option<String> {
    let p = support::corpus("aws-managed-policies")?.join(name);
    p.exists().then(|| p.display().to_string())
}

#[test]
fn eval_explains_allow_and_implicit_deny() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.json");
    std::fs::write(
        &p,
        r#"{"Version":"2012-10-17","Statement":[{"Sid":"TlsOnly","Effect":"Allow","Action":"s3:Get*","Resource":"arn:aws:s3:::data/*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}"#,
    )
    .unwrap();
    let p = p.display().to_string();
    let base = [
        "iam",
        "eval",
        "--policy",
        &p,
        "--action",
        "s3:GetObject",
        "--resource",
        "arn:aws:s3:::data/report.csv",
        "--principal",
        "arn:aws:iam::111122223333:user/alice",
    ];
    let mut with_tls = base.to_vec();
    with_tls.extend(["--context", "aws:SecureTransport=true"]);
    let (out, _, code) = run(&with_tls);
    assert_eq!(code, 0);
    assert!(out.starts_with("ALLOW"), "{out}");
    assert!(out.contains("Statement[0]"), "{out}");
    let (out, _, _) = run(&base);
    assert!(
        out.starts_with("DENY (implicit)"),
        "without TLS the condition fails: {out}"
    );
}

#[test]
fn analyze_flags_escalation_and_admin_in_managed_policies() {
    let (Some(iam_full), Some(admin), Some(read_only)) = (
        managed("IAMFullAccess"),
        managed("AdministratorAccess"),
        managed("ReadOnlyAccess"),
    ) else {
        return;
    };
    let (out, _, code) = run(&["iam", "analyze", &iam_full]);
    assert_eq!(code, 1, "high findings");
    assert!(
        out.contains("privilege escalation method CreateNewPolicyVersion"),
        "{out}"
    );
    let (out, _, _) = run(&["iam", "analyze", "--format", "json", &admin]);
    assert!(out.contains("admin"), "{out}");
    let (out, _, _) = run(&["iam", "analyze", &read_only]);
    assert!(!out.contains("privilege escalation"), "{out}");
}

#[test]
fn malformed_policy_is_an_input_error_with_its_json_path() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.json");
    std::fs::write(
        &p,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":"oops"}}]}"#,
    )
    .unwrap();
    let (out, err, code) = run(&["iam", "analyze", &p.display().to_string()]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        format!("{out}{err}").contains("Statement[1].Condition.StringEquals"),
        "{out}{err}"
    );
}
