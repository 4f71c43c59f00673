//! Table tests of the evaluation logic, after the examples of the IAM User Guide ("Policy
//! evaluation logic", "Cross-account policy evaluation logic", "Permissions boundaries",
//! "Condition operators", "IAM policy elements: Variables").

use wasp_iam::evaluate::{Group, Outcome, PolicySet, Reason};
use wasp_iam::{parse_policy_str, Context, Policy, PolicyKind, Request};

const USER: &str = "arn:aws:iam::111122223333:user/bob";
const SESSION: &str = "arn:aws:sts::111122223333:assumed-role/AppRole/s1";
const ROLE: &str = "arn:aws:iam::111122223333:role/AppRole";
const OTHER_ROLE_SESSION: &str = "arn:aws:sts::444455556666:assumed-role/Partner/s1";
const OBJECT: &str = "arn:aws:s3:::bucket/home/bob/file";

fn pol(kind: PolicyKind, statements: &str) -> Policy {
    let doc = format!(r#"{{"Version":"2012-10-17","Statement":[{statements}]}}"#);
    let p = parse_policy_str(&doc, kind).unwrap_or_else(|e| panic!("{e}\n{doc}"));
    p
}

fn id(statements: &str) -> Policy {
    pol(PolicyKind::Identity, statements)
}

fn res(statements: &str) -> Policy {
    pol(PolicyKind::Resource, statements)
}

fn req(principal: &str, action: &str, resource: &str) -> Request {
    Request::new(principal, action, resource, Context::new())
}

fn req_ctx(principal: &str, action: &str, resource: &str, kv: &[(&str, &str)]) -> Request {
    let mut c = Context::new();
    for (k, v) in kv {
        c.set(k, *v);
    }
    Request::new(principal, action, resource, c)
}

const ALLOW_S3_GET: &str = r#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}"#;
const ALLOW_ALL: &str = r#"{"Effect":"Allow","Action":"*","Resource":"*"}"#;

#[test]
fn implicit_deny_by_default() {
    let d = PolicySet::new().evaluate(&req(USER, "s3:GetObject", OBJECT));
    assert_eq!(d.outcome, Outcome::ImplicitDeny);
    assert_eq!(d.reason, Reason::NoIdentityPolicyAllow);
    assert!(d.statements.is_empty());
}

#[test]
fn identity_allow_carries_statement() {
    let set = PolicySet::new().with_identity("p", id(ALLOW_S3_GET));
    let d = set.evaluate(&req(USER, "S3:getobject", OBJECT));
    assert_eq!(d.outcome, Outcome::Allow, "actions are case-insensitive");
    assert_eq!(d.reason, Reason::IdentityPolicyAllows);
    assert_eq!(d.statements.len(), 1);
    assert_eq!(d.statements[0].group, Group::Identity);
    assert!(set.describe(&d.statements[0]).contains("Statement[0]"));
}

#[test]
fn explicit_deny_overrides_allow_anywhere() {
    let deny =
        r#"{"Sid":"NoGet","Effect":"Deny","Action":"s3:Get*","Resource":"arn:aws:s3:::bucket/*"}"#;
    let set = PolicySet::new().with_identity("p", id(&format!("{ALLOW_ALL},{deny}")));
    let d = set.evaluate(&req(USER, "s3:GetObject", OBJECT));
    assert_eq!(d.outcome, Outcome::ExplicitDeny);
    assert!(set.describe(&d.statements[0]).contains("NoGet"));
    // A deny in the resource policy wins over an identity allow too.
    let set = PolicySet::new().with_identity("p", id(ALLOW_ALL)).with_resource(
        "bucket",
        res(r#"{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::bucket/*"}"#),
    );
    let d = set.evaluate(&req(USER, "s3:GetObject", OBJECT));
    assert_eq!(d.outcome, Outcome::ExplicitDeny);
    assert_eq!(d.statements[0].group, Group::Resource);
}

#[test]
fn scps_must_allow_at_every_level() {
    let full = || pol(PolicyKind::Scp, ALLOW_ALL);
    let s3_only = || {
        pol(
            PolicyKind::Scp,
            r#"{"Effect":"Allow","Action":"s3:*","Resource":"*"}"#,
        )
    };
    let set = PolicySet::new()
        .with_identity("admin", id(ALLOW_ALL))
        .with_scp_level(vec![("FullAWSAccess", full())])
        .with_scp_level(vec![("S3Only", s3_only())]);
    assert!(set
        .evaluate(&req(USER, "s3:GetObject", OBJECT))
        .is_allowed());
    let d = set.evaluate(&req(USER, "ec2:RunInstances", "*"));
    assert_eq!(d.reason, Reason::ScpDoesNotAllow(1));
    // SCPs do not grant: identity must still allow.
    let set = PolicySet::new().with_scp_level(vec![("FullAWSAccess", full())]);
    assert!(!set
        .evaluate(&req(USER, "s3:GetObject", OBJECT))
        .is_allowed());
    // SCP deny.
    let set = PolicySet::new().with_identity("admin", id(ALLOW_ALL)).with_scp_level(vec![
        ("FullAWSAccess", full()),
        (
            "DenyLeaveOrg",
            pol(PolicyKind::Scp, r#"{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}"#),
        ),
    ]);
    assert_eq!(
        set.evaluate(&req(USER, "organizations:LeaveOrganization", "*"))
            .outcome,
        Outcome::ExplicitDeny
    );
}

#[test]
fn rcps_must_allow() {
    let set = PolicySet::new()
        .with_identity("p", id(ALLOW_S3_GET))
        .with_rcp_level(vec![(
            "RCPFullAWSAccess",
            pol(PolicyKind::Rcp, r#"{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}"#),
        ), (
            "OnlyMyOrg",
            pol(PolicyKind::Rcp, r#"{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*",
                "Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"o-123"},"BoolIfExists":{"aws:PrincipalIsAWSService":"false"}}}"#),
        )]);
    let inside = req_ctx(
        USER,
        "s3:GetObject",
        OBJECT,
        &[("aws:PrincipalOrgID", "o-123")],
    );
    assert!(set.evaluate(&inside).is_allowed());
    let outside = req_ctx(
        USER,
        "s3:GetObject",
        OBJECT,
        &[("aws:PrincipalOrgID", "o-999")],
    );
    assert_eq!(set.evaluate(&outside).outcome, Outcome::ExplicitDeny);
}

#[test]
fn permissions_boundary_limits_identity_policies() {
    // The IAM User Guide's example: a boundary of S3, CloudWatch and EC2; an identity policy
    // allowing iam:CreateUser grants nothing.
    let set = PolicySet::new()
        .with_identity(
            "p",
            id(r#"{"Effect":"Allow","Action":"iam:CreateUser","Resource":"*"}"#),
        )
        .with_boundary(
            "b",
            pol(
                PolicyKind::Boundary,
                r#"{"Effect":"Allow","Action":["s3:*","cloudwatch:*","ec2:*"],"Resource":"*"}"#,
            ),
        );
    let d = set.evaluate(&req(
        USER,
        "iam:CreateUser",
        "arn:aws:iam::111122223333:user/x",
    ));
    assert_eq!(d.reason, Reason::BoundaryDoesNotAllow);
    // Boundary allows but identity does not: still denied.
    let d = set.evaluate(&req(USER, "s3:GetObject", OBJECT));
    assert_eq!(d.reason, Reason::NoIdentityPolicyAllow);
}

#[test]
fn same_account_resource_policy_naming_the_user_allows_alone() {
    let bucket = res(&format!(
        r#"{{"Effect":"Allow","Principal":{{"AWS":"{USER}"}},"Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"}}"#
    ));
    let set = PolicySet::new().with_resource("bucket", bucket.clone());
    let d = set.evaluate(&req(USER, "s3:GetObject", OBJECT));
    assert_eq!(d.reason, Reason::ResourcePolicyAllows);
    // Even with a boundary that does not allow it (user ARN named directly).
    let set = set.with_boundary(
        "b",
        pol(
            PolicyKind::Boundary,
            r#"{"Effect":"Allow","Action":"ec2:*","Resource":"*"}"#,
        ),
    );
    assert!(set
        .evaluate(&req(USER, "s3:GetObject", OBJECT))
        .is_allowed());
}

#[test]
fn same_account_resource_policy_naming_the_role_is_limited_by_boundary() {
    let bucket = res(&format!(
        r#"{{"Effect":"Allow","Principal":{{"AWS":"{ROLE}"}},"Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"}}"#
    ));
    let set = PolicySet::new().with_resource("bucket", bucket.clone());
    let d = set.evaluate(&req(SESSION, "s3:GetObject", OBJECT));
    assert_eq!(d.reason, Reason::ResourcePolicyAllowsRole);
    let set = set.with_boundary(
        "b",
        pol(
            PolicyKind::Boundary,
            r#"{"Effect":"Allow","Action":"ec2:*","Resource":"*"}"#,
        ),
    );
    let d = set.evaluate(&req(SESSION, "s3:GetObject", OBJECT));
    assert_eq!(d.reason, Reason::BoundaryDoesNotAllow);
    // A session policy also limits it.
    let set = PolicySet::new()
        .with_resource("bucket", bucket)
        .with_session(
            "sp",
            pol(
                PolicyKind::Session,
                r#"{"Effect":"Allow","Action":"ec2:*","Resource":"*"}"#,
            ),
        );
    assert_eq!(
        set.evaluate(&req(SESSION, "s3:GetObject", OBJECT)).reason,
        Reason::SessionPolicyDoesNotAllow
    );
}

#[test]
fn account_principal_delegates_to_identity_policies() {
    let bucket = res(
        r#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:*","Resource":"arn:aws:s3:::bucket/*"}"#,
    );
    let set = PolicySet::new().with_resource("bucket", bucket.clone());
    assert_eq!(
        set.evaluate(&req(USER, "s3:GetObject", OBJECT)).reason,
        Reason::NoIdentityPolicyAllow
    );
    let set = set.with_identity("p", id(ALLOW_S3_GET));
    assert!(set
        .evaluate(&req(USER, "s3:GetObject", OBJECT))
        .is_allowed());
}

#[test]
fn cross_account_needs_both_sides() {
    let resource = "arn:aws:sqs:us-east-1:111122223333:queue";
    let identity = id(r#"{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"}"#);
    let queue = res(
        r#"{"Effect":"Allow","Principal":{"AWS":"444455556666"},"Action":"sqs:SendMessage","Resource":"*"}"#,
    );
    // Identity only.
    let set = PolicySet::new().with_identity("p", identity.clone());
    let d = set.evaluate(&req(OTHER_ROLE_SESSION, "sqs:SendMessage", resource));
    assert_eq!(d.reason, Reason::CrossAccountNoResourcePolicyAllow);
    // Resource only.
    let set = PolicySet::new().with_resource("q", queue.clone());
    let d = set.evaluate(&req(OTHER_ROLE_SESSION, "sqs:SendMessage", resource));
    assert_eq!(d.reason, Reason::NoIdentityPolicyAllow);
    // Both.
    let set = PolicySet::new()
        .with_identity("p", identity)
        .with_resource("q", queue);
    let d = set.evaluate(&req(OTHER_ROLE_SESSION, "sqs:SendMessage", resource));
    assert_eq!(d.reason, Reason::ResourcePolicyAndIdentityAllow);
    assert_eq!(d.statements.len(), 2);
}

#[test]
fn key_policy_must_allow_for_kms() {
    let key = "arn:aws:kms:us-east-1:111122223333:key/k1";
    let identity = id(r#"{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}"#);
    let other_only = res(
        r#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/KeyAdmin"},"Action":"kms:*","Resource":"*"}"#,
    );
    let set = PolicySet::new()
        .with_identity("p", identity.clone())
        .with_resource("key", other_only);
    assert_eq!(
        set.evaluate(&req(USER, "kms:Decrypt", key)).reason,
        Reason::ResourcePolicyRequired
    );
    let delegating = res(
        r#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}"#,
    );
    let set = PolicySet::new()
        .with_identity("p", identity)
        .with_resource("key", delegating);
    assert!(set.evaluate(&req(USER, "kms:Decrypt", key)).is_allowed());
}

#[test]
fn root_user_and_anonymous_and_services() {
    let set = PolicySet::new();
    assert_eq!(
        set.evaluate(&req(
            "arn:aws:iam::111122223333:root",
            "s3:GetObject",
            OBJECT
        ))
        .reason,
        Reason::RootUser
    );
    let public = PolicySet::new().with_resource(
        "bucket",
        res(r#"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"}"#),
    );
    assert!(public
        .evaluate(&req("anonymous", "s3:GetObject", OBJECT))
        .is_allowed());
    assert!(!PolicySet::new()
        .evaluate(&req("anonymous", "s3:GetObject", OBJECT))
        .is_allowed());
    let svc = PolicySet::new().with_resource(
        "bucket",
        res(r#"{"Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::bucket/*",
            "Condition":{"StringEquals":{"aws:SourceAccount":"111122223333"}}}"#),
    );
    let ok = req_ctx(
        "cloudtrail.amazonaws.com",
        "s3:PutObject",
        OBJECT,
        &[("aws:SourceAccount", "111122223333")],
    );
    assert!(svc.evaluate(&ok).is_allowed());
    let other = req_ctx(
        "cloudtrail.amazonaws.com",
        "s3:PutObject",
        OBJECT,
        &[("aws:SourceAccount", "999999999999")],
    );
    assert!(!svc.evaluate(&other).is_allowed());
}

#[test]
fn mfa_deny_with_bool_if_exists() {
    // Deny unless MFA: BoolIfExists false denies when the key is absent or false.
    let set = PolicySet::new().with_identity(
        "p",
        id(&format!(
            r#"{ALLOW_ALL},{{"Effect":"Deny","Action":"*","Resource":"*","Condition":{{"BoolIfExists":{{"aws:MultiFactorAuthPresent":"false"}}}}}}"#
        )),
    );
    assert_eq!(
        set.evaluate(&req(USER, "s3:GetObject", OBJECT)).outcome,
        Outcome::ExplicitDeny
    );
    let no_mfa = req_ctx(
        USER,
        "s3:GetObject",
        OBJECT,
        &[("aws:MultiFactorAuthPresent", "false")],
    );
    assert_eq!(set.evaluate(&no_mfa).outcome, Outcome::ExplicitDeny);
    let mfa = req_ctx(
        USER,
        "s3:GetObject",
        OBJECT,
        &[("aws:MultiFactorAuthPresent", "true")],
    );
    assert!(set.evaluate(&mfa).is_allowed());
    // With plain Bool, an absent key does not match, so the deny does not apply.
    let set = PolicySet::new().with_identity(
        "p",
        id(&format!(
            r#"{ALLOW_ALL},{{"Effect":"Deny","Action":"*","Resource":"*","Condition":{{"Bool":{{"aws:MultiFactorAuthPresent":"false"}}}}}}"#
        )),
    );
    assert!(set
        .evaluate(&req(USER, "s3:GetObject", OBJECT))
        .is_allowed());
}

#[test]
fn source_ip_condition() {
    let set = PolicySet::new().with_identity(
        "p",
        id(r#"{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":["192.0.2.0/24","203.0.113.0/24"]}}}"#),
    );
    assert!(set
        .evaluate(&req_ctx(
            USER,
            "s3:GetObject",
            OBJECT,
            &[("aws:SourceIp", "203.0.113.9")]
        ))
        .is_allowed());
    assert!(!set
        .evaluate(&req_ctx(
            USER,
            "s3:GetObject",
            OBJECT,
            &[("aws:SourceIp", "198.51.100.1")]
        ))
        .is_allowed());
    assert!(
        !set.evaluate(&req(USER, "s3:GetObject", OBJECT))
            .is_allowed(),
        "missing key"
    );
}

#[test]
fn policy_variables_in_resources() {
    let set = PolicySet::new().with_identity(
        "p",
        id(r#"{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::bucket/home/${aws:username}/*"}"#),
    );
    assert!(set
        .evaluate(&req(USER, "s3:GetObject", OBJECT))
        .is_allowed());
    assert!(!set
        .evaluate(&req(
            USER,
            "s3:GetObject",
            "arn:aws:s3:::bucket/home/alice/file"
        ))
        .is_allowed());
    // A role session has no aws:username: the resource does not match.
    assert!(!set
        .evaluate(&req(SESSION, "s3:GetObject", OBJECT))
        .is_allowed());
    // Version 2008-10-17: variables are literal text.
    let old = parse_policy_str(
        r#"{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::bucket/home/${aws:username}/*"}]}"#,
        PolicyKind::Identity,
    )
    .unwrap();
    assert!(!PolicySet::new()
        .with_identity("old", old)
        .evaluate(&req(USER, "s3:GetObject", OBJECT))
        .is_allowed());
}

#[test]
fn not_action_and_not_resource() {
    let set = PolicySet::new().with_identity(
        "p",
        id(r#"{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}"#),
    );
    assert!(set
        .evaluate(&req(USER, "s3:GetObject", OBJECT))
        .is_allowed());
    assert!(!set.evaluate(&req(USER, "iam:CreateUser", "*")).is_allowed());
    let set = PolicySet::new().with_identity(
        "p",
        id(&format!(r#"{ALLOW_ALL},{{"Effect":"Deny","Action":"s3:*","NotResource":["arn:aws:s3:::bucket","arn:aws:s3:::bucket/*"]}}"#)),
    );
    assert!(set
        .evaluate(&req(USER, "s3:GetObject", OBJECT))
        .is_allowed());
    assert_eq!(
        set.evaluate(&req(USER, "s3:GetObject", "arn:aws:s3:::other/x"))
            .outcome,
        Outcome::ExplicitDeny
    );
}

#[test]
fn not_principal_deny() {
    let bucket = res(&format!(
        r#"{{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"}},
           {{"Effect":"Deny","NotPrincipal":{{"AWS":["{USER}","arn:aws:iam::111122223333:root"]}},"Action":"s3:*","Resource":"arn:aws:s3:::bucket/*"}}"#
    ));
    let set = PolicySet::new().with_resource("bucket", bucket);
    assert!(set
        .evaluate(&req(USER, "s3:GetObject", OBJECT))
        .is_allowed());
    assert_eq!(
        set.evaluate(&req(OTHER_ROLE_SESSION, "s3:GetObject", OBJECT))
            .outcome,
        Outcome::ExplicitDeny
    );
}

#[test]
fn for_all_values_and_for_any_value() {
    let set = PolicySet::new().with_identity(
        "p",
        id(r#"{"Effect":"Allow","Action":"ec2:CreateTags","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["env","team"]}}}"#),
    );
    let mut c = Context::new();
    c.set_all("aws:TagKeys", vec!["env".into()]);
    assert!(set
        .evaluate(&Request::new(USER, "ec2:CreateTags", "*", c))
        .is_allowed());
    let mut c = Context::new();
    c.set_all("aws:TagKeys", vec!["env".into(), "cost".into()]);
    assert!(!set
        .evaluate(&Request::new(USER, "ec2:CreateTags", "*", c))
        .is_allowed());
    // ForAllValues on a missing key is true.
    assert!(set.evaluate(&req(USER, "ec2:CreateTags", "*")).is_allowed());
}

#[test]
fn arn_like_condition_per_segment() {
    let set = PolicySet::new().with_resource(
        "topic",
        res(r#"{"Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"sns:Publish","Resource":"*",
            "Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:s3:*:*:bucket-*"}}}"#),
    );
    let ok = req_ctx(
        "s3.amazonaws.com",
        "sns:Publish",
        "arn:aws:sns:us-east-1:111122223333:t",
        &[("aws:SourceArn", "arn:aws:s3:::bucket-a")],
    );
    assert!(set.evaluate(&ok).is_allowed());
    let bad = req_ctx(
        "s3.amazonaws.com",
        "sns:Publish",
        "arn:aws:sns:us-east-1:111122223333:t",
        &[("aws:SourceArn", "arn:aws:s3:::other:bucket-a")],
    );
    assert!(!set.evaluate(&bad).is_allowed());
}

#[test]
fn context_keys_derived_from_principal() {
    let set = PolicySet::new().with_identity(
        "p",
        id(r#"{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalAccount":"111122223333"},"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/App*"}}}"#),
    );
    assert!(set
        .evaluate(&req(SESSION, "s3:GetObject", OBJECT))
        .is_allowed());
    assert!(!set
        .evaluate(&req(USER, "s3:GetObject", OBJECT))
        .is_allowed());
}
