//! Policies compiled for evaluation: lower-cased action patterns, ARN patterns split into
//! segments, condition values parsed once.

use std::sync::Arc;

use crate::condition::CompiledCondition;
use crate::matcher::{ArnPattern, Pattern};
use crate::model::{Effect, Policy, PolicyKind, PrincipalSpec, PrincipalType, Statement};
use crate::request::{Context, PrincipalKind, Request, RequestPrincipal};

/// How a resource-policy statement's principal matched the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PrincipalMatch {
    /// Not matched.
    No,
    /// Through the caller's account (`"AWS": "111122223333"` or the account root ARN): the account
    /// delegates to its own identity policies.
    Account,
    /// Through the role of a role session (`"AWS": "arn:aws:iam::111122223333:role/R"`).
    Role,
    /// The caller itself (user ARN, session ARN, service, `*`).
    Direct,
}

#[derive(Debug, Clone)]
enum AwsEntry {
    Everyone,
    Account(Box<str>),
    Arn(Box<str>),
}

/// A compiled `Principal`/`NotPrincipal`.
#[derive(Debug, Clone)]
pub struct CompiledPrincipal {
    negated: bool,
    aws: Vec<AwsEntry>,
    services: Vec<Box<str>>,
    others: Vec<Box<str>>,
}

fn role_name_and_account(arn: &str) -> Option<(&str, &str)> {
    let mut it = arn.splitn(6, ':');
    let (_, _, svc, _, acct, res) = (
        it.next()?,
        it.next()?,
        it.next()?,
        it.next()?,
        it.next()?,
        it.next()?,
    );
    if svc != "iam" {
        return None;
    }
    let rest = res.strip_prefix("role/")?;
    Some((rest.rsplit('/').next()?, acct))
}

impl CompiledPrincipal {
    fn new(p: &PrincipalSpec) -> CompiledPrincipal {
        let mut c = CompiledPrincipal {
            negated: p.negated,
            aws: Vec::new(),
            services: Vec::new(),
            others: Vec::new(),
        };
        if p.wildcard {
            c.aws.push(AwsEntry::Everyone);
        }
        for (t, v) in &p.entries {
            match t {
                PrincipalType::Aws => {
                    if v == "*" {
                        c.aws.push(AwsEntry::Everyone);
                    } else if v.len() == 12 && v.bytes().all(|b| b.is_ascii_digit()) {
                        c.aws.push(AwsEntry::Account(v.as_str().into()));
                    } else if let Some(acct) = v
                        .strip_suffix(":root")
                        .and_then(|s| s.strip_prefix("arn:"))
                        .and_then(|s| s.rsplit(':').next())
                    {
                        c.aws.push(AwsEntry::Account(acct.into()));
                    } else {
                        c.aws.push(AwsEntry::Arn(v.as_str().into()));
                    }
                }
                PrincipalType::Service => c.services.push(v.to_ascii_lowercase().into()),
                PrincipalType::Federated | PrincipalType::CanonicalUser => {
                    c.others.push(v.as_str().into())
                }
            }
        }
        c
    }

    fn raw_match(&self, p: &RequestPrincipal) -> PrincipalMatch {
        let mut best = PrincipalMatch::No;
        let is_service = p.kind == PrincipalKind::Service;
        for e in &self.aws {
            let m = match e {
                AwsEntry::Everyone => PrincipalMatch::Direct,
                _ if is_service => PrincipalMatch::No,
                AwsEntry::Account(a) => {
                    if p.account.as_deref() == Some(&**a) {
                        if p.kind == PrincipalKind::Root {
                            PrincipalMatch::Direct
                        } else {
                            PrincipalMatch::Account
                        }
                    } else {
                        PrincipalMatch::No
                    }
                }
                AwsEntry::Arn(arn) => {
                    if **arn == *p.id {
                        if p.kind == PrincipalKind::Role {
                            PrincipalMatch::Role
                        } else {
                            PrincipalMatch::Direct
                        }
                    } else if let (Some(role), Some((name, acct))) =
                        (&p.role_arn, role_name_and_account(arn))
                    {
                        match role_name_and_account(role) {
                            Some((n2, a2)) if n2 == name && a2 == acct => PrincipalMatch::Role,
                            _ => PrincipalMatch::No,
                        }
                    } else {
                        PrincipalMatch::No
                    }
                }
            };
            best = best.max(m);
        }
        if is_service
            && self
                .services
                .iter()
                .any(|s| s.as_bytes().eq_ignore_ascii_case(p.id.as_bytes()))
        {
            best = PrincipalMatch::Direct;
        }
        if self.others.iter().any(|o| **o == *p.id) {
            best = PrincipalMatch::Direct;
        }
        best
    }

    /// How the caller matches this element (a `NotPrincipal` matches callers it does not list).
    pub fn matches(&self, p: &RequestPrincipal) -> PrincipalMatch {
        let m = self.raw_match(p);
        if self.negated {
            if m == PrincipalMatch::No {
                PrincipalMatch::Direct
            } else {
                PrincipalMatch::No
            }
        } else {
            m
        }
    }
}

