//! Least privilege: admin-equivalent grants, and risky actions allowed on every resource
//! (`Resource: "*"`): permissions management (resource exposure), write, data exfiltration and
//! credential exposure. Wildcards and `NotAction` expand through the [`ActionDb`]; actions denied
//! on every resource are left out.

use std::collections::BTreeMap;

use crate::actions::{AccessLevel, Action, ActionDb};
use crate::compile::CompiledStatement;
use crate::evaluate::{Group, PolicySet, StatementRef};
use crate::model::Effect;

/// Actions that read data out of its store (as Cloudsplaining's data-exfiltration list).
pub const DATA_EXFILTRATION: &[&str] = &[
    "s3:GetObject",
    "s3:GetObjectVersion",
    "ssm:GetParameter",
    "ssm:GetParameters",
    "ssm:GetParametersByPath",
    "secretsmanager:GetSecretValue",
    "kms:Decrypt",
    "dynamodb:Scan",
    "dynamodb:Query",
    "dynamodb:GetItem",
    "dynamodb:BatchGetItem",
    "rds:CopyDBSnapshot",
    "ec2:CreateSnapshot",
];

/// Actions that return credentials (as Cloudsplaining's credentials-exposure list).
pub const CREDENTIALS_EXPOSURE: &[&str] = &[
    "chime:CreateApiKey",
    "codepipeline:PollForJobs",
    "cognito-identity:GetOpenIdToken",
    "cognito-identity:GetOpenIdTokenForDeveloperIdentity",
    "cognito-identity:GetCredentialsForIdentity",
    "connect:GetFederationToken",
    "connect:GetFederationTokens",
    "ecr:GetAuthorizationToken",
    "gamelift:GetInstanceAccess",
    "gamelift:RequestUploadCredentials",
    "iam:CreateAccessKey",
    "iam:CreateLoginProfile",
    "iam:CreateServiceSpecificCredential",
    "iam:ResetServiceSpecificCredential",
    "iam:UpdateAccessKey",
    "iot:AssumeRoleWithCertificate",
    "lightsail:GetInstanceAccessDetails",
    "lightsail:GetRelationalDatabaseMasterUserPassword",
    "mediapackage:RotateIngestEndpointCredentials",
    "rds-db:Connect",
    "redshift:GetClusterCredentials",
    "sso:GetRoleCredentials",
    "sts:AssumeRole",
    "sts:AssumeRoleWithSAML",
    "sts:AssumeRoleWithWebIdentity",
    "sts:GetFederationToken",
    "sts:GetSessionToken",
];

/// Statements that grant every action on every resource without conditions.
pub fn admin_statements(set: &PolicySet) -> Vec<StatementRef> {
    let mut out = Vec::new();
    for (pi, s) in set.identity_statements() {
        if is_admin_statement(s) {
            out.push(StatementRef {
                group: Group::Identity,
                policy: pi as u32,
                statement: s.index,
                effect: Effect::Allow,
            });
        }
    }
    // Must survive denies, the boundary and SCPs: check through the evaluator.
    if !out.is_empty()
        && [
            "iam:AttachUserPolicy",
            "iam:PutRolePolicy",
            "ec2:RunInstances",
        ]
        .iter()
        .any(|a| set.possibly_allowed(a).is_empty())
    {
        return Vec::new();
    }
    out
}

fn is_admin_statement(s: &CompiledStatement) -> bool {
    s.effect == Effect::Allow
        && s.conditions.is_empty()
        && !s.actions.negated
        && s.actions
            .patterns
            .iter()
            .any(|p| p.is_any() || (p.matches("*:*") && p.matches("some-service:someaction")))
        && s.resources.as_ref().is_none_or(|r| r.covers_all())
}

/// The data-exfiltration and credential-exposure lists, lower-cased, for constant-time lookup.
static SPECIAL: std::sync::LazyLock<(
    std::collections::HashSet<String>,
    std::collections::HashSet<String>,
)> = std::sync::LazyLock::new(|| {
    let set = |l: &[&str]| l.iter().map(|a| a.to_ascii_lowercase()).collect();
    (set(DATA_EXFILTRATION), set(CREDENTIALS_EXPOSURE))
});

