//! The IAM evaluation logic (IAM User Guide, "Policy evaluation logic"):
//!
//! 1. An explicit `Deny` in any applicable policy (SCP, RCP, resource, boundary, session,
//!    identity) decides: **deny**.
//! 2. SCPs: every level of the organization (root, OUs, account) must allow (the policies of one
//!    level combine by union). They do not apply to service principals, to anonymous callers, or
//!    when none are given.
//! 3. RCPs: likewise, every level must allow.
//! 4. The account root user, in its own account, is then allowed.
//! 5. Resource-based policy, same account: an `Allow` naming the caller itself (user ARN, role
//!    session ARN, `*`) allows, whatever the boundary, session and identity policies say. One that
//!    names the role of a role session allows if the boundary and session policies (when present)
//!    allow. One that names the account delegates to the identity policies (below).
//!    Keys and roles are the exception: for `kms:*` and `sts:AssumeRole*` the resource policy
//!    (key policy, trust policy) must allow, when resource policies are supplied.
//! 6. Cross-account (caller's account differs from the resource's): the resource policy must allow
//!    the caller (directly, through its role or its account) **and** the caller's own boundary,
//!    session and identity policies must allow.
//! 7. Permissions boundary (when present) must allow; session policies (when present) must allow;
//!    an identity-based policy must allow. Otherwise: implicit deny.
//!
//! [`PolicySet::evaluate`] does not allocate unless statements match (to report them).

use serde::Serialize;

use crate::compile::{CompiledPolicy, CompiledStatement, PrincipalMatch};
use crate::model::{Effect, Policy, PolicyKind};
use crate::request::{PrincipalKind, Request};

/// Which group of policies a statement came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "group", content = "level", rename_all = "kebab-case")]
pub enum Group {
    /// Identity-based policies.
    Identity,
    /// Resource-based policies.
    Resource,
    /// The permissions boundary.
    Boundary,
    /// Session policies.
    Session,
    /// Service control policies at a level of the organization.
    Scp(u16),
    /// Resource control policies at a level of the organization.
    Rcp(u16),
}

/// A reference to one statement of a [`PolicySet`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct StatementRef {
    /// The group of policies.
    pub group: Group,
    /// Index of the policy within its group (or level).
    pub policy: u32,
    /// Index of the statement within the policy's `Statement` list.
    pub statement: u32,
    /// The statement's effect.
    pub effect: Effect,
}

/// The final answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Allowed.
    Allow,
    /// Denied by an explicit `Deny` statement.
    ExplicitDeny,
    /// Denied because nothing (or not every required policy type) allowed it.
    ImplicitDeny,
}

/// Why the decision came out as it did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// An explicit deny matched.
    ExplicitDeny,
    /// No SCP at this level allows the action.
    ScpDoesNotAllow(u16),
    /// No RCP at this level allows the action.
    RcpDoesNotAllow(u16),
    /// The account root user acting in its own account.
    RootUser,
    /// A resource-based policy allows the caller itself.
    ResourcePolicyAllows,
    /// A resource-based policy allows the caller's role; boundary and session allow.
    ResourcePolicyAllowsRole,
    /// A resource-based policy and the caller's identity-side policies allow.
    ResourcePolicyAndIdentityAllow,
    /// Identity-based policy allows (and boundary/session, when present).
    IdentityPolicyAllows,
    /// Cross-account request and no resource-based policy allows it.
    CrossAccountNoResourcePolicyAllow,
    /// This action needs the resource's policy (key policy, trust policy) to allow.
    ResourcePolicyRequired,
    /// A service principal or anonymous caller needs a resource-based policy allow.
    NoResourcePolicyAllow,
    /// The permissions boundary does not allow the action.
    BoundaryDoesNotAllow,
    /// The session policies do not allow the action.
    SessionPolicyDoesNotAllow,
    /// No identity-based policy allows the action.
    NoIdentityPolicyAllow,
}

