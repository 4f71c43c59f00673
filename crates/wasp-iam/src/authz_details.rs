//! Inputs: recognizing what a JSON document is, and reading the output of
//! `aws iam get-account-authorization-details` into principals with all their policies.
//!
//! Recognized shapes:
//! * a policy document (`{"Version": ..., "Statement": ...}`);
//! * an AWS managed-policy version (`{"PolicyVersion": {"Document": {...}}}`, as returned by
//!   `aws iam get-policy-version`);
//! * a wrapper with a `PolicyDocument` (CloudFormation `AWS::IAM::Policy`-like properties);
//! * account authorization details (`UserDetailList`, `GroupDetailList`, `RoleDetailList`,
//!   `Policies`).

use std::collections::HashMap;

use serde::Serialize;
use serde_json::Value;

use crate::model::{Policy, PolicyKind};
use crate::parse::{parse_policy, ParseError};

/// A policy that could not be read, with the JSON path of the problem.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[error("{path}: {message}")]
pub struct LoadError {
    /// JSON path from the document root (`RoleDetailList[2].RolePolicyList[0].PolicyDocument.Statement`).
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl LoadError {
    fn at(prefix: &str, e: ParseError) -> LoadError {
        match &e {
            ParseError::Shape { path, message } => LoadError {
                path: join(prefix, path),
                message: message.clone(),
            },
            other => LoadError {
                path: if prefix.is_empty() {
                    "$".to_string()
                } else {
                    prefix.to_string()
                },
                message: other.to_string(),
            },
        }
    }
}

fn join(prefix: &str, path: &str) -> String {
    if prefix.is_empty() {
        path.to_string()
    } else if path == "$" {
        prefix.to_string()
    } else {
        format!("{prefix}.{path}")
    }
}

/// A policy with a name for reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NamedPolicy {
    /// Managed policy ARN, `inline:NAME`, `group GROUP inline:NAME`, or a file name.
    pub name: String,
    /// The document.
    pub policy: Policy,
}

/// What kind of IAM entity a principal is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    User,
    Group,
    Role,
}

/// One user, group or role with every policy that applies to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrincipalPolicies {
    /// User, group or role.
    pub kind: EntityKind,
    /// Name.
    pub name: String,
    /// ARN.
    pub arn: String,
    /// Identity-based policies: inline, attached managed, and (for users) those of its groups.
    pub identity: Vec<NamedPolicy>,
    /// Permissions boundary, when set and resolvable.
    pub boundary: Option<NamedPolicy>,
    /// A role's trust policy.
    pub trust: Option<NamedPolicy>,
    /// A user's groups.
    pub groups: Vec<String>,
}

/// A customer or AWS managed policy listed in `Policies`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ManagedPolicy {
    /// ARN.
    pub arn: String,
    /// Name.
    pub name: String,
    /// The default version's document.
    pub document: Option<Policy>,
    /// `AttachmentCount`.
    pub attachment_count: u64,
}

/// The contents of `get-account-authorization-details`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AuthorizationDetails {
    /// Users, groups and roles.
    pub principals: Vec<PrincipalPolicies>,
    /// Managed policies with their default version.
    pub managed: Vec<ManagedPolicy>,
    /// Documents that could not be read (the rest is still analyzed).
    pub errors: Vec<LoadError>,
    /// Things worth knowing (managed policies attached but not listed ...).
    pub notes: Vec<String>,
}

/// A recognized input document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Input {
    /// One policy.
    Policy(NamedPolicy),
    /// Account authorization details.
    Authorization(Box<AuthorizationDetails>),
}

