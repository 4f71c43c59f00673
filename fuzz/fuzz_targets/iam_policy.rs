//! IAM policies: JSON → the policy parser (identity and resource kinds) → validation and lint
//! → evaluation of requests built from the policy's own actions and resources → the analyses
//! (`load_value` also recognizes managed-policy versions and authorization details).
//!
//! Checked beyond "no panic": a policy without an `Allow` statement never allows; adding the
//! policy as an SCP and a permissions boundary never turns a denial into an allow.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wasp_iam::analyze::{self, Options};
use wasp_iam::authz_details::{load_value, Input};
use wasp_iam::{parse, Context, Effect, Policy, PolicyKind, PolicySet, Request};

const PRINCIPAL: &str = "arn:aws:iam::111122223333:user/alice";

/// A concrete string matching a pattern that may hold `*` and `?`.
fn concrete(pattern: &str) -> String {
    pattern.replace('*', "x").replace('?', "y")
}

fn values(p: &Policy, actions: bool) -> Vec<String> {
    p.statements
        .iter()
        .filter_map(|s| {
            if actions {
                s.action.as_ref()
            } else {
                s.resource.as_ref()
            }
        })
        .flat_map(|i| i.values.iter().map(|v| concrete(v)))
        .take(4)
        .collect()
}

fn requests(p: &Policy) -> Vec<Request> {
    let mut actions = values(p, true);
    actions.push("s3:GetObject".into());
    actions.push("iam:PassRole".into());
    let mut resources = values(p, false);
    resources.truncate(2);
    resources.push("*".into());
    resources.push("arn:aws:s3:::bucket/key".into());
    let mut ctx = Context::new();
    ctx.set("aws:SourceIp", "10.1.2.3");
    ctx.set("aws:MultiFactorAuthPresent", "true");
    let mut out = Vec::new();
    for a in &actions {
        for r in &resources {
            out.push(Request::new(PRINCIPAL, a, r, ctx.clone()));
        }
    }
    out
}

fn evaluate(p: &Policy) {
    let identity = PolicySet::new().with_identity("fuzz", p.clone());
    let restricted = PolicySet::new()
        .with_identity("fuzz", p.clone())
        .with_scp_level(vec![("scp", p.clone())])
        .with_boundary("boundary", p.clone());
    let has_allow = p.statements.iter().any(|s| s.effect == Some(Effect::Allow));
    for req in requests(p) {
        let d = identity.evaluate(&req);
        if d.is_allowed() {
            assert!(has_allow, "allowed without an Allow statement: {req:?}");
        }
        if restricted.evaluate(&req).is_allowed() {
            assert!(
                d.is_allowed(),
                "an SCP and a boundary turned a denial into an allow: {req:?}"
            );
        }
        for r in &d.statements {
            let _ = identity.describe(r);
        }
        let _ = identity.possibly_allowed(&req.action);
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let value = match parse::parse_json(text) {
        Ok(v) => v,
        Err(e) => {
            let _ = e.to_string();
            return;
        }
    };
    for kind in [PolicyKind::Identity, PolicyKind::Resource] {
        if let Ok(p) = wasp_iam::parse_policy(&value, kind) {
            let _ = analyze::lint_findings("fuzz", &p);
            evaluate(&p);
        }
    }
    match load_value("fuzz", &value, None) {
        Ok(Input::Policy(np)) => {
            let _ = analyze::analyze_policy(&np, &Options::default());
        }
        Ok(Input::Authorization(d)) => {
            let _ = analyze::analyze_authorization(&d, &Options::default());
        }
        Err(e) => assert!(!e.message.is_empty()),
    }
});