impl Reason {
    /// A sentence for reports.
    pub fn describe(self) -> String {
        match self {
            Reason::ExplicitDeny => "an explicit Deny statement applies".into(),
            Reason::ScpDoesNotAllow(l) => {
                format!("no service control policy at organization level {l} allows the action")
            }
            Reason::RcpDoesNotAllow(l) => {
                format!("no resource control policy at organization level {l} allows the action")
            }
            Reason::RootUser => "the account root user is allowed in its own account".into(),
            Reason::ResourcePolicyAllows => {
                "the resource-based policy allows this principal directly".into()
            }
            Reason::ResourcePolicyAllowsRole => {
                "the resource-based policy allows the principal's role (and the boundary and session policies allow)".into()
            }
            Reason::ResourcePolicyAndIdentityAllow => {
                "both the resource-based policy and the principal's identity-based policies allow".into()
            }
            Reason::IdentityPolicyAllows => "an identity-based policy allows the action".into(),
            Reason::CrossAccountNoResourcePolicyAllow => {
                "cross-account request: no resource-based policy allows this principal".into()
            }
            Reason::ResourcePolicyRequired => {
                "this action requires the resource's own policy (key policy or trust policy) to allow".into()
            }
            Reason::NoResourcePolicyAllow => {
                "no resource-based policy allows this principal".into()
            }
            Reason::BoundaryDoesNotAllow => "the permissions boundary does not allow the action".into(),
            Reason::SessionPolicyDoesNotAllow => "the session policy does not allow the action".into(),
            Reason::NoIdentityPolicyAllow => "no identity-based policy allows the action".into(),
        }
    }
}

/// The result of [`PolicySet::evaluate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// Allow, explicit deny or implicit deny.
    pub outcome: Outcome,
    /// Why.
    pub reason: Reason,
    /// The statements that decided: the matching `Deny` statements for an explicit deny, the
    /// matching `Allow` statements for an allow, none for an implicit deny.
    pub statements: Vec<StatementRef>,
}

impl Decision {
    /// True when allowed.
    pub fn is_allowed(&self) -> bool {
        self.outcome == Outcome::Allow
    }
}

/// Every policy that applies to requests of one principal (and one resource).
#[derive(Debug, Clone, Default)]
pub struct PolicySet {
    /// Identity-based policies (inline, managed, from groups).
    pub identity: Vec<CompiledPolicy>,
    /// Resource-based policies of the resource.
    pub resource: Vec<CompiledPolicy>,
    /// The permissions boundary, if any.
    pub boundary: Option<CompiledPolicy>,
    /// Session policies, if the caller is a session created with them.
    pub session: Vec<CompiledPolicy>,
    /// SCPs per level of the organization, root first.
    pub scp_levels: Vec<Vec<CompiledPolicy>>,
    /// RCPs per level of the organization, root first.
    pub rcp_levels: Vec<Vec<CompiledPolicy>>,
}

#[derive(Default)]
struct Scan {
    matched: Vec<StatementRef>,
    any_deny: bool,
}

#[derive(Clone, Copy)]
struct GroupAllow {
    allow: bool,
    principal: PrincipalMatch,
}

impl PolicySet {
    /// An empty set.
    pub fn new() -> PolicySet {
        PolicySet::default()
    }

    /// Adds an identity-based policy.
    pub fn with_identity(mut self, name: &str, p: Policy) -> Self {
        self.identity.push(CompiledPolicy::new(name, p));
        self
    }

    /// Adds a resource-based policy.
    pub fn with_resource(mut self, name: &str, p: Policy) -> Self {
        self.resource.push(CompiledPolicy::new(name, p));
        self
    }

    /// Sets the permissions boundary.
    pub fn with_boundary(mut self, name: &str, p: Policy) -> Self {
        self.boundary = Some(CompiledPolicy::new(name, p));
        self
    }

