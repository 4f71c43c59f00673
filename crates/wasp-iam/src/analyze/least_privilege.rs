//! Least privilege: admin-equivalent grants, and risky actions allowed on every resource
//! (`Resource: "*"`): permissions management (resource exposure), write, data exfiltration and
//! credential exposure. Wildcards and `NotAction` expand through the [`ActionDb`]; actions denied
//! on every resource are left out.

use crate::actions::{AccessLevel, Action, ActionDb};
use crate::compile::CompiledStatement;
use crate::evaluate::{Group, PolicySet, StatementRef};
use crate::matcher::Pattern;
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

/// Per action (indexed by [`Action::ord`]): bit 0 data exfiltration, bit 1 credential
/// exposure.
static SPECIAL: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(|| {
    let db = ActionDb::get();
    let mut flags = vec![0u8; db.action_count()];
    for (list, bit) in [(DATA_EXFILTRATION, 1u8), (CREDENTIALS_EXPOSURE, 2u8)] {
        for name in list {
            if let Some(a) = db.action(name) {
                flags[a.action.ord as usize] |= bit;
            }
        }
    }
    flags
});

/// Actions of one risk category allowed on every resource, with the statements granting them.
#[derive(Debug, Clone, Default)]
pub struct Grants {
    /// The actions, sorted by name.
    entries: Vec<Entry>,
    /// The statements of every entry, in runs.
    refs: Vec<StatementRef>,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    action: &'static Action,
    start: u32,
    len: u32,
}

/// One action granted on every resource.
#[derive(Debug, Clone, Copy)]
pub struct Granted<'a> {
    pub action: &'static Action,
    /// The statements allowing it.
    pub by: &'a [StatementRef],
}

impl Grants {
    /// Number of actions.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The actions with the statements granting each, sorted by action name.
    pub fn iter(&self) -> impl Iterator<Item = Granted<'_>> + '_ {
        self.entries.iter().map(|e| Granted {
            action: e.action,
            by: &self.refs[e.start as usize..(e.start + e.len) as usize],
        })
    }