/// Guesses a policy's kind: a document whose statements name a principal is a resource policy
/// (a trust policy if every action is an `sts:AssumeRole*`); otherwise an identity policy.
pub fn guess_kind(doc: &Value) -> PolicyKind {
    let stmts: Vec<&Value> = match doc.get("Statement") {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(v @ Value::Object(_)) => vec![v],
        _ => return PolicyKind::Identity,
    };
    let with_principal = stmts
        .iter()
        .any(|s| s.get("Principal").is_some() || s.get("NotPrincipal").is_some());
    if !with_principal {
        return PolicyKind::Identity;
    }
    let all_assume = stmts.iter().all(|s| {
        let acts: Vec<&str> = match s.get("Action") {
            Some(Value::String(a)) => vec![a.as_str()],
            Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        !acts.is_empty()
            && acts.iter().all(|a| {
                let l = a.to_ascii_lowercase();
                l.starts_with("sts:assumerole")
                    || l == "sts:tagsession"
                    || l == "sts:setsourceidentity"
            })
    });
    let has_resource = stmts
        .iter()
        .any(|s| s.get("Resource").is_some() || s.get("NotResource").is_some());
    if all_assume && !has_resource {
        PolicyKind::Trust
    } else {
        PolicyKind::Resource
    }
}

/// Recognizes and reads one JSON document. `name` labels it in reports; `kind` forces the
/// policy kind of a single policy (otherwise it is guessed with [`guess_kind`]).
pub fn load_value(name: &str, v: &Value, kind: Option<PolicyKind>) -> Result<Input, LoadError> {
    let Value::Object(o) = v else {
        return Err(LoadError {
            path: "$".into(),
            message: "expected a JSON object (a policy document, a managed-policy version or account authorization details)".into(),
        });
    };
    if [
        "UserDetailList",
        "GroupDetailList",
        "RoleDetailList",
        "Policies",
    ]
    .iter()
    .any(|k| o.contains_key(*k))
    {
        return Ok(Input::Authorization(Box::new(load_authorization_details(
            v,
        ))));
    }
    let (doc, prefix) = if let Some(d) = v.get("PolicyVersion").and_then(|p| p.get("Document")) {
        (d, "PolicyVersion.Document")
    } else if let Some(d) = o.get("PolicyDocument") {
        (d, "PolicyDocument")
    } else if o.contains_key("Statement") {
        (v, "")
    } else {
        return Err(LoadError {
            path: "$".into(),
            message: "not a policy document: no Statement, PolicyVersion.Document, PolicyDocument or UserDetailList/RoleDetailList/Policies".into(),
        });
    };
    let doc = decode_document(doc);
    let kind = kind.unwrap_or_else(|| guess_kind(&doc));
    let policy = parse_policy(&doc, kind).map_err(|e| LoadError::at(prefix, e))?;
    Ok(Input::Policy(NamedPolicy {
        name: name.to_string(),
        policy,
    }))
}

/// A document given as (possibly URL-encoded) JSON text is decoded into a value.
fn decode_document(v: &Value) -> Value {
    if let Value::String(s) = v {
        let text = if s.trim_start().starts_with('%') || s.contains("%22") {
            percent_decode(s)
        } else {
            s.clone()
        };
        if let Ok(parsed) = crate::parse::parse_json(&text) {
            return parsed;
        }
    }
    v.clone()
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(if b[i] == b'+' { b' ' } else { b[i] });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn str_at<'a>(v: &'a Value, k: &str) -> &'a str {
    v.get(k).and_then(Value::as_str).unwrap_or("")
}

fn arr<'a>(v: &'a Value, k: &str) -> &'a [Value] {
    v.get(k)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// Reads `get-account-authorization-details` output. Bad documents become [`LoadError`]s and the