    /// Adds a session policy.
    pub fn with_session(mut self, name: &str, p: Policy) -> Self {
        self.session.push(CompiledPolicy::new(name, p));
        self
    }

    /// Adds a level of SCPs (all policies attached at one level of the organization).
    pub fn with_scp_level(mut self, level: Vec<(&str, Policy)>) -> Self {
        self.scp_levels.push(
            level
                .into_iter()
                .map(|(n, p)| CompiledPolicy::new(n, p))
                .collect(),
        );
        self
    }

    /// Adds a level of RCPs.
    pub fn with_rcp_level(mut self, level: Vec<(&str, Policy)>) -> Self {
        self.rcp_levels.push(
            level
                .into_iter()
                .map(|(n, p)| CompiledPolicy::new(n, p))
                .collect(),
        );
        self
    }

    /// The policy a [`StatementRef`] points into.
    pub fn policy(&self, r: &StatementRef) -> Option<&CompiledPolicy> {
        let i = r.policy as usize;
        match r.group {
            Group::Identity => self.identity.get(i),
            Group::Resource => self.resource.get(i),
            Group::Boundary => self.boundary.as_ref(),
            Group::Session => self.session.get(i),
            Group::Scp(l) => self.scp_levels.get(l as usize)?.get(i),
            Group::Rcp(l) => self.rcp_levels.get(l as usize)?.get(i),
        }
    }

    /// A label for a statement: `identity policy "name" Statement[1] (Sid "X")`.
    pub fn describe(&self, r: &StatementRef) -> String {
        let group = match r.group {
            Group::Identity => "identity policy".to_string(),
            Group::Resource => "resource policy".to_string(),
            Group::Boundary => "permissions boundary".to_string(),
            Group::Session => "session policy".to_string(),
            Group::Scp(l) => format!("SCP (level {l})"),
            Group::Rcp(l) => format!("RCP (level {l})"),
        };
        match self.policy(r) {
            Some(p) => {
                let st = p
                    .source_statement(r.statement)
                    .map(|s| s.label())
                    .unwrap_or_else(|| format!("Statement[{}]", r.statement));
                format!("{group} \"{}\" {st}", p.name)
            }
            None => format!("{group} Statement[{}]", r.statement),
        }
    }

    #[inline]
    fn scan(
        policies: &[CompiledPolicy],
        group: Group,
        req: &Request,
        check_principal: bool,
        scan: &mut Scan,
    ) -> GroupAllow {
        let mut out = GroupAllow {
            allow: false,
            principal: PrincipalMatch::No,
        };
        for (pi, p) in policies.iter().enumerate() {
            for s in &p.statements {
                let pm = if check_principal {
                    let m = s.principal_match(&req.principal);
                    if m == PrincipalMatch::No {
                        continue;
                    }
                    m
                } else {
                    PrincipalMatch::Direct
                };
                if !s.applies(req) {
                    continue;
                }
                scan.matched.push(StatementRef {
                    group,
                    policy: pi as u32,
                    statement: s.index,
                    effect: s.effect,
                });
                match s.effect {
                    Effect::Deny => scan.any_deny = true,
                    Effect::Allow => {
                        out.allow = true;
                        out.principal = out.principal.max(pm);
                    }
                }
            }
        }
        out
    }

