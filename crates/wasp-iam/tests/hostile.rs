//! Hostile and malformed input: clear errors, bounded work, never a panic.

use proptest::prelude::*;
use serde_json::{json, Value};
use wasp_iam::analyze::{analyze_policy, Options};
use wasp_iam::authz_details::{load_value, Input, NamedPolicy};
use wasp_iam::{parse_policy, parse_policy_str, ParseError, PolicyKind};

#[test]
fn nesting_beyond_the_json_limit_is_a_clear_error() {
    let text = format!(
        r#"{{"Version":"2012-10-17","Statement":{}{}}}"#,
        "[".repeat(500),
        "]".repeat(500)
    );
    let e = parse_policy_str(&text, PolicyKind::Identity).unwrap_err();
    assert!(matches!(e, ParseError::TooDeep { .. }), "{e}");
    assert!(e.to_string().contains("nested too deeply"));
}

#[test]
fn large_policies_stay_bounded() {
    let statements: Vec<Value> = (0..5000)
        .map(|i| {
            json!({"Sid": format!("S{i}"), "Effect": "Allow",
                   "Action": [format!("s3:Get{i}*"), "ec2:Describe*"],
                   "Resource": format!("arn:aws:s3:::b{i}/*")})
        })
        .collect();
    let v = json!({"Version": "2012-10-17", "Statement": statements});
    let p = parse_policy(&v, PolicyKind::Identity).unwrap();
    let start = std::time::Instant::now();
    let f = analyze_policy(
        &NamedPolicy {
            name: "big".into(),
            policy: p,
        },
        &Options::default(),
    );
    assert!(!f.is_empty());
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
    let actions: Vec<String> = (0..20_000).map(|i| format!("s3:Get{i}")).collect();
    let v = json!({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": actions, "Resource": "*"}});
    let p = parse_policy(&v, PolicyKind::Identity).unwrap();
    let _ = analyze_policy(
        &NamedPolicy {
            name: "wide".into(),
            policy: p,
        },
        &Options::default(),
    );
}

fn grammar_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        prop_oneof![
            Just("*".to_string()),
            Just("Allow".to_string()),
            Just("Deny".to_string()),
            Just("2012-10-17".to_string()),
            Just("s3:Get*".to_string()),
            Just("arn:aws:s3:::b/${aws:username}/*".to_string()),
            Just("arn:aws:iam::111122223333:root".to_string()),
            Just("10.0.0.0/8".to_string()),
            ".{0,8}",
        ]
        .prop_map(Value::String),
    ];
    let keys = prop_oneof![
        Just("Version"),
        Just("Statement"),
        Just("Sid"),
        Just("Effect"),
        Just("Action"),
        Just("NotAction"),
        Just("Resource"),
        Just("NotResource"),
        Just("Principal"),
        Just("NotPrincipal"),
        Just("Condition"),
        Just("AWS"),
        Just("Service"),
        Just("StringEquals"),
        Just("ForAllValues:StringLike"),
        Just("IpAddressIfExists"),
        Just("Null"),
        Just("DateLessThan"),
        Just("aws:SourceIp"),
        Just("PolicyVersion"),
        Just("Document"),
        Just("UserDetailList"),
        Just("RoleDetailList"),
        Just("Policies"),
        Just("PolicyDocument"),
        Just("RolePolicyList"),
        Just("AssumeRolePolicyDocument"),
    ];
    leaf.prop_recursive(6, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((keys.clone(), inner), 0..6).prop_map(|kv| {
                Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn arbitrary_documents_never_panic(v in grammar_value()) {
        for kind in [PolicyKind::Identity, PolicyKind::Resource, PolicyKind::Trust, PolicyKind::Scp] {
            if let Ok(p) = parse_policy(&v, kind) {
                let _ = analyze_policy(&NamedPolicy { name: "x".into(), policy: p }, &Options::default());
            }
        }
        if let Ok(Input::Authorization(d)) = load_value("x", &v, None) {
            let _ = wasp_iam::analyze::analyze_authorization(&d, &Options::default());
        }
    }

    #[test]
    fn arbitrary_text_never_panics(s in ".{0,64}") {
        let _ = parse_policy_str(&s, PolicyKind::Identity);
    }
}
