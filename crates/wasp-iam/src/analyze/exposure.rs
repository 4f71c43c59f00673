//! Public and cross-account access through resource-based and trust policies.
//!
//! For each `Allow` statement: who does its `Principal` admit (everyone, other accounts, services,
//! identity providers), and do its conditions really restrict that set, as IAM Access Analyzer
//! treats them? The condition keys taken as restricting, and under which operators, are listed in
//! [`RESTRICTING_KEYS`] and documented in the crate README.

use serde::Serialize;
use wasp_core::Severity;

use crate::actions::{AccessLevel, ActionDb};
use crate::condition::{BaseOp, Cidr, SetOp};
use crate::model::{Condition, Effect, Policy, PrincipalType, Statement};

/// What a restricting condition key limits the callers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Restriction {
    /// Named accounts (`aws:PrincipalAccount`, `aws:SourceAccount`, `kms:CallerAccount` ...).
    Account,
    /// An organization or organizational units (`aws:PrincipalOrgID`, `aws:SourceOrgID` ...).
    Organization,
    /// Named principals or resources (`aws:PrincipalArn`, `aws:SourceArn`, `aws:userid` ...).
    Identity,
    /// A network (`aws:SourceIp`, `aws:SourceVpc`, `aws:SourceVpce` ...).
    Network,
    /// AWS services acting for the account (`aws:PrincipalIsAWSService: true`).
    Service,
}

/// Condition keys that restrict who can use a grant, with what they restrict it to.
pub const RESTRICTING_KEYS: &[(&str, Restriction)] = &[
    ("aws:PrincipalAccount", Restriction::Account),
    ("aws:SourceAccount", Restriction::Account),
    ("aws:SourceOwner", Restriction::Account),
    ("aws:ResourceAccount", Restriction::Account),
    ("kms:CallerAccount", Restriction::Account),
    ("s3:DataAccessPointAccount", Restriction::Account),
    ("aws:VpceAccount", Restriction::Account),
    ("aws:PrincipalOrgID", Restriction::Organization),
    ("aws:PrincipalOrgPaths", Restriction::Organization),
    ("aws:SourceOrgID", Restriction::Organization),
    ("aws:SourceOrgPaths", Restriction::Organization),
    ("aws:VpceOrgID", Restriction::Organization),
    ("aws:VpceOrgPaths", Restriction::Organization),
    ("aws:PrincipalArn", Restriction::Identity),
    ("aws:SourceArn", Restriction::Identity),
    ("aws:userid", Restriction::Identity),
    ("aws:username", Restriction::Identity),
    ("s3:DataAccessPointArn", Restriction::Identity),
    ("lambda:EventSourceToken", Restriction::Identity),
    ("aws:SourceIp", Restriction::Network),
    ("aws:SourceVpc", Restriction::Network),
    ("aws:SourceVpce", Restriction::Network),
    ("aws:SourceVpcArn", Restriction::Network),
    ("aws:VpcSourceIp", Restriction::Network),
    ("aws:PrincipalIsAWSService", Restriction::Service),
    ("aws:PrincipalServiceName", Restriction::Service),
];

/// How far a statement opens the resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Exposure {
    /// A service principal without `aws:SourceAccount`/`aws:SourceArn`/`aws:SourceOrgID`
    /// (the confused-deputy problem).
    ServiceWithoutSource,
    /// Principals of other accounts (or accounts not known to be the owner's).
    CrossAccount,
    /// Anyone: `*`, `NotPrincipal` with `Allow`, an unrestricted identity provider.
    Public,
}

/// One exposing statement.
#[derive(Debug, Clone, Serialize)]
pub struct ExposureHit {
    /// Index of the statement.
    pub statement: usize,
    /// Label of the statement.
    pub label: String,
    /// How far it opens.
    pub exposure: Exposure,
    /// The external principals (accounts, ARNs, `*`, providers, services).
    pub principals: Vec<String>,
    /// The actions, as written.
    pub actions: Vec<String>,
    /// Restrictions found in its conditions that did not make it private.
    pub restrictions: Vec<Restriction>,
    /// Suggested severity.
    pub severity: Severity,
    /// A sentence for reports.
    pub message: String,
}