    /// Decides `req` against every policy of the set.
    pub fn evaluate(&self, req: &Request) -> Decision {
        let mut scan = Scan::default();
        let kind = req.principal.kind;
        let aws_caller = !matches!(kind, PrincipalKind::Service | PrincipalKind::Anonymous);

        let identity = Self::scan(&self.identity, Group::Identity, req, false, &mut scan);
        let resource = Self::scan(&self.resource, Group::Resource, req, true, &mut scan);
        let boundary = self.boundary.as_ref().map(|b| {
            Self::scan(
                std::slice::from_ref(b),
                Group::Boundary,
                req,
                false,
                &mut scan,
            )
            .allow
        });
        let session = (!self.session.is_empty())
            .then(|| Self::scan(&self.session, Group::Session, req, false, &mut scan).allow);
        let mut scp_fail = None;
        if aws_caller {
            for (l, level) in self.scp_levels.iter().enumerate() {
                let a = Self::scan(level, Group::Scp(l as u16), req, false, &mut scan);
                if !a.allow && scp_fail.is_none() {
                    scp_fail = Some(l as u16);
                }
            }
        }
        let mut rcp_fail = None;
        if kind != PrincipalKind::Service {
            for (l, level) in self.rcp_levels.iter().enumerate() {
                let a = Self::scan(level, Group::Rcp(l as u16), req, true, &mut scan);
                if !a.allow && rcp_fail.is_none() {
                    rcp_fail = Some(l as u16);
                }
            }
        }

        let Scan { matched, any_deny } = scan;
        let finish = |outcome: Outcome, reason: Reason| {
            let statements = match outcome {
                Outcome::ImplicitDeny => Vec::new(),
                Outcome::ExplicitDeny => matched
                    .iter()
                    .copied()
                    .filter(|s| s.effect == Effect::Deny)
                    .collect(),
                Outcome::Allow => matched
                    .iter()
                    .copied()
                    .filter(|s| s.effect == Effect::Allow)
                    .collect(),
            };
            Decision {
                outcome,
                reason,
                statements,
            }
        };

        if any_deny {
            return finish(Outcome::ExplicitDeny, Reason::ExplicitDeny);
        }
        if let Some(l) = scp_fail {
            return finish(Outcome::ImplicitDeny, Reason::ScpDoesNotAllow(l));
        }
        if let Some(l) = rcp_fail {
            return finish(Outcome::ImplicitDeny, Reason::RcpDoesNotAllow(l));
        }
        if !aws_caller {
            return if resource.allow && resource.principal == PrincipalMatch::Direct {
                finish(Outcome::Allow, Reason::ResourcePolicyAllows)
            } else {
                finish(Outcome::ImplicitDeny, Reason::NoResourcePolicyAllow)
            };
        }
        let cross = req.is_cross_account();
        if kind == PrincipalKind::Root && !cross {
            return finish(Outcome::Allow, Reason::RootUser);
        }
        // The identity side: boundary, session and identity policies.
        let identity_side = || -> Result<(), Reason> {
            if boundary == Some(false) {
                return Err(Reason::BoundaryDoesNotAllow);
            }
            if session == Some(false) {
                return Err(Reason::SessionPolicyDoesNotAllow);
            }
            if !identity.allow {
                return Err(Reason::NoIdentityPolicyAllow);
            }
            Ok(())
        };
        if cross {
            if !resource.allow {
                return finish(
                    Outcome::ImplicitDeny,
                    Reason::CrossAccountNoResourcePolicyAllow,
                );
            }
            return match identity_side() {
                Ok(()) => finish(Outcome::Allow, Reason::ResourcePolicyAndIdentityAllow),
                Err(r) => finish(Outcome::ImplicitDeny, r),
            };
        }
        let a = req.action_lower.as_str();
        let resource_required =
            !self.resource.is_empty() && (a.starts_with("kms:") || a.starts_with("sts:assumerole"));
        if resource_required && !resource.allow {
            return finish(Outcome::ImplicitDeny, Reason::ResourcePolicyRequired);
        }
        if resource.allow {
            match resource.principal {
                PrincipalMatch::Direct => {
                    return finish(Outcome::Allow, Reason::ResourcePolicyAllows);
                }
                PrincipalMatch::Role if boundary != Some(false) && session != Some(false) => {
                    return finish(Outcome::Allow, Reason::ResourcePolicyAllowsRole);
                }
                _ => {}
            }
        }
        match identity_side() {
            Ok(()) if resource.allow => {
                finish(Outcome::Allow, Reason::ResourcePolicyAndIdentityAllow)
            }
            Ok(()) => finish(Outcome::Allow, Reason::IdentityPolicyAllows),
            Err(r) => finish(Outcome::ImplicitDeny, r),
        }
    }

