//! The request being authorized: who, what action, on which resource, with which context.

use serde::Serialize;

use crate::matcher::Vars;

/// The request context: condition keys and their values. Keys compare case-insensitively.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Context {
    entries: Vec<(String, Vec<String>)>,
}

impl Context {
    /// An empty context.
    pub fn new() -> Context {
        Context::default()
    }

    /// Sets `key` to a single value (replacing any previous values).
    pub fn set(&mut self, key: &str, value: impl Into<String>) -> &mut Self {
        self.set_all(key, vec![value.into()])
    }

    /// Sets `key` to several values (a multivalued key such as `aws:TagKeys`).
    pub fn set_all(&mut self, key: &str, values: Vec<String>) -> &mut Self {
        let lower = key.to_ascii_lowercase();
        if let Some(e) = self.entries.iter_mut().find(|(k, _)| *k == lower) {
            e.1 = values;
        } else {
            self.entries.push((lower, values));
        }
        self
    }

    /// Adds a value to `key`.
    pub fn push(&mut self, key: &str, value: impl Into<String>) -> &mut Self {
        let lower = key.to_ascii_lowercase();
        if let Some(e) = self.entries.iter_mut().find(|(k, _)| *k == lower) {
            e.1.push(value.into());
        } else {
            self.entries.push((lower, vec![value.into()]));
        }
        self
    }

    /// Sets `key` only when absent.
    pub fn set_default(&mut self, key: &str, value: impl Into<String>) {
        if self.get(key).is_none() {
            self.set(key, value);
        }
    }

    /// The values of `key` (any case), if present.
    #[inline]
    pub fn get(&self, key: &str) -> Option<&[String]> {
        self.entries
            .iter()
            .find(|(k, _)| {
                k.len() == key.len() && k.as_bytes().eq_ignore_ascii_case(key.as_bytes())
            })
            .map(|(_, v)| v.as_slice())
    }

    /// All entries (keys in lower case).
    pub fn entries(&self) -> &[(String, Vec<String>)] {
        &self.entries
    }
}

impl Vars for Context {
    fn var(&self, key: &str) -> Option<&str> {
        match self.get(key) {
            Some([one]) => Some(one.as_str()),
            _ => None,
        }
    }
}

/// What kind of principal makes the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PrincipalKind {
    /// The account root user (`arn:aws:iam::111122223333:root`).
    Root,
    /// An IAM user.
    User,
    /// An IAM role named directly (its sessions are [`PrincipalKind::AssumedRole`]).
    Role,
    /// A role session (`arn:aws:sts::111122223333:assumed-role/Name/session`).
    AssumedRole,
    /// A federated user session (`arn:aws:sts::111122223333:federated-user/Name`).
    FederatedUser,
    /// An AWS service principal (`lambda.amazonaws.com`).
    Service,
    /// An unauthenticated caller.
    Anonymous,
    /// Anything else (a canonical user id, a web identity ...).
    Other,
}

/// The caller of a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestPrincipal {
    /// The principal as given (ARN, service name, `anonymous`).
    pub id: String,
    /// Its kind, derived from the ARN shape.
    pub kind: PrincipalKind,
    /// Its account, if known.
    pub account: Option<String>,
    /// For a role session: the role's name; for a user or role: its name.
    pub name: Option<String>,
    /// For a role session: the role ARN (path unknown, so `role/Name`).
    pub role_arn: Option<String>,
}

impl RequestPrincipal {
    /// Understands ARNs of users, roles, role sessions, federated users and root users; service
    /// principals (`*.amazonaws.com`); `anonymous` or `*`; anything else is [`PrincipalKind::Other`].
    pub fn parse(id: &str) -> RequestPrincipal {
        let mut p = RequestPrincipal {
            id: id.to_string(),
            kind: PrincipalKind::Other,
            account: None,
            name: None,
            role_arn: None,
        };
        if id.eq_ignore_ascii_case("anonymous") || id == "*" {
            p.kind = PrincipalKind::Anonymous;
            return p;
        }
        if id.ends_with(".amazonaws.com") || id.ends_with(".amazonaws.com.cn") {
            p.kind = PrincipalKind::Service;
            return p;
        }
        if id.len() == 12 && id.bytes().all(|b| b.is_ascii_digit()) {
            p.kind = PrincipalKind::Root;
            p.account = Some(id.to_string());
            p.id = format!("arn:aws:iam::{id}:root");
            return p;
        }
        let parts: Vec<&str> = id.splitn(6, ':').collect();
        if parts.len() == 6 && parts[0] == "arn" {
            let (partition, service, account, res) = (parts[1], parts[2], parts[4], parts[5]);
            p.account = (!account.is_empty()).then(|| account.to_string());
            match service {
                "iam" if res == "root" => p.kind = PrincipalKind::Root,
                "iam" if res.starts_with("user/") => {
                    p.kind = PrincipalKind::User;
                    p.name = res.rsplit('/').next().map(str::to_string);
                }
                "iam" if res.starts_with("role/") => {
                    p.kind = PrincipalKind::Role;
                    p.name = res.rsplit('/').next().map(str::to_string);
                    p.role_arn = Some(id.to_string());
                }
                "sts" if res.starts_with("assumed-role/") => {
                    p.kind = PrincipalKind::AssumedRole;
                    let mut it = res.split('/');
                    it.next();
                    if let Some(role) = it.next() {
                        p.name = Some(role.to_string());
                        p.role_arn = Some(format!("arn:{partition}:iam::{account}:role/{role}"));
                    }
                }
                "sts" if res.starts_with("federated-user/") => {
                    p.kind = PrincipalKind::FederatedUser;
                    p.name = res.split('/').nth(1).map(str::to_string);
                }
                _ => {}
            }
        }
        p
    }
}