/// rest is still read.
pub fn load_authorization_details(v: &Value) -> AuthorizationDetails {
    let mut out = AuthorizationDetails::default();
    // Managed policies: default version.
    let mut managed_docs: HashMap<String, Policy> = HashMap::new();
    for (i, p) in arr(v, "Policies").iter().enumerate() {
        let arn = str_at(p, "Arn").to_string();
        let mut document = None;
        for (j, ver) in arr(p, "PolicyVersionList").iter().enumerate() {
            if ver.get("IsDefaultVersion").and_then(Value::as_bool) != Some(true) {
                continue;
            }
            let path = format!("Policies[{i}].PolicyVersionList[{j}].Document");
            match ver.get("Document") {
                Some(d) => match parse_policy(&decode_document(d), PolicyKind::Identity) {
                    Ok(pol) => document = Some(pol),
                    Err(e) => out.errors.push(LoadError::at(&path, e)),
                },
                None => out.errors.push(LoadError {
                    path,
                    message: "default version has no Document".into(),
                }),
            }
        }
        if let Some(d) = &document {
            managed_docs.insert(arn.clone(), d.clone());
        }
        out.managed.push(ManagedPolicy {
            name: str_at(p, "PolicyName").to_string(),
            arn,
            document,
            attachment_count: p
                .get("AttachmentCount")
                .and_then(Value::as_u64)
                .unwrap_or(0),
        });
    }

    let mut missing = std::collections::BTreeSet::new();
    let attached = |entity: &Value,
                    label_prefix: &str,
                    list: &mut Vec<NamedPolicy>,
                    missing: &mut std::collections::BTreeSet<String>| {
        for a in arr(entity, "AttachedManagedPolicies") {
            let arn = str_at(a, "PolicyArn");
            match managed_docs.get(arn) {
                Some(d) => list.push(NamedPolicy {
                    name: format!("{label_prefix}{arn}"),
                    policy: d.clone(),
                }),
                None => {
                    missing.insert(arn.to_string());
                }
            }
        }
    };
    let inline = |entity: &Value,
                  key: &str,
                  path: &str,
                  label_prefix: &str,
                  list: &mut Vec<NamedPolicy>,
                  errors: &mut Vec<LoadError>| {
        for (j, ip) in arr(entity, key).iter().enumerate() {
            let name = str_at(ip, "PolicyName");
            let ppath = format!("{path}.{key}[{j}].PolicyDocument");
            match ip.get("PolicyDocument") {
                Some(d) => match parse_policy(&decode_document(d), PolicyKind::Identity) {
                    Ok(pol) => list.push(NamedPolicy {
                        name: format!("{label_prefix}inline:{name}"),
                        policy: pol,
                    }),
                    Err(e) => errors.push(LoadError::at(&ppath, e)),
                },
                None => errors.push(LoadError {
                    path: ppath,
                    message: "inline policy has no PolicyDocument".into(),
                }),
            }
        }
    };

    // Groups first (users inherit them).
    let mut group_policies: HashMap<String, Vec<NamedPolicy>> = HashMap::new();
    for (i, g) in arr(v, "GroupDetailList").iter().enumerate() {
        let path = format!("GroupDetailList[{i}]");
        let name = str_at(g, "GroupName").to_string();
        let mut list = Vec::new();
        inline(g, "GroupPolicyList", &path, "", &mut list, &mut out.errors);
        attached(g, "", &mut list, &mut missing);
        out.principals.push(PrincipalPolicies {
            kind: EntityKind::Group,
            name: name.clone(),
            arn: str_at(g, "Arn").to_string(),
            identity: list.clone(),
            boundary: None,
            trust: None,
            groups: Vec::new(),
        });
        group_policies.insert(name, list);
    }

    let boundary = |entity: &Value, errors: &mut Vec<String>| -> Option<NamedPolicy> {
        let arn = entity
            .get("PermissionsBoundary")
            .and_then(|b| b.get("PermissionsBoundaryArn"))
            .and_then(Value::as_str)?;
        match managed_docs.get(arn) {
            Some(d) => {
                let mut p = d.clone();
                p.kind = PolicyKind::Boundary;
                Some(NamedPolicy {
                    name: arn.to_string(),
                    policy: p,
                })
            }
            None => {
                errors.push(format!(
                    "permissions boundary {arn} of {} is not in Policies; evaluated without it",
                    str_at(entity, "Arn")
                ));
                None
            }
        }
    };

    for (i, u) in arr(v, "UserDetailList").iter().enumerate() {
        let path = format!("UserDetailList[{i}]");
        let mut list = Vec::new();
        inline(u, "UserPolicyList", &path, "", &mut list, &mut out.errors);
        attached(u, "", &mut list, &mut missing);
        let groups: Vec<String> = arr(u, "GroupList")
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect();
        for g in &groups {
            if let Some(gp) = group_policies.get(g) {
                for p in gp {
                    list.push(NamedPolicy {
                        name: format!("group {g} {}", p.name),
                        policy: p.policy.clone(),
                    });
                }
            }
        }
        let b = boundary(u, &mut out.notes);
        out.principals.push(PrincipalPolicies {
            kind: EntityKind::User,
            name: str_at(u, "UserName").to_string(),
            arn: str_at(u, "Arn").to_string(),
            identity: list,
            boundary: b,
            trust: None,
            groups,
        });
    }

    for (i, r) in arr(v, "RoleDetailList").iter().enumerate() {
        let path = format!("RoleDetailList[{i}]");
        let mut list = Vec::new();
        inline(r, "RolePolicyList", &path, "", &mut list, &mut out.errors);
        attached(r, "", &mut list, &mut missing);
        let trust = match r.get("AssumeRolePolicyDocument") {
            Some(d) => match parse_policy(&decode_document(d), PolicyKind::Trust) {
                Ok(p) => Some(NamedPolicy {
                    name: "trust policy".into(),
                    policy: p,
                }),
                Err(e) => {
                    out.errors.push(LoadError::at(
                        &format!("{path}.AssumeRolePolicyDocument"),
                        e,
                    ));
                    None
                }
            },
            None => None,
        };
        let b = boundary(r, &mut out.notes);
        out.principals.push(PrincipalPolicies {
            kind: EntityKind::Role,
            name: str_at(r, "RoleName").to_string(),
            arn: str_at(r, "Arn").to_string(),
            identity: list,
            boundary: b,
            trust,
            groups: Vec::new(),
        });
    }
    for arn in missing {
        out.notes.push(format!(
            "managed policy {arn} is attached but not listed in Policies; analyzed without it"
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("%7B%22a%22%3A1%7D"), "{\"a\":1}");
        assert_eq!(percent_decode("100%"), "100%");
    }
}