fn wildcard_only(v: &str) -> bool {
    !v.is_empty() && v.bytes().all(|b| b == b'*' || b == b'?')
}

fn value_is_open(key: &str, v: &str) -> bool {
    if wildcard_only(v) {
        return true;
    }
    if v.starts_with("arn:") && v.split(':').skip(1).all(wildcard_only) {
        return true;
    }
    if key.eq_ignore_ascii_case("aws:SourceIp") || key.eq_ignore_ascii_case("aws:VpcSourceIp") {
        return Cidr::parse(v).is_some_and(|c| c.prefix() == 0);
    }
    false
}

/// The restriction a condition entry really imposes, if any: a known key, under a positive
/// operator without `IfExists` (callers without the key would pass) and not `ForAllValues:`
/// (true when the key is missing), with no value that is a bare wildcard or `0.0.0.0/0`.
pub fn restriction(c: &Condition) -> Option<Restriction> {
    let (_, r) = RESTRICTING_KEYS
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(&c.key))?;
    let op = c.operator;
    if op.if_exists || op.set == Some(SetOp::ForAllValues) || c.values.is_empty() {
        return None;
    }
    let positive = matches!(
        op.base,
        BaseOp::StringEquals
            | BaseOp::StringEqualsIgnoreCase
            | BaseOp::StringLike
            | BaseOp::ArnEquals
            | BaseOp::ArnLike
            | BaseOp::IpAddress
            | BaseOp::Bool
    );
    if !positive {
        return None;
    }
    if op.base == BaseOp::Bool {
        return (*r == Restriction::Service && c.values.iter().all(|v| v == "true"))
            .then_some(Restriction::Service);
    }
    if c.values.iter().any(|v| value_is_open(&c.key, v)) {
        return None;
    }
    Some(*r)
}

fn account_of(principal: &str) -> Option<&str> {
    if principal.len() == 12 && principal.bytes().all(|b| b.is_ascii_digit()) {
        return Some(principal);
    }
    principal
        .split(':')
        .nth(4)
        .filter(|a| a.len() == 12 && a.bytes().all(|b| b.is_ascii_digit()))
}

fn severity_for(actions: &[String], exposure: Exposure) -> Severity {
    match exposure {
        Exposure::ServiceWithoutSource => Severity::Low,
        Exposure::CrossAccount => Severity::Medium,
        Exposure::Public => {
            let db = ActionDb::get();
            let writes = actions.iter().any(|a| {
                a == "*"
                    || db.expand(a).iter().any(|r| {
                        matches!(
                            r.action.access,
                            AccessLevel::Write | AccessLevel::PermissionsManagement
                        )
                    })
            });
            if writes {
                Severity::Critical
            } else {
                Severity::High
            }
        }
    }
}

/// The account owning the resource, when the policy's `Resource` ARNs name one.
pub fn owner_from_resources(policy: &Policy) -> Option<String> {
    policy
        .statements
        .iter()
        .filter_map(|s| s.resource.as_ref())
        .flat_map(|r| r.values.iter())
        .find_map(|v| account_of(v).map(str::to_string))
}

/// Analyzes a resource-based or trust policy. `owner` is the account owning the resource (when
/// unknown, every named account is taken as possibly external); `trusted` lists further accounts
/// inside the zone of trust (the organization's).
pub fn analyze(policy: &Policy, owner: Option<&str>, trusted: &[String]) -> Vec<ExposureHit> {
    policy
        .statements
        .iter()
        .filter_map(|s| statement_exposure(s, owner, trusted))
        .collect()
}