/// A request to authorize.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Request {
    /// The caller.
    pub principal: RequestPrincipal,
    /// The action, as given (`s3:GetObject`).
    pub action: String,
    /// The action in lower case (matching is case-insensitive).
    #[serde(skip)]
    pub action_lower: String,
    /// The resource ARN (or `*` for actions without a resource).
    pub resource: String,
    /// The account owning the resource, if known.
    pub resource_account: Option<String>,
    /// The request context.
    pub context: Context,
}

impl Request {
    /// Builds a request and fills the context keys AWS derives from the caller
    /// (`aws:PrincipalArn`, `aws:PrincipalAccount`, `aws:username`, `aws:PrincipalType`,
    /// `aws:ResourceAccount`) unless already present in `context`.
    ///
    /// The resource account comes from the resource ARN's account segment, else from
    /// `aws:ResourceAccount` in the context; when neither is known (an S3 bucket ARN, say) the
    /// resource is taken to be in the caller's account.
    pub fn new(principal: &str, action: &str, resource: &str, mut context: Context) -> Request {
        let principal = RequestPrincipal::parse(principal);
        let mut resource_account = resource
            .split(':')
            .nth(4)
            .filter(|a| !a.is_empty() && a.bytes().all(|b| b.is_ascii_digit()))
            .map(str::to_string);
        if resource_account.is_none() {
            resource_account = context
                .get("aws:ResourceAccount")
                .and_then(|v| v.first().cloned());
        }
        if resource_account.is_none() {
            resource_account = principal.account.clone();
        }
        match principal.kind {
            PrincipalKind::Service | PrincipalKind::Anonymous | PrincipalKind::Other => {}
            _ => {
                let arn = principal
                    .role_arn
                    .clone()
                    .unwrap_or_else(|| principal.id.clone());
                context.set_default("aws:PrincipalArn", arn);
                if let Some(a) = &principal.account {
                    context.set_default("aws:PrincipalAccount", a.clone());
                }
            }
        }
        if principal.kind == PrincipalKind::User {
            if let Some(n) = &principal.name {
                context.set_default("aws:username", n.clone());
            }
        }
        let ptype = match principal.kind {
            PrincipalKind::Root => Some("Account"),
            PrincipalKind::User => Some("User"),
            PrincipalKind::Role | PrincipalKind::AssumedRole => Some("AssumedRole"),
            PrincipalKind::FederatedUser => Some("FederatedUser"),
            PrincipalKind::Anonymous => Some("Anonymous"),
            _ => None,
        };
        if let Some(t) = ptype {
            context.set_default("aws:PrincipalType", t);
        }
        if principal.kind == PrincipalKind::Service {
            context.set_default("aws:PrincipalServiceName", principal.id.clone());
            context.set_default("aws:PrincipalIsAWSService", "true");
        } else {
            context.set_default("aws:PrincipalIsAWSService", "false");
        }
        if let Some(a) = &resource_account {
            context.set_default("aws:ResourceAccount", a.clone());
        }
        Request {
            principal,
            action_lower: action.to_ascii_lowercase(),
            action: action.to_string(),
            resource: resource.to_string(),
            resource_account,
            context,
        }
    }

    /// True when caller and resource are in different accounts (both known).
    pub fn is_cross_account(&self) -> bool {
        match (&self.principal.account, &self.resource_account) {
            (Some(p), Some(r)) => p != r,
            _ => false,
        }
    }
}