    /// The granted action names (`iam:PassRole`), sorted.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().map(|e| &*e.action.full)
    }

    /// Builds from (action, statement) pairs in any order and with repeats, leaving out the
    /// actions `keep` refuses.
    fn build(
        mut pairs: Vec<(&'static Action, StatementRef)>,
        keep: impl Fn(&Action) -> bool,
    ) -> Grants {
        // Pairs come one statement after the other, each nearly in name order: the stable
        // sort merges those runs.
        pairs.sort_by_key(|(a, r)| (a.ord, r.policy, r.statement));
        pairs.dedup_by(|x, y| {
            x.0.ord == y.0.ord && x.1.policy == y.1.policy && x.1.statement == y.1.statement
        });
        let mut out = Grants {
            entries: Vec::new(),
            refs: Vec::with_capacity(pairs.len()),
        };
        let mut i = 0;
        while i < pairs.len() {
            let action = pairs[i].0;
            let mut j = i;
            while j < pairs.len() && pairs[j].0.ord == action.ord {
                j += 1;
            }
            if keep(action) {
                out.entries.push(Entry {
                    action,
                    start: out.refs.len() as u32,
                    len: (j - i) as u32,
                });
                out.refs.extend(pairs[i..j].iter().map(|p| p.1));
            }
            i = j;
        }
        out
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
    let mut conditional_statements = 0;
    // (action, statement) pairs per category: permissions management, write, data
    // exfiltration, credential exposure.
    let mut pairs: [Vec<(&'static Action, StatementRef)>; 4] = Default::default();
    let mut relevant: Vec<&Pattern> = Vec::new();
    let mut prefix = String::new();
    for (pi, s) in set.identity_statements() {
        if s.effect != Effect::Allow || !s.resources.as_ref().is_none_or(|r| r.covers_all()) {
            continue;
        }
        if !s.conditions.is_empty() {
            conditional_statements += 1;
        }
        let r = StatementRef {
            group: Group::Identity,
            policy: pi as u32,
            statement: s.index,
            effect: Effect::Allow,
        };
        let mut visit = |a: &'static Action| {
            match a.access {
                AccessLevel::PermissionsManagement => pairs[0].push((a, r)),
                AccessLevel::Write => pairs[1].push((a, r)),
                _ => {}
            }
            let f = special.get(a.ord as usize).copied().unwrap_or(0);
            if f & 1 != 0 {
                pairs[2].push((a, r));
            }
            if f & 2 != 0 {
                pairs[3].push((a, r));
            }
        };
        if s.actions.negated {
            for svc in &db.services {
                // Only the patterns that can match an action of this service decide; with
                // none, `NotAction` covers the whole service.
                prefix.clear();
                prefix.push_str(&svc.prefix);
                prefix.make_ascii_lowercase();
                prefix.push(':');
                relevant.clear();
                relevant.extend(
                    s.actions
                        .patterns
                        .iter()
                        .filter(|p| p.may_match_prefix(&prefix)),
                );
                for a in &svc.actions {
                    if !relevant.iter().any(|p| p.matches(&a.lower)) {
                        visit(a);
                    }
                }
            }
        } else {
            for p in s.source_patterns(set, pi) {
                db.expand_into(&p, &mut |ar| visit(ar.action));
            }
        }
    }
    // Leave out what is denied on every resource.
    let denies = set.identity_statements().any(|(_, s)| {
        s.effect == Effect::Deny
            && s.conditions.is_empty()
            && s.resources.as_ref().is_none_or(|r| r.covers_all())
    });
    let filter = denies || set.boundary.is_some();
    let keep = |a: &Action| !filter || !denied_everywhere(set, &a.lower);
    let [pm, write, exfil, creds] = pairs;
    RiskyGrants {
        permissions_management: Grants::build(pm, keep),
        write: Grants::build(write, keep),
        data_exfiltration: Grants::build(exfil, keep),
        credentials_exposure: Grants::build(creds, keep),
        conditional_statements,
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PolicyKind;
    use crate::parse::parse_policy_str;

    fn set(doc: &str) -> PolicySet {
        PolicySet::new().with_identity("p", parse_policy_str(doc, PolicyKind::Identity).unwrap())
    }

    /// The write actions of `risky_grants`, against matching every action of the database
    /// one by one through the compiled statements.
    fn check_write_against_brute_force(doc: &str) {
        let set = set(doc);
        let got: Vec<&str> = risky_grants(&set).write.names().collect();
        let mut want: Vec<&str> = ActionDb::get()
            .services
            .iter()
            .flat_map(|s| &s.actions)
            .filter(|a| a.access == AccessLevel::Write)
            .filter(|a| {
                set.identity_statements().any(|(_, s)| {
                    s.effect == Effect::Allow
                        && s.resources.as_ref().is_none_or(|r| r.covers_all())
                        && s.actions.covers(&a.lower)
                })
            })
            .map(|a| &*a.full)
            .collect();
        want.sort_unstable();
        assert_eq!(got, want, "{doc}");
    }

    #[test]
    fn expansion_matches_brute_force() {
        for doc in [
            r#"{"Statement":[{"Effect":"Allow","NotAction":["iam:*","S3:Get*"],"Resource":"*"}]}"#,
            r#"{"Statement":[{"Effect":"Allow","NotAction":"*:Describe*","Resource":"*"}]}"#,
            r#"{"Statement":[{"Effect":"Allow","NotAction":["s3:*","s3express:*","ec2:?un*"],"Resource":"*"}]}"#,
            r#"{"Statement":[{"Effect":"Allow","Action":["s3:Put*","s3:PutObject","ec2:*"],"Resource":"*"},
                {"Effect":"Allow","Action":"s3:P*","Resource":"*"}]}"#,
            r#"{"Statement":[{"Effect":"Allow","Action":"*:Create*","Resource":"*"}]}"#,
        ] {
            check_write_against_brute_force(doc);
        }
    }

    #[test]
    fn statements_are_merged_per_action_and_denies_left_out() {
        let set = set(r#"{"Statement":[
            {"Effect":"Allow","Action":["s3:PutObject","s3:Put*"],"Resource":"*"},
            {"Effect":"Allow","Action":"s3:PutObject","Resource":"*"},
            {"Effect":"Deny","Action":"s3:PutBucketPolicy","Resource":"*"}]}"#);
        let r = risky_grants(&set);
        let put = r
            .write
            .iter()
            .find(|g| &*g.action.full == "s3:PutObject")
            .unwrap();
        assert_eq!(
            put.by.iter().map(|r| r.statement).collect::<Vec<_>>(),
            [0, 1]
        );
        assert!(r
            .permissions_management
            .names()
            .all(|n| n != "s3:PutBucketPolicy"));
        assert!(r
            .permissions_management
            .names()
            .any(|n| n == "s3:PutBucketAcl"));
        let names: Vec<&str> = r.write.names().collect();
        assert!(names.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
    }
}
