//! Analyses of policies and principals, producing [`Finding`]s.
//!
//! * [`lint`]: grammar and database checks (as Parliament).
//! * [`least_privilege`]: admin-equivalent grants and risky actions on every resource (as
//!   Cloudsplaining).
//! * [`escalation`]: privilege-escalation methods across all policies of a principal.
//! * [`exposure`]: public and cross-account access through resource and trust policies.

pub mod escalation;
pub mod exposure;
pub mod least_privilege;
pub mod lint;

use serde::Serialize;
use wasp_core::Severity;

use crate::authz_details::{AuthorizationDetails, NamedPolicy, PrincipalPolicies};
use crate::compile::CompiledPolicy;
use crate::evaluate::{PolicySet, StatementRef};
use crate::model::{Policy, PolicyKind};

/// What an analysis found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// AWS would reject or misread the document.
    Validation,
    /// Lint.
    Lint,
    /// Least privilege.
    LeastPrivilege,
    /// Privilege escalation.
    PrivilegeEscalation,
    /// Public or cross-account access.
    Exposure,
}

/// One finding about a policy or a principal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable rule name (kebab-case).
    pub rule: String,
    /// Category.
    pub category: Category,
    /// Severity.
    pub severity: Severity,
    /// What it is about: a policy name or a principal ARN.
    pub subject: String,
    /// What is wrong.
    pub message: String,
    /// The statements responsible (`policy "name" Statement[1] (Sid "X")`).
    pub statements: Vec<String>,
    /// The actions concerned, if any.
    pub actions: Vec<String>,
}

/// Options of the analyses.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The account owning analyzed resources (for cross-account findings); if `None`, taken from
    /// the resource ARNs when possible.
    pub account: Option<String>,
    /// Further accounts in the zone of trust.
    pub trusted_accounts: Vec<String>,
    /// Skip lint (faster on large inputs).
    pub skip_lint: bool,
}

const EXAMPLES: usize = 8;

fn examples(actions: &[String]) -> String {
    let mut s = actions
        .iter()
        .take(EXAMPLES)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if actions.len() > EXAMPLES {
        s.push_str(&format!(" and {} more", actions.len() - EXAMPLES));
    }
    s
}

fn labels(set: &PolicySet, refs: &[StatementRef]) -> Vec<String> {
    let mut v: Vec<String> = refs.iter().map(|r| set.describe(r)).collect();
    v.sort();
    v.dedup();
    v
}

/// Validation issues and lint hits of one document.
pub fn lint_findings(name: &str, policy: &Policy) -> Vec<Finding> {
    let mut out: Vec<Finding> = policy
        .issues
        .iter()
        .map(|i| Finding {
            rule: i.rule.to_string(),
            category: Category::Validation,
            severity: if i.error {
                Severity::Medium
            } else {
                Severity::Info
            },
            subject: name.to_string(),
            message: format!("{}: {}", i.path, i.message),
            statements: Vec::new(),
            actions: Vec::new(),
        })
        .collect();
    out.extend(lint::lint(policy).into_iter().map(|h| Finding {
        rule: h.rule.to_string(),
        category: Category::Lint,
        severity: h.severity,
        subject: name.to_string(),
        message: format!("{}: {}", h.path, h.message),
        statements: vec![h.statement],
        actions: Vec::new(),
    }));
    out
}

/// Least-privilege and escalation findings for the identity side of one principal (every
/// identity policy combined, with its boundary).
pub fn permission_findings(subject: &str, set: &PolicySet) -> Vec<Finding> {
    let mut out = Vec::new();
    let admin = least_privilege::admin_statements(set);
    if !admin.is_empty() {
        out.push(Finding {
            rule: "admin-equivalent".into(),
            category: Category::LeastPrivilege,
            severity: Severity::Critical,
            subject: subject.to_string(),
            message: "allows every action on every resource (administrator access)".into(),
            statements: labels(set, &admin),
            actions: vec!["*".into()],
        });
    }
    for hit in escalation::detect(set) {
        let refs: Vec<StatementRef> = hit.grants.iter().flat_map(|(_, r)| r.clone()).collect();
        let actions: Vec<String> = hit.grants.iter().map(|(a, _)| a.to_string()).collect();
        out.push(Finding {
            rule: "privilege-escalation".into(),
            category: Category::PrivilegeEscalation,
            severity: hit.severity(),
            subject: subject.to_string(),
            message: format!(
                "privilege escalation method {}: {} ({})",
                hit.method.name,
                hit.method.description,
                actions.join(" + ")
            ),
            statements: labels(set, &refs),
            actions,
        });
    }
    if admin.is_empty() {
        let risky = least_privilege::risky_grants(set);
        let groups = [
            (
                "credentials-exposure",
                Severity::High,
                &risky.credentials_exposure,
                "actions that return credentials allowed on all resources",
            ),
            (
                "resource-exposure",
                Severity::High,
                &risky.permissions_management,
                "permissions-management actions (can change who has access) allowed on all resources",
            ),
            (
                "data-exfiltration",
                Severity::Medium,
                &risky.data_exfiltration,
                "actions that read stored data allowed on all resources",
            ),
            (
                "write-on-all-resources",
                Severity::Medium,
                &risky.write,
                "write actions allowed on all resources",
            ),
        ];
        for (rule, severity, grants, what) in groups {
            if grants.is_empty() {
                continue;
            }
            let actions: Vec<String> = grants.names().map(str::to_string).collect();
            let refs: Vec<StatementRef> =
                grants.iter().flat_map(|g| g.by.iter().copied()).collect();
            out.push(Finding {
                rule: rule.into(),
                category: Category::LeastPrivilege,
                severity,
                subject: subject.to_string(),
                message: format!("{} {what}: {}", actions.len(), examples(&actions)),
                statements: labels(set, &refs),
                actions,
            });
        }
    }
    out
}

