//! Reading `get-account-authorization-details` and analyzing per principal.

use wasp_iam::analyze::{analyze_authorization, analyze_principal, Options};
use wasp_iam::authz_details::{load_value, EntityKind, Input};

fn details() -> wasp_iam::authz_details::AuthorizationDetails {
    let text = include_str!("fixtures/authorization-details.json");
    let v = wasp_iam::parse::parse_json(text).unwrap();
    match load_value("authz.json", &v, None).unwrap() {
        Input::Authorization(d) => *d,
        Input::Policy(_) => panic!("not recognized"),
    }
}

#[test]
fn principals_policies_and_errors() {
    let d = details();
    let alice = d.principals.iter().find(|p| p.name == "alice").unwrap();
    assert_eq!(alice.kind, EntityKind::User);
    let names: Vec<&str> = alice.identity.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "inline:pass",
            "group devs arn:aws:iam::111122223333:policy/Ec2"
        ]
    );
    let bounded = d.principals.iter().find(|p| p.name == "bounded").unwrap();
    assert!(bounded.boundary.is_some());
    let role = d.principals.iter().find(|p| p.name == "open").unwrap();
    assert!(role.trust.is_some(), "URL-encoded trust policy decoded");
    assert_eq!(d.errors.len(), 1);
    assert_eq!(
        d.errors[0].path,
        "RoleDetailList[0].RolePolicyList[0].PolicyDocument.Statement"
    );
    assert!(d
        .notes
        .iter()
        .any(|n| n.contains("arn:aws:iam::aws:policy/AdministratorAccess")));
}

#[test]
fn escalation_combines_policies_of_one_principal() {
    let d = details();
    let opts = Options::default();
    // PassRole inline + ec2:RunInstances from the group's managed policy (default version only).
    let alice = d.principals.iter().find(|p| p.name == "alice").unwrap();
    let f = analyze_principal(alice, &opts);
    let esc: Vec<&str> = f
        .iter()
        .filter(|f| f.rule == "privilege-escalation")
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(esc.len(), 1, "{esc:?}");
    assert!(esc[0].contains("CreateEC2WithExistingIP"));
    assert!(
        !f.iter().any(|f| f.rule == "admin-equivalent"),
        "non-default version ignored"
    );
    // iam:* under an S3-only boundary: nothing escalates.
    let bounded = d.principals.iter().find(|p| p.name == "bounded").unwrap();
    let f = analyze_principal(bounded, &opts);
    assert!(
        !f.iter().any(|f| f.rule == "privilege-escalation"),
        "{f:#?}"
    );
    // The role trusts another account.
    let role = d.principals.iter().find(|p| p.name == "open").unwrap();
    let f = analyze_principal(role, &opts);
    assert!(f.iter().any(|f| f.rule == "cross-account-access"), "{f:#?}");
    let all = analyze_authorization(&d, &opts);
    assert!(all.len() >= 3);
}