fn statement_exposure(
    s: &Statement,
    owner: Option<&str>,
    trusted: &[String],
) -> Option<ExposureHit> {
    if s.effect != Some(Effect::Allow) {
        return None;
    }
    let p = s.principal.as_ref()?;
    let restrictions: Vec<Restriction> = s.conditions.iter().filter_map(restriction).collect();
    let restricted = !restrictions.is_empty();
    let actions = s
        .action
        .as_ref()
        .map(|a| {
            if a.negated {
                vec![format!("all actions except {}", a.values.join(", "))]
            } else {
                a.values.clone()
            }
        })
        .unwrap_or_default();
    let is_internal = |acct: &str| owner == Some(acct) || trusted.iter().any(|t| t == acct);

    let mut public = Vec::new();
    let mut external = Vec::new();
    let mut services = Vec::new();
    if p.negated {
        public.push(format!("everyone except {}", describe_entries(p)));
    } else {
        if p.is_everyone() {
            public.push("*".to_string());
        }
        for (t, v) in &p.entries {
            match t {
                PrincipalType::Aws if v == "*" => {}
                PrincipalType::Aws => match account_of(v) {
                    Some(a) if is_internal(a) => {}
                    _ => external.push(v.clone()),
                },
                PrincipalType::CanonicalUser => external.push(format!("CanonicalUser {v}")),
                PrincipalType::Service => services.push(v.clone()),
                PrincipalType::Federated => {
                    if let Some(why) = open_federation(v, &s.conditions) {
                        public.push(format!("{v} ({why})"));
                    }
                }
            }
        }
    }
    let (exposure, principals) = if !public.is_empty() && !restricted {
        (Exposure::Public, public)
    } else if !public.is_empty() {
        // Restricted by condition: external only when the condition names other accounts.
        let outside = outside_accounts(&s.conditions, owner, trusted);
        if outside.is_empty() {
            return None;
        }
        (Exposure::CrossAccount, outside)
    } else if !external.is_empty() {
        let by_cond = restrictions
            .iter()
            .any(|r| matches!(r, Restriction::Account | Restriction::Organization));
        if by_cond && outside_accounts(&s.conditions, owner, trusted).is_empty() {
            return None;
        }
        (Exposure::CrossAccount, external)
    } else if !services.is_empty()
        && !s.conditions.iter().any(|c| {
            matches!(
                restriction(c),
                Some(Restriction::Account | Restriction::Organization | Restriction::Identity)
            )
        })
        && !is_trust_like(s)
    {
        (Exposure::ServiceWithoutSource, services)
    } else {
        return None;
    };
    let severity = severity_for(&actions, exposure);
    let who = principals.join(", ");
    let what = actions.join(", ");
    let message = match exposure {
        Exposure::Public => format!("{} allows anyone ({who}) to perform {what}", s.label()),
        Exposure::CrossAccount => format!(
            "{} allows principals outside the account ({who}) to perform {what}",
            s.label()
        ),
        Exposure::ServiceWithoutSource => format!(
            "{} allows service {who} to perform {what} on behalf of any account (no aws:SourceAccount/aws:SourceArn condition)",
            s.label()
        ),
    };
    Some(ExposureHit {
        statement: s.index,
        label: s.label(),
        exposure,
        principals,
        actions,
        restrictions,
        severity,
        message,
    })
}

fn is_trust_like(s: &Statement) -> bool {
    s.action.as_ref().is_some_and(|a| {
        !a.negated
            && a.values
                .iter()
                .all(|v| v.to_ascii_lowercase().starts_with("sts:"))
    })
}