/// Exposure findings of a resource or trust policy.
pub fn exposure_findings(name: &str, policy: &Policy, opts: &Options) -> Vec<Finding> {
    let owner = opts
        .account
        .clone()
        .or_else(|| exposure::owner_from_resources(policy));
    exposure::analyze(policy, owner.as_deref(), &opts.trusted_accounts)
        .into_iter()
        .map(|h| Finding {
            rule: match h.exposure {
                exposure::Exposure::Public => "public-access",
                exposure::Exposure::CrossAccount => "cross-account-access",
                exposure::Exposure::ServiceWithoutSource => "service-without-source-condition",
            }
            .into(),
            category: Category::Exposure,
            severity: h.severity,
            subject: name.to_string(),
            message: h.message,
            statements: vec![format!("policy \"{name}\" {}", h.label)],
            actions: h.actions,
        })
        .collect()
}

/// Every analysis that applies to one document on its own.
pub fn analyze_policy(np: &NamedPolicy, opts: &Options) -> Vec<Finding> {
    let mut out = if opts.skip_lint {
        Vec::new()
    } else {
        lint_findings(&np.name, &np.policy)
    };
    match np.policy.kind {
        PolicyKind::Identity => {
            let set = PolicySet {
                identity: vec![CompiledPolicy::new(np.name.as_str(), np.policy.clone())],
                ..PolicySet::default()
            };
            out.extend(permission_findings(&np.name, &set));
        }
        PolicyKind::Resource | PolicyKind::Trust => {
            out.extend(exposure_findings(&np.name, &np.policy, opts));
        }
        _ => {}
    }
    sort(&mut out);
    out
}

/// The policy set of one principal from authorization details.
pub fn principal_set(p: &PrincipalPolicies) -> PolicySet {
    PolicySet {
        identity: p
            .identity
            .iter()
            .map(|np| CompiledPolicy::new(np.name.as_str(), np.policy.clone()))
            .collect(),
        boundary: p
            .boundary
            .as_ref()
            .map(|b| CompiledPolicy::new(b.name.as_str(), b.policy.clone())),
        ..PolicySet::default()
    }
}

/// Findings of one principal: escalation and least privilege over all its policies combined,
/// exposure of its trust policy.
pub fn analyze_principal(p: &PrincipalPolicies, opts: &Options) -> Vec<Finding> {
    let set = principal_set(p);
    let mut out = permission_findings(&p.arn, &set);
    if let Some(t) = &p.trust {
        let mut o = opts.clone();
        if o.account.is_none() {
            o.account = p.arn.split(':').nth(4).map(str::to_string);
        }
        out.extend(exposure_findings(&p.arn, &t.policy, &o));
    }
    sort(&mut out);
    out
}

/// Findings of an authorization-details document: per principal, then lint per managed and
/// inline policy.
pub fn analyze_authorization(d: &AuthorizationDetails, opts: &Options) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in &d.principals {
        if p.kind == crate::authz_details::EntityKind::Group {
            continue; // users carry their groups' policies
        }
        out.extend(analyze_principal(p, opts));
    }
    if !opts.skip_lint {
        for m in &d.managed {
            if let Some(doc) = &m.document {
                out.extend(lint_findings(&m.arn, doc));
            }
        }
        for p in &d.principals {
            for np in &p.identity {
                if np.name.starts_with("inline:") {
                    out.extend(lint_findings(&format!("{} {}", p.arn, np.name), &np.policy));
                }
            }
        }
    }
    sort(&mut out);
    out
}

fn sort(v: &mut [Finding]) {
    v.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.subject.cmp(&b.subject))
            .then_with(|| a.rule.cmp(&b.rule))
            .then_with(|| a.message.cmp(&b.message))
    });
}
