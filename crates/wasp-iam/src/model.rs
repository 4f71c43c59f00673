//! The IAM policy grammar as data: what a policy document says, faithfully, with the JSON path
//! of every statement. Matching structures live in [`crate::compile`].

use serde::Serialize;

use crate::condition::Operator;

/// Which kind of policy a document is; it decides which elements are required or forbidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum PolicyKind {
    /// Attached to a user, group or role (managed or inline).
    Identity,
    /// Attached to a resource (bucket, key, queue, topic policies ...). Requires `Principal`.
    Resource,
    /// A role's trust policy (`AssumeRolePolicyDocument`). Requires `Principal`, no `Resource`.
    Trust,
    /// A permissions boundary of a user or role.
    Boundary,
    /// A session policy passed when assuming a role or federating.
    Session,
    /// An AWS Organizations service control policy.
    Scp,
    /// An AWS Organizations resource control policy. Requires `Principal: "*"`.
    Rcp,
}

impl PolicyKind {
    /// Lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            PolicyKind::Identity => "identity",
            PolicyKind::Resource => "resource",
            PolicyKind::Trust => "trust",
            PolicyKind::Boundary => "boundary",
            PolicyKind::Session => "session",
            PolicyKind::Scp => "scp",
            PolicyKind::Rcp => "rcp",
        }
    }

    /// True for kinds whose statements name a principal.
    pub fn has_principal(self) -> bool {
        matches!(
            self,
            PolicyKind::Resource | PolicyKind::Trust | PolicyKind::Rcp
        )
    }
}

impl std::fmt::Display for PolicyKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for PolicyKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "identity" => PolicyKind::Identity,
            "resource" => PolicyKind::Resource,
            "trust" => PolicyKind::Trust,
            "boundary" | "permissions-boundary" => PolicyKind::Boundary,
            "session" => PolicyKind::Session,
            "scp" => PolicyKind::Scp,
            "rcp" => PolicyKind::Rcp,
            other => return Err(format!("unknown policy kind `{other}`")),
        })
    }
}

/// `Allow` or `Deny`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Effect {
    Allow,
    Deny,
}

/// A list element that may be negated (`Action`/`NotAction`, `Resource`/`NotResource`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Items {
    /// True for the `Not...` form.
    pub negated: bool,
    /// The values, as written.
    pub values: Vec<String>,
}

/// The kind of a principal entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub enum PrincipalType {
    /// `AWS`: account ids, account root ARNs, user, role, assumed-role and federated-user ARNs.
    Aws,
    /// `Service`: service principals such as `lambda.amazonaws.com`.
    Service,
    /// `Federated`: SAML or OIDC providers, `cognito-identity.amazonaws.com`, ...
    Federated,
    /// `CanonicalUser`: S3 canonical user ids.
    CanonicalUser,
}

impl PrincipalType {
    /// The key used in the policy.
    pub fn as_str(&self) -> &'static str {
        match self {
            PrincipalType::Aws => "AWS",
            PrincipalType::Service => "Service",
            PrincipalType::Federated => "Federated",
            PrincipalType::CanonicalUser => "CanonicalUser",
        }
    }
}

/// A `Principal` or `NotPrincipal` element.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrincipalSpec {
    /// True for `NotPrincipal`.
    pub negated: bool,
    /// `"Principal": "*"`.
    pub wildcard: bool,
    /// Typed entries (`{"AWS": [...], "Service": ...}`).
    pub entries: Vec<(PrincipalType, String)>,
}

impl PrincipalSpec {
    /// True when the element names everyone (`"*"` or `{"AWS": "*"}`).
    pub fn is_everyone(&self) -> bool {
        self.wildcard
            || self
                .entries
                .iter()
                .any(|(t, v)| *t == PrincipalType::Aws && v == "*")
    }
}

/// One `operator: { key: values }` entry of a `Condition` block.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Condition {
    /// The operator as parsed (`ForAnyValue:StringLikeIfExists` ...).
    pub operator: Operator,
    /// The context key as written.
    pub key: String,
    /// The values, as strings (JSON booleans and numbers are written as in JSON).
    pub values: Vec<String>,
}

/// One statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    /// Position in the `Statement` array (0 for a single statement object).
    pub index: usize,
    /// JSON path of the statement (`Statement[1]`, or `Statement` for a single object).
    pub path: String,
    /// `Sid`, if any.
    pub sid: Option<String>,
    /// `Effect`; `None` when missing or invalid (then the statement is ignored by evaluation and
    /// reported by validation).
    pub effect: Option<Effect>,
    /// `Action` or `NotAction`.
    pub action: Option<Items>,
    /// `Resource` or `NotResource`.
    pub resource: Option<Items>,
    /// `Principal` or `NotPrincipal`.
    pub principal: Option<PrincipalSpec>,
    /// The `Condition` block, flattened (all entries must hold).
    pub conditions: Vec<Condition>,
}

impl Statement {
    /// A label for messages: `Statement[1] (Sid "X")`.
    pub fn label(&self) -> String {
        match &self.sid {
            Some(s) if !s.is_empty() => format!("{} (Sid \"{}\")", self.path, s),
            _ => self.path.clone(),
        }
    }
}

/// A parsed policy document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Policy {
    /// The kind the document was parsed as.
    pub kind: PolicyKind,
    /// `Version`, if any.
    pub version: Option<String>,
    /// `Id`, if any.
    pub id: Option<String>,
    /// The statements in order.
    pub statements: Vec<Statement>,
    /// AWS validation rules this document breaks (the document is still usable).
    pub issues: Vec<ValidationIssue>,
}

impl Policy {
    /// True when policy variables are interpreted (`Version` is `2012-10-17`).
    pub fn variables_enabled(&self) -> bool {
        self.version.as_deref() == Some("2012-10-17")
    }
}

/// A broken AWS policy-grammar rule, reported as a finding rather than an error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidationIssue {
    /// Stable rule name (kebab-case).
    pub rule: &'static str,
    /// JSON path of the offending element.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// True when AWS would reject the policy outright.
    pub error: bool,
}