fn describe_entries(p: &crate::model::PrincipalSpec) -> String {
    p.entries
        .iter()
        .map(|(t, v)| format!("{}:{v}", t.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Accounts named by account-restricting conditions that are outside the zone of trust.
fn outside_accounts(conds: &[Condition], owner: Option<&str>, trusted: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for c in conds {
        if restriction(c) != Some(Restriction::Account)
            && restriction(c) != Some(Restriction::Identity)
        {
            continue;
        }
        for v in &c.values {
            if let Some(a) = account_of(v) {
                if owner != Some(a) && !trusted.iter().any(|t| t == a) {
                    out.push(a.to_string());
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Why a federated principal is open to anyone, if it is: web-identity providers whose tokens
/// anyone can obtain, without a condition on the audience or subject.
fn open_federation(provider: &str, conds: &[Condition]) -> Option<&'static str> {
    let has_key = |suffix: &str| {
        conds.iter().any(|c| {
            c.key.to_ascii_lowercase().ends_with(suffix)
                && !c.operator.if_exists
                && !c.values.iter().any(|v| wildcard_only(v))
        })
    };
    if provider.contains("token.actions.githubusercontent.com") {
        return (!has_key(":sub"))
            .then_some("no condition on the token subject: any GitHub repository");
    }
    if provider == "cognito-identity.amazonaws.com" {
        return (!has_key(":aud")).then_some("no condition on the identity pool (aud)");
    }
    if provider.contains("oidc-provider/") && !has_key(":sub") && !has_key(":aud") {
        return Some("no condition on the token audience or subject");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse_policy_str, PolicyKind};

    fn hits(doc: &str) -> Vec<ExposureHit> {
        let p = parse_policy_str(doc, PolicyKind::Resource).unwrap();
        analyze(&p, Some("111122223333"), &[])
    }

    fn st(principal: &str, cond: &str) -> String {
        format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{principal},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"{cond}}}]}}"#
        )
    }

    #[test]
    fn public_and_restricted() {
        assert_eq!(hits(&st(r#""*""#, ""))[0].exposure, Exposure::Public);
        assert_eq!(hits(&st(r#"{"AWS":"*"}"#, ""))[0].severity, Severity::High);
        for (op, key, val) in [
            ("StringEquals", "aws:PrincipalOrgID", "o-abc"),
            ("StringEquals", "aws:SourceVpce", "vpce-1"),
            ("IpAddress", "aws:SourceIp", "10.0.0.0/8"),
            ("StringEquals", "aws:PrincipalAccount", "111122223333"),
            (
                "ArnLike",
                "aws:PrincipalArn",
                "arn:aws:iam::111122223333:role/*",
            ),
        ] {
            let c = format!(r#","Condition":{{"{op}":{{"{key}":"{val}"}}}}"#);
            assert!(hits(&st(r#""*""#, &c)).is_empty(), "{key}");
        }
        // Not restricting: IfExists, wildcard values, 0.0.0.0/0, unrelated keys.
        for c in [
            r#","Condition":{"StringEqualsIfExists":{"aws:PrincipalOrgID":"o-abc"}}"#,
            r#","Condition":{"StringLike":{"aws:PrincipalOrgID":"*"}}"#,
            r#","Condition":{"IpAddress":{"aws:SourceIp":"0.0.0.0/0"}}"#,
            r#","Condition":{"Bool":{"aws:SecureTransport":"true"}}"#,
        ] {
            assert_eq!(hits(&st(r#""*""#, c))[0].exposure, Exposure::Public, "{c}");
        }
        let c = r#","Condition":{"StringEquals":{"aws:PrincipalAccount":"444455556666"}}"#;
        assert_eq!(hits(&st(r#""*""#, c))[0].exposure, Exposure::CrossAccount);
    }

    #[test]
    fn accounts_and_services() {
        assert!(hits(&st(r#"{"AWS":"arn:aws:iam::111122223333:root"}"#, "")).is_empty());
        assert_eq!(
            hits(&st(r#"{"AWS":"arn:aws:iam::444455556666:role/x"}"#, ""))[0].exposure,
            Exposure::CrossAccount
        );
        assert_eq!(
            hits(&st(r#"{"Service":"cloudtrail.amazonaws.com"}"#, ""))[0].exposure,
            Exposure::ServiceWithoutSource
        );
        let c = r#","Condition":{"StringEquals":{"aws:SourceAccount":"111122223333"}}"#;
        assert!(hits(&st(r#"{"Service":"cloudtrail.amazonaws.com"}"#, c)).is_empty());
        let p = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:*","Resource":"*"}]}"#;
        assert_eq!(hits(p)[0].severity, Severity::Critical);
    }

    #[test]
    fn github_oidc() {
        let t = |cond: &str| {
            let doc = format!(
                r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}},"Action":"sts:AssumeRoleWithWebIdentity"{cond}}}]}}"#
            );
            analyze(
                &parse_policy_str(&doc, PolicyKind::Trust).unwrap(),
                Some("111122223333"),
                &[],
            )
        };
        assert_eq!(t("")[0].exposure, Exposure::Public);
        assert!(t(r#","Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:org/app:*"}}"#).is_empty());
    }
}