/// Actions of one risk category allowed on every resource, with the statements granting them.
#[derive(Debug, Clone, Default)]
pub struct Grants {
    /// Action name (`iam:PassRole`) to the action and the statements allowing it on `*`.
    pub actions: BTreeMap<&'static str, Granted>,
}

/// One action granted on every resource.
#[derive(Debug, Clone)]
pub struct Granted {
    pub action: &'static Action,
    /// The statements allowing it.
    pub by: Vec<StatementRef>,
}

impl Grants {
    fn add(&mut self, a: &'static Action, r: StatementRef) {
        self.actions
            .entry(&a.full)
            .or_insert_with(|| Granted {
                action: a,
                by: Vec::new(),
            })
            .by
            .push(r);
    }
}

/// Risky grants on every resource, by category.
#[derive(Debug, Clone, Default)]
pub struct RiskyGrants {
    /// Permissions-management actions on `*` (resource exposure).
    pub permissions_management: Grants,
    /// Write actions on `*`.
    pub write: Grants,
    /// Data exfiltration actions on `*`.
    pub data_exfiltration: Grants,
    /// Credential exposure actions on `*`.
    pub credentials_exposure: Grants,
    /// Number of statements conditioned (their grants are reported all the same).
    pub conditional_statements: usize,
}

/// Expands every identity `Allow` statement covering all resources, and sorts the risky actions
/// it grants into categories.
pub fn risky_grants(set: &PolicySet) -> RiskyGrants {
    let db = ActionDb::get();
    let special = &*SPECIAL;
    let mut out = RiskyGrants::default();
    for (pi, s) in set.identity_statements() {
        if s.effect != Effect::Allow || !s.resources.as_ref().is_none_or(|r| r.covers_all()) {
            continue;
        }
        if !s.conditions.is_empty() {
            out.conditional_statements += 1;
        }
        let r = StatementRef {
            group: Group::Identity,
            policy: pi as u32,
            statement: s.index,
            effect: Effect::Allow,
        };
        let mut visit = |a: &'static Action| {
            match a.access {
                AccessLevel::PermissionsManagement => out.permissions_management.add(a, r),
                AccessLevel::Write => out.write.add(a, r),
                _ => {}
            }
            if special.0.contains(&*a.lower) {
                out.data_exfiltration.add(a, r);
            }
            if special.1.contains(&*a.lower) {
                out.credentials_exposure.add(a, r);
            }
        };
        if s.actions.negated {
            for svc in &db.services {
                for a in &svc.actions {
                    if s.actions.covers(&a.lower) {
                        visit(a);
                    }
                }
            }
        } else {
            let mut seen = std::collections::HashSet::new();
            for p in s.source_patterns(set, pi) {
                db.expand_into(&p, &mut |ar| {
                    if seen.insert(&*ar.action.lower) {
                        visit(ar.action);
                    }
                });
            }
        }
    }
    // Leave out what is denied on every resource.
    let denies = set.identity_statements().any(|(_, s)| {
        s.effect == Effect::Deny
            && s.conditions.is_empty()
            && s.resources.as_ref().is_none_or(|r| r.covers_all())
    });
    if denies || set.boundary.is_some() {
        for g in [
            &mut out.permissions_management,
            &mut out.write,
            &mut out.data_exfiltration,
            &mut out.credentials_exposure,
        ] {
            g.actions
                .retain(|_, granted| !denied_everywhere(set, &granted.action.lower));
        }
    }
    out
}

/// `lower`: the lower-cased action name.
fn denied_everywhere(set: &PolicySet, lower: &str) -> bool {
    set.identity_statements().any(|(_, s)| {
        s.effect == Effect::Deny
            && s.conditions.is_empty()
            && s.actions.covers(lower)
            && s.resources.as_ref().is_none_or(|r| r.covers_all())
    }) || set.boundary.as_ref().is_some_and(|b| {
        !b.statements
            .iter()
            .any(|s| s.effect == Effect::Allow && s.actions.covers(lower))
    })
}

impl CompiledStatement {
    /// The statement's `Action` values as written (from the source policy).
    fn source_patterns(&self, set: &PolicySet, policy: usize) -> Vec<String> {
        set.identity
            .get(policy)
            .and_then(|p| p.source_statement(self.index))
            .and_then(|s| s.action.as_ref())
            .map(|a| a.values.clone())
            .unwrap_or_default()
    }
}