    /// Could the principal owning these policies perform `action` on **some** resource?
    ///
    /// Used by the analyses. Identity side only (SCPs, boundary, session, identity policies):
    /// an `Allow` counts when it covers the action and some resource, whatever its conditions
    /// (they may hold); a `Deny` counts only when it covers the action on every resource (`*`)
    /// without conditions. Returns the allowing identity statements, empty when not allowed.
    pub fn possibly_allowed(&self, action: &str) -> Vec<StatementRef> {
        self.possibly_allowed_with(action, &crate::request::Context::new())
    }

    /// Like [`PolicySet::possibly_allowed`], with some context keys known (`hints`): conditions
    /// on those keys are evaluated (an `Allow` must satisfy them; a `Deny` whose conditions are
    /// all on known keys and hold counts as unconditional). Conditions on other keys are assumed
    /// satisfiable for an `Allow` and unmet for a `Deny`.
    pub fn possibly_allowed_with(
        &self,
        action: &str,
        hints: &crate::request::Context,
    ) -> Vec<StatementRef> {
        let known = |c: &crate::condition::CompiledCondition| hints.get(c.key()).is_some();
        let action_lower = action.to_ascii_lowercase();
        let a = action_lower.as_str();
        let mut allows = Vec::new();
        let mut denied = false;
        let mut check = |policies: &[CompiledPolicy], group: Group, collect: bool| -> bool {
            let mut allowed = false;
            for (pi, p) in policies.iter().enumerate() {
                for s in &p.statements {
                    if !s.actions.covers(a) {
                        continue;
                    }
                    match s.effect {
                        Effect::Deny => {
                            if s.conditions.iter().all(|c| known(c) && c.evaluate(hints))
                                && s.resources.as_ref().is_none_or(|r| r.covers_all())
                            {
                                denied = true;
                            }
                        }
                        Effect::Allow => {
                            if s.resources.as_ref().is_none_or(|r| r.covers_some())
                                && s.conditions.iter().all(|c| !known(c) || c.evaluate(hints))
                            {
                                allowed = true;
                                if collect {
                                    allows.push(StatementRef {
                                        group,
                                        policy: pi as u32,
                                        statement: s.index,
                                        effect: Effect::Allow,
                                    });
                                }
                            }
                        }
                    }
                }
            }
            allowed
        };
        let identity_ok = check(&self.identity, Group::Identity, true);
        let boundary_ok = self
            .boundary
            .as_ref()
            .is_none_or(|b| check(std::slice::from_ref(b), Group::Boundary, false));
        let session_ok = self.session.is_empty() || check(&self.session, Group::Session, false);
        let mut scp_ok = true;
        for (l, level) in self.scp_levels.iter().enumerate() {
            scp_ok &= check(level, Group::Scp(l as u16), false);
        }
        if denied || !identity_ok || !boundary_ok || !session_ok || !scp_ok {
            return Vec::new();
        }
        allows
    }

    /// All statements of the identity side, for analyses that look at them one by one.
    pub fn identity_statements(&self) -> impl Iterator<Item = (usize, &CompiledStatement)> {
        self.identity
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.statements.iter().map(move |s| (i, s)))
    }
}

/// Evaluates `req` against every policy of `set` (same as [`PolicySet::evaluate`]).
pub fn evaluate(req: &Request, set: &PolicySet) -> Decision {
    set.evaluate(req)
}

/// Returns the kind of every group, for documentation.
pub fn group_kind(g: Group) -> PolicyKind {
    match g {
        Group::Identity => PolicyKind::Identity,
        Group::Resource => PolicyKind::Resource,
        Group::Boundary => PolicyKind::Boundary,
        Group::Session => PolicyKind::Session,
        Group::Scp(_) => PolicyKind::Scp,
        Group::Rcp(_) => PolicyKind::Rcp,
    }
}