/// A compiled `Action`/`NotAction` list.
#[derive(Debug, Clone)]
pub struct ActionSet {
    /// True for `NotAction`.
    pub negated: bool,
    /// Lower-cased patterns.
    pub patterns: Vec<Pattern>,
}

impl ActionSet {
    /// True when the statement covers `action_lower` (already lower-cased).
    #[inline]
    pub fn covers(&self, action_lower: &str) -> bool {
        self.patterns.iter().any(|p| p.matches(action_lower)) != self.negated
    }
}

/// A compiled `Resource`/`NotResource` list.
#[derive(Debug, Clone)]
pub struct ResourceSet {
    /// True for `NotResource`.
    pub negated: bool,
    /// ARN patterns.
    pub patterns: Vec<ArnPattern>,
}

impl ResourceSet {
    /// True when the statement covers `resource`.
    #[inline]
    pub fn covers(&self, resource: &str, ctx: &Context) -> bool {
        self.patterns.iter().any(|p| p.matches_with(resource, ctx)) != self.negated
    }

    /// True when some resource is covered.
    pub fn covers_some(&self) -> bool {
        !self.negated || !self.patterns.iter().any(ArnPattern::matches_everything)
    }

    /// True when every resource is covered.
    pub fn covers_all(&self) -> bool {
        !self.negated && self.patterns.iter().any(ArnPattern::matches_everything)
    }
}

/// A compiled statement.
#[derive(Debug, Clone)]
pub struct CompiledStatement {
    /// `Allow` or `Deny`.
    pub effect: Effect,
    /// Index in the policy's `Statement` list.
    pub index: u32,
    /// Actions covered.
    pub actions: ActionSet,
    /// Resources covered (`None`: no resource element, as in trust policies).
    pub resources: Option<ResourceSet>,
    /// Principal element (resource, trust and RCP policies).
    pub principal: Option<CompiledPrincipal>,
    /// Conditions, all of which must hold.
    pub conditions: Vec<CompiledCondition>,
}

impl CompiledStatement {
    fn new(s: &Statement, variables: bool) -> Option<CompiledStatement> {
        let effect = s.effect?;
        let action = s.action.as_ref()?;
        Some(CompiledStatement {
            effect,
            index: s.index as u32,
            actions: ActionSet {
                negated: action.negated,
                patterns: action
                    .values
                    .iter()
                    .map(|a| Pattern::new(a, false, true))
                    .collect(),
            },
            resources: s.resource.as_ref().map(|r| ResourceSet {
                negated: r.negated,
                patterns: r
                    .values
                    .iter()
                    .map(|v| ArnPattern::new(v, variables))
                    .collect(),
            }),
            principal: s.principal.as_ref().map(CompiledPrincipal::new),
            conditions: s
                .conditions
                .iter()
                .map(|c| CompiledCondition::new(c.operator, &c.key, &c.values, variables))
                .collect(),
        })
    }

    /// True when action, resource and conditions apply to `req` (the principal is checked
    /// separately with [`CompiledStatement::principal_match`]).
    #[inline]
    pub fn applies(&self, req: &Request) -> bool {
        self.actions.covers(&req.action_lower)
            && self
                .resources
                .as_ref()
                .is_none_or(|r| r.covers(&req.resource, &req.context))
            && self.conditions.iter().all(|c| c.evaluate(&req.context))
    }

    /// How the statement's principal element matches the caller ([`PrincipalMatch::Direct`]
    /// when the statement has no principal element).
    #[inline]
    pub fn principal_match(&self, p: &RequestPrincipal) -> PrincipalMatch {
        match &self.principal {
            None => PrincipalMatch::Direct,
            Some(cp) => cp.matches(p),
        }
    }
}

/// A policy compiled for evaluation.
#[derive(Debug, Clone)]
pub struct CompiledPolicy {
    /// A name for reports (file name, policy ARN, inline policy name ...).
    pub name: Arc<str>,
    /// The source document.
    pub source: Arc<Policy>,
    /// Statements with a valid effect and action element, in order.
    pub statements: Vec<CompiledStatement>,
}

impl CompiledPolicy {
    /// Compiles `policy` under `name`.
    pub fn new(name: impl Into<Arc<str>>, policy: impl Into<Arc<Policy>>) -> CompiledPolicy {
        let source: Arc<Policy> = policy.into();
        let vars = source.variables_enabled();
        let statements = source
            .statements
            .iter()
            .filter_map(|s| CompiledStatement::new(s, vars))
            .collect();
        CompiledPolicy {
            name: name.into(),
            source,
            statements,
        }
    }

    /// The document's kind.
    pub fn kind(&self) -> PolicyKind {
        self.source.kind
    }

    /// The source statement of a compiled statement.
    pub fn source_statement(&self, index: u32) -> Option<&Statement> {
        self.source.statements.get(index as usize)
    }
}
