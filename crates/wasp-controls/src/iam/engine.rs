//! The IAM policy engine (`wasp-iam`) over the model's policy documents.
//!
//! A document of the model is a [`Node`] that may hold values known only at deploy time. Before
//! the engine sees it, such values are replaced where the replacement cannot change the answer
//! (see [`to_json`]); anything else makes the document undecidable, and the control answers
//! Unknown with the reason.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde_json::{Map as JMap, Value as J};
use wasp_core::Pos;
use wasp_iam::{parse_policy, CompiledPolicy, Policy, PolicyKind, PolicySet};
use wasp_model::{items, Kind, Link, Model, Node, PolicyDoc, Principal, Resource, Value, V};

use crate::helpers::statements;

/// The account id standing for the account the template or module deploys to
/// (`${AWS::AccountId}`, `data.aws_caller_identity.current.account_id`).
pub(crate) const OWNER: &str = "000000000000";

/// A resource ARN standing for a value known at deploy time that names one resource.
const SPECIFIC_ARN: &str = "arn:aws:wasp:::deploy-time-resource";

/// A condition value known at deploy time.
const DEPLOY_TIME_VALUE: &str = "deploy-time-value";

/// An action known only at deploy time, where the analysis asks only who is allowed.
const DEPLOY_TIME_ACTION: &str = "wasp:DeployTimeAction";

/// An AWS principal known only at deploy time whose account is not known, where the analysis
/// asks only who is allowed: never everyone, maybe another account.
pub(crate) const DEPLOY_TIME_PRINCIPAL: &str = "arn:aws:iam::deploy-time-account:root";

/// What an analysis asks of a document, which decides what may stand for a value known only at
/// deploy time.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Asks {
    /// What is allowed, and to whom (identity policies, boundaries, trust policies): an action,
    /// or a resource whoever deploys chooses, may be `*`, and blocks.
    What,
    /// Only who is allowed (the exposure of a resource policy): whatever an action or a resource
    /// turns out to be, the statement grants it to the same principals, so any unknown one
    /// stands for one specific action or resource; an AWS principal chosen by the deployment
    /// whose account is not known is [`DEPLOY_TIME_PRINCIPAL`].
    Who,
}

/// An OIDC provider whose host is not known statically.
pub(crate) const UNKNOWN_PROVIDER: &str = "unknown-oidc-provider";

/// A service principal known only at deploy time (`!FindInMap [Partitions, !Ref AWS::Partition, Ec2]`).
pub(crate) const UNKNOWN_SERVICE: &str = "unknown-service.amazonaws.com";

/// Why something cannot be decided, and where.
pub(crate) type Blocker = (String, Pos);

/// Is an unknown value certainly one specific value chosen by the deployment itself (an
/// attribute of a resource, a pseudo parameter, a data source), rather than a value whoever
/// deploys may set to anything (a parameter or variable without default)?
pub(crate) fn deploy_time(n: &Node) -> bool {
    match &n.v {
        V::Ref(_) => true,
        V::Unknown(r) => {
            r.starts_with(wasp_model::REF_PREFIX)
                || r.starts_with("pseudo parameter `")
                || r.starts_with("data source `")
                || r.contains("an attribute of `")
                || r.starts_with("value exported by another stack")
        }
        _ => false,
    }
}

/// Is an unknown value supplied by whoever deploys (a parameter or variable without default),
/// so that it is certainly not written in the source?
pub(crate) fn supplied_at_deploy(reason: &str) -> bool {
    (reason.starts_with("parameter `") || reason.starts_with("variable `"))
        && reason.contains("has no default")
}

fn reason(n: &Node) -> String {
    match &n.v {
        V::Unknown(r) => r.to_string(),
        V::Ref(r) => format!("refers to `{}`, known only at deploy time", r.target),
        _ => n
            .first_unknown()
            .map(|(r, _)| r.to_string())
            .unwrap_or_else(|| "not known statically".into()),
    }
}

pub(crate) fn blocker(what: &str, n: &Node) -> Blocker {
    let pos = n.first_unknown().map(|(_, p)| p).unwrap_or(n.pos);
    (format!("{what}: {}", reason(n)), pos)
}

/// The host of the OIDC provider a statement's conditions name (`token.actions.githubusercontent.com:sub`).
fn provider_host_from_conditions(st: &Node) -> Option<String> {
    let cond = st.get("Condition")?.as_map()?;
    for (_, keys) in cond.iter() {
        for (k, _) in keys.as_map()?.iter() {
            if let Some((host, _)) = k.rsplit_once(':') {
                if host.contains('.') && !host.starts_with("aws") {
                    return Some(host.to_string());
                }
            }
        }
    }
    None
}

fn host_of(url: &str) -> String {
    url.trim_start_matches("https://")
        .trim_end_matches('/')
        .to_string()
}

/// An AWS principal entry known only at deploy time that is certainly of the deploying account
/// (a user or role of the same template, `${AWS::AccountId}`, `data.aws_caller_identity`), as
/// an ARN in that account; `None` when its account is not known.
pub(crate) fn owner_principal(n: &Node, model: &Model) -> Option<String> {
    if let V::Ref(r) = &n.v {
        if let Some(t) = model.get(&r.target) {
            return Some(match t.kind {
                Kind::User(_) => format!("arn:aws:iam::{OWNER}:user/{}", t.address),
                Kind::Role(_) => format!("arn:aws:iam::{OWNER}:role/{}", t.address),
                _ => format!("arn:aws:iam::{OWNER}:root"),
            });
        }
    }
    let r = reason(n);
    (r.contains("`AWS::AccountId`") || r.contains("aws_caller_identity"))
        .then(|| format!("arn:aws:iam::{OWNER}:root"))
}

/// A principal entry that is known only at deploy time, replaced by what it certainly is.
fn principal_value(ty: &str, n: &Node, st: &Node, model: &Model, asks: Asks) -> Result<J, Blocker> {
    if let Some(s) = n.as_str() {
        return Ok(J::String(s.to_string()));
    }
    let target = match &n.v {
        V::Ref(r) => model.get(&r.target),
        _ => None,
    };
    match ty {
        "AWS" => match owner_principal(n, model) {
            Some(arn) => Ok(J::String(arn)),
            // One principal chosen by the deployment (`arn:${AWS::Partition}:iam::...`, a
            // mapping), not everyone: of an account that is not known.
            None if asks == Asks::Who && deploy_time(n) => {
                Ok(J::String(DEPLOY_TIME_PRINCIPAL.into()))
            }
            None => Err(blocker("principal", n)),
        },
        "Federated" => {
            let saml = st
                .get("Action")
                .map(|a| {
                    items(Some(a)).iter().any(|x| {
                        x.as_str()
                            .is_some_and(|x| x.to_ascii_lowercase().contains("saml"))
                    })
                })
                .unwrap_or(false);
            if saml {
                return Ok(J::String(format!(
                    "arn:aws:iam::{OWNER}:saml-provider/deploy-time"
                )));
            }
            let host = match target.map(|t| &t.kind) {
                Some(Kind::OidcProvider(p)) => p.url.known().map(|u| host_of(u)),
                _ => None,
            }
            .or_else(|| provider_host_from_conditions(st))
            .unwrap_or_else(|| UNKNOWN_PROVIDER.to_string());
            Ok(J::String(format!(
                "arn:aws:iam::{OWNER}:oidc-provider/{host}"
            )))
        }
        // A service principal never admits anyone but the service.
        "Service" if deploy_time(n) => Ok(J::String(UNKNOWN_SERVICE.into())),
        _ => Err(blocker("principal", n)),
    }
}

fn strings_or_blocker(n: &Node, what: &str) -> Result<J, Blocker> {
    if n.contains_unknown() {
        return Err(blocker(what, n));
    }
    Ok(n.to_json())
}

fn convert_statement(st: &Node, model: &Model, asks: Asks) -> Result<J, Blocker> {
    let Some(m) = st.as_map() else {
        if st.contains_unknown() {
            return Err(blocker("statement", st));
        }
        return Ok(st.to_json());
    };
    let mut out = JMap::new();
    for (k, v) in m.iter() {
        let j = match k {
            "Resource" | "NotResource" => {
                let mut list = Vec::new();
                for item in items(Some(v)) {
                    if let Some(s) = item.as_str() {
                        list.push(J::String(s.to_string()));
                    } else if deploy_time(item) || asks == Asks::Who {
                        list.push(J::String(SPECIFIC_ARN.into()));
                    } else {
                        return Err(blocker(k, item));
                    }
                }
                J::Array(list)
            }
            "Action" | "NotAction" if asks == Asks::Who => J::Array(
                items(Some(v))
                    .iter()
                    .map(|item| match item.as_str() {
                        Some(a) => J::String(a.to_string()),
                        None => J::String(DEPLOY_TIME_ACTION.into()),
                    })
                    .collect(),
            ),
            "Principal" | "NotPrincipal" => match &v.v {
                V::Map(pm) => {
                    let mut o = JMap::new();
                    for (ty, vals) in pm.iter() {
                        let mut list = Vec::new();
                        for item in items(Some(vals)) {
                            list.push(principal_value(ty, item, st, model, asks)?);
                        }
                        o.insert(ty.to_string(), J::Array(list));
                    }
                    J::Object(o)
                }
                _ => strings_or_blocker(v, k)?,
            },
            "Condition" => match &v.v {
                V::Map(cm) => {
                    let mut o = JMap::new();
                    for (op, keys) in cm.iter() {
                        let like = op.contains("Like");
                        let Some(km) = keys.as_map() else {
                            o.insert(op.to_string(), strings_or_blocker(keys, "condition")?);
                            continue;
                        };
                        let mut ko = JMap::new();
                        for (key, vals) in km.iter() {
                            let mut list = Vec::new();
                            for item in items(Some(vals)) {
                                if !item.contains_unknown() {
                                    list.push(item.to_json());
                                } else if !like || deploy_time(item) {
                                    list.push(J::String(DEPLOY_TIME_VALUE.into()));
                                } else {
                                    return Err(blocker("condition", item));
                                }
                            }
                            ko.insert(key.to_string(), J::Array(list));
                        }
                        o.insert(op.to_string(), J::Object(ko));
                    }
                    J::Object(o)
                }
                _ => strings_or_blocker(v, k)?,
            },
            "Sid" if v.contains_unknown() => J::String("Sid".into()),
            _ => strings_or_blocker(v, k)?,
        };
        out.insert(k.to_string(), j);
    }
    Ok(J::Object(out))
}

/// The document as plain JSON for the engine, with values known only at deploy time replaced
/// where that cannot change any analysis: a resource ARN that is an attribute of a resource or
/// uses pseudo parameters names one resource (never `*`); an AWS principal built from the
/// account id is the deploying account; a federated principal that is a provider of the same
/// template is that provider; a condition value known at deploy time is a value (not a
/// wildcard), except under `...Like` operators when whoever deploys chooses it. Anything else
/// unknown (actions, effects, parameters) blocks.
pub(crate) fn to_json(doc: &Node, model: &Model) -> Result<J, Blocker> {
    to_json_with(doc, model, Asks::What, |_, b| Err(b))
}

/// [`to_json`] for what `asks` asks, with `blocked` deciding what becomes of a statement that
/// cannot be converted (given the statement and why): an `Err` stops the conversion, an `Ok`
/// value stands for the statement.
pub(crate) fn to_json_with(
    doc: &Node,
    model: &Model,
    asks: Asks,
    mut blocked: impl FnMut(&Node, Blocker) -> Result<J, Blocker>,
) -> Result<J, Blocker> {
    let Some(m) = doc.as_map() else {
        if doc.contains_unknown() {
            return Err(blocker("policy", doc));
        }
        return Ok(doc.to_json());
    };
    let mut out = JMap::new();
    for (k, v) in m.iter() {
        let j = match k {
            "Statement" => {
                if v.is_unknown() || matches!(v.v, V::Ref(_)) {
                    return Err(blocker("Statement", v));
                }
                let list = items(Some(v))
                    .iter()
                    .map(|st| convert_statement(st, model, asks).or_else(|b| blocked(st, b)))
                    .collect::<Result<Vec<_>, _>>()?;
                if v.as_seq().is_some() {
                    J::Array(list)
                } else {
                    list.into_iter().next().unwrap_or(J::Null)
                }
            }
            "Id" if v.contains_unknown() => J::String("Id".into()),
            _ => strings_or_blocker(v, k)?,
        };
        out.insert(k.to_string(), j);
    }
    Ok(J::Object(out))
}

/// Parses a model document for the engine.
pub(crate) fn parse(
    name: &str,
    doc: &Node,
    kind: PolicyKind,
    model: &Model,
) -> Result<Policy, Blocker> {
    let json = to_json(doc, model).map_err(|(r, p)| (format!("policy `{name}`: {r}"), p))?;
    parse_policy(&json, kind).map_err(|e| {
        (
            format!("policy `{name}` is not a valid policy: {e}"),
            doc.pos,
        )
    })
}

/// Parses a document of the model, known or not.
pub(crate) fn parse_doc(
    d: &PolicyDoc,
    kind: PolicyKind,
    model: &Model,
) -> Result<Option<Policy>, Blocker> {
    match &d.document {
        Value::Known(doc, _) => parse(&d.name, doc, kind, model).map(Some),
        Value::Unknown(r, p) => Err((format!("policy `{}`: {r}", d.name), *p)),
        Value::Absent => Ok(None),
    }
}

/// Where statement `index` of a document is written.
pub(crate) fn statement_pos(doc: Option<&Node>, index: usize, fallback: Pos) -> Pos {
    doc.and_then(|d| statements(d).get(index))
        .map(|s| s.pos)
        .unwrap_or(fallback)
}

/// What an AWS managed policy allows on its own (from `wasp-iam`'s analysis of every AWS
/// managed policy): administrator access, and the escalation methods it enables.
pub(crate) struct ManagedEntry {
    pub admin: bool,
    pub methods: Vec<&'static str>,
}

static AWS_MANAGED: LazyLock<HashMap<&'static str, ManagedEntry>> = LazyLock::new(|| {
    let text = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../wasp-iam/escalation-managed-policies.txt"
    ));
    let mut map = HashMap::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let Some((name, methods)) = line.split_once('\t') else {
            continue;
        };
        let mut entry = ManagedEntry {
            admin: false,
            methods: Vec::new(),
        };
        for m in methods.split(',').map(str::trim) {
            if m == "admin-equivalent" {
                entry.admin = true;
            } else if !m.is_empty() {
                entry.methods.push(m);
            }
        }
        map.insert(name.trim(), entry);
    }
    map
});

/// The name of an AWS managed policy from its ARN (`arn:aws:iam::aws:policy/service-role/X`),
/// whatever the partition. A CloudFormation ARN may keep deploy-time parts as `${Name}`
/// placeholders (`arn:${AWS::Partition}:iam::aws:policy/X`): the partition does not matter, a
/// placeholder in the name does, and such an ARN names no policy that is known here.
pub(crate) fn aws_managed_name(arn: &str) -> Option<&str> {
    let rest = arn.split_once(":iam::aws:policy/")?.1;
    let name = rest.rsplit('/').next().unwrap_or(rest);
    (!name.contains("${")).then_some(name)
}

/// One identity policy of a principal, as the engine sees it.
pub(crate) struct Source<'m> {
    /// The model document, for statement positions (`None` for a synthesized document).
    pub doc: Option<&'m Node>,
    pub pos: Pos,
}

/// Every identity policy of a user, group or role, combined.
pub(crate) struct Combined<'m> {
    pub set: PolicySet,
    /// Aligned with `set.identity`.
    pub sources: Vec<Source<'m>>,
    /// AWS managed policies known only by name, with what they enable on their own.
    pub managed: Vec<(&'static str, &'static ManagedEntry, Pos)>,
    /// Policies that could not be included.
    pub unknown: Vec<Blocker>,
    /// A permissions boundary that is set but cannot be read.
    pub boundary_unknown: Option<Blocker>,
}

impl Combined<'_> {
    /// Where a statement of the set is written.
    pub fn pos(&self, r: &wasp_iam::StatementRef) -> Pos {
        match self.sources.get(r.policy as usize) {
            Some(s) => statement_pos(s.doc, r.statement as usize, s.pos),
            None => Pos::NONE,
        }
    }
    pub fn describe(&self, r: &wasp_iam::StatementRef) -> String {
        self.set.describe(r)
    }
}

const ADMIN_DOC: &str =
    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;

fn principal_of(res: &Resource) -> Option<&Principal> {
    match &res.kind {
        Kind::Role(p) | Kind::User(p) | Kind::Group(p) => Some(p),
        _ => None,
    }
}

/// The resource a link names among resources of `accept` kinds.
pub(crate) fn resolve<'m>(
    model: &'m Model,
    link: &Link,
    accept: fn(&Kind) -> Option<&Value<String>>,
) -> Option<&'m Resource> {
    match link {
        Link::Address(a, _) => model.get(a).filter(|r| accept(&r.kind).is_some()),
        Link::Name(n, _) => model
            .resources
            .iter()
            .find(|r| accept(&r.kind).and_then(Value::known) == Some(n)),
        Link::Unknown(..) => None,
    }
}

pub(crate) fn group_name(k: &Kind) -> Option<&Value<String>> {
    match k {
        Kind::Group(p) => Some(&p.name),
        _ => None,
    }
}

fn managed_policy_name(k: &Kind) -> Option<&Value<String>> {
    static NONE: Value<String> = Value::Absent;
    match k {
        Kind::ManagedPolicy(_) => Some(&NONE),
        _ => None,
    }
}

struct Collector<'m> {
    model: &'m Model,
    out: Combined<'m>,
    seen: HashSet<String>,
}

impl<'m> Collector<'m> {
    fn add(&mut self, name: &str, doc: &'m Node, pos: Pos) {
        match parse(name, doc, PolicyKind::Identity, self.model) {
            Ok(p) => {
                self.out.set.identity.push(CompiledPolicy::new(name, p));
                self.out.sources.push(Source {
                    doc: Some(doc),
                    pos,
                });
            }
            Err(b) => self.out.unknown.push(b),
        }
    }

    fn add_doc(&mut self, d: &'m PolicyDoc, label: &str) {
        if let Some(from) = &d.joined_from {
            if !self.seen.insert(from.clone()) {
                return;
            }
        }
        let name = format!("{label}{}", d.name);
        match &d.document {
            Value::Known(doc, _) => self.add(&name, doc, d.pos),
            Value::Unknown(r, p) => self.out.unknown.push((format!("policy `{name}`: {r}"), *p)),
            Value::Absent => {}
        }
    }

    fn add_principal(&mut self, p: &'m Principal, label: &str) {
        for d in &p.policies {
            self.add_doc(d, label);
        }
        for link in &p.managed_policy_refs {
            match resolve(self.model, link, managed_policy_name) {
                Some(r) => {
                    if let Kind::ManagedPolicy(m) = &r.kind {
                        if let Some(d) = &m.document {
                            if self.seen.insert(r.address.clone()) {
                                let name = format!("{label}{}", r.address);
                                match &d.document {
                                    Value::Known(doc, _) => self.add(&name, doc, d.pos),
                                    Value::Unknown(why, pos) => self
                                        .out
                                        .unknown
                                        .push((format!("policy `{name}`: {why}"), *pos)),
                                    Value::Absent => {}
                                }
                            }
                        }
                    }
                }
                None => self.out.unknown.push((
                    "a managed policy attached by reference is not defined here".into(),
                    link.pos(),
                )),
            }
        }
        for arn in &p.managed_policy_arns {
            match arn {
                Value::Known(a, pos) => match aws_managed_name(a) {
                    Some(n) => match AWS_MANAGED.get_key_value(n) {
                        Some((name, e)) if e.admin => {
                            if let Ok(doc) =
                                wasp_iam::parse_policy_str(ADMIN_DOC, PolicyKind::Identity)
                            {
                                self.out.set.identity.push(CompiledPolicy::new(*name, doc));
                                self.out.sources.push(Source {
                                    doc: None,
                                    pos: *pos,
                                });
                            }
                        }
                        Some((name, e)) => self.out.managed.push((name, e, *pos)),
                        // Not in the list: enables no escalation method on its own.
                        None => {}
                    },
                    None => self
                        .out
                        .unknown
                        .push((format!("managed policy `{a}` is not defined here"), *pos)),
                },
                Value::Unknown(r, pos) => self
                    .out
                    .unknown
                    .push((format!("managed policy ARN: {r}"), *pos)),
                Value::Absent => {}
            }
        }
    }
}

/// Every identity policy of a user, group or role: its own and joined policies, managed
/// policies of the template attached by reference, AWS managed policies attached by ARN (by
/// what they are known to allow), and for users the policies of their groups; with the
/// permissions boundary when it can be read.
pub(crate) fn combined<'m>(res: &'m Resource, model: &'m Model) -> Option<Combined<'m>> {
    let p = principal_of(res)?;
    let mut c = Collector {
        model,
        out: Combined {
            set: PolicySet::new(),
            sources: Vec::new(),
            managed: Vec::new(),
            unknown: Vec::new(),
            boundary_unknown: None,
        },
        seen: HashSet::new(),
    };
    c.add_principal(p, "");
    if matches!(res.kind, Kind::User(_)) {
        for link in &p.groups {
            match resolve(model, link, group_name) {
                Some(g) => {
                    if let Some(gp) = principal_of(g) {
                        c.add_principal(gp, &format!("group {}: ", g.address));
                    }
                }
                None => c.out.unknown.push((
                    match link {
                        Link::Unknown(r, _) => format!("group: {r}"),
                        _ => "a group of the user is not defined here".into(),
                    },
                    link.pos(),
                )),
            }
        }
    }
    // The permissions boundary.
    let boundary_doc = p
        .permissions_boundary_ref
        .as_ref()
        .and_then(|l| resolve(model, l, managed_policy_name))
        .and_then(|r| match &r.kind {
            Kind::ManagedPolicy(m) => m.document.as_ref(),
            _ => None,
        });
    match (&p.permissions_boundary, boundary_doc) {
        (_, Some(d)) => match parse_doc(d, PolicyKind::Boundary, model) {
            Ok(Some(b)) => {
                c.out.set.boundary = Some(CompiledPolicy::new("permissions boundary", b))
            }
            Ok(None) => {}
            Err(b) => c.out.boundary_unknown = Some(b),
        },
        (Value::Absent, None) => {}
        (Value::Known(a, _), None)
            if aws_managed_name(a).is_some_and(|n| AWS_MANAGED.get(n).is_some_and(|e| e.admin)) => {
        }
        (v, None) => {
            c.out.boundary_unknown = Some((
                "the permissions boundary is not defined here and may restrict these permissions"
                    .into(),
                v.pos().unwrap_or(res.pos),
            ))
        }
    }
    Some(c.out)
}

/// The trust policy of a role, parsed.
pub(crate) fn trust_policy<'m>(
    res: &'m Resource,
    model: &Model,
) -> Option<(Result<Policy, Blocker>, &'m PolicyDoc)> {
    let Kind::Role(p) = &res.kind else {
        return None;
    };
    let d = p.trust_policy.as_ref()?;
    let parsed = match parse_doc(d, PolicyKind::Trust, model) {
        Ok(Some(pol)) => Ok(pol),
        Ok(None) => return None,
        Err(b) => Err(b),
    };
    Some((parsed, d))
}

/// The 12-digit account a principal entry names, if any.
pub(crate) fn account_of(principal: &str) -> Option<&str> {
    if principal.len() == 12 && principal.bytes().all(|b| b.is_ascii_digit()) {
        return Some(principal);
    }
    principal
        .split(':')
        .nth(4)
        .filter(|a| a.len() == 12 && a.bytes().all(|b| b.is_ascii_digit()))
}

/// Runs `f` on each identity policy document the resource defines (each document once, where
/// it is written): Unknown for a document that cannot be read, Pass when `f` finds nothing.
/// `f` gets the document's name, its model node and the parsed policy.
pub(crate) fn each_own_policy(
    res: &Resource,
    model: &Model,
    f: impl Fn(&str, &Node, &Policy) -> Vec<crate::Outcome>,
) -> Vec<crate::Outcome> {
    let mut out = Vec::new();
    if boundary_only(res, model) {
        return out;
    }
    for d in super::own_documents(res) {
        match (&d.document, parse_doc(d, PolicyKind::Identity, model)) {
            (_, Err((r, p))) => out.push(crate::helpers::unknown(r, Some(p))),
            (Value::Known(node, _), Ok(Some(p))) => {
                let found = f(&d.name, node, &p);
                if found.is_empty() {
                    out.push(crate::Outcome::Pass);
                } else {
                    out.extend(found);
                }
            }
            _ => {}
        }
    }
    out
}

/// The first few items of a list, for messages.
pub(crate) fn examples(items: &[String]) -> String {
    examples_of(items, items.len())
}

/// The first few of `total` items (`items` holds at least the first few), for messages.
pub(crate) fn examples_of(items: &[String], total: usize) -> String {
    const N: usize = 6;
    let mut s = items.iter().take(N).cloned().collect::<Vec<_>>().join(", ");
    if total > N {
        s.push_str(&format!(" and {} more", total - N));
    }
    s
}

/// A check of one risk category of least privilege (actions allowed on every resource), per
/// policy document the resource defines.
pub(crate) fn risky_category(
    res: &Resource,
    model: &Model,
    pick: fn(
        &wasp_iam::analyze::least_privilege::RiskyGrants,
    ) -> &wasp_iam::analyze::least_privilege::Grants,
    what: &str,
) -> Vec<crate::Outcome> {
    each_own_policy(res, model, |name, node, policy| {
        let set = PolicySet::new().with_identity(name, policy.clone());
        if let Some(r) = wasp_iam::analyze::least_privilege::admin_statements(&set).first() {
            return vec![crate::helpers::fail(
                format!(
                    "policy `{name}` {} grants every action on every resource, {what} included",
                    set.policy(r)
                        .and_then(|p| p.source_statement(r.statement))
                        .map(|st| st.label())
                        .unwrap_or_default()
                ),
                Some(statement_pos(Some(node), r.statement as usize, node.pos)),
            )];
        }
        let risky = cached_risky_grants(node, &set);
        // Actions without resource-level permissions can only be granted on `*`.
        let grants: Vec<wasp_iam::analyze::least_privilege::Granted<'_>> = pick(&risky)
            .iter()
            .filter(|g| !g.action.resource_types.is_empty())
            .collect();
        if grants.is_empty() {
            return Vec::new();
        }
        let actions: Vec<String> = grants
            .iter()
            .take(7)
            .map(|g| g.action.full.to_string())
            .collect();
        // Distinct statements first: thousands of actions come from a handful of statements.
        let refs: std::collections::HashSet<wasp_iam::StatementRef> =
            grants.iter().flat_map(|g| g.by.iter().copied()).collect();
        let first = refs.iter().map(|r| r.statement).min().unwrap_or(0);
        let mut labels: Vec<String> = refs.iter().map(|r| set.describe(r)).collect();
        labels.sort();
        labels.dedup();
        vec![crate::helpers::fail(
            format!(
                "policy `{name}` allows {} {what} on all resources ({}), through {}",
                grants.len(),
                examples_of(&actions, grants.len()),
                labels.join("; ")
            ),
            Some(statement_pos(Some(node), first as usize, node.pos)),
        )]
    })
}

/// Does a trust policy document (as written) have a statement naming a principal of this type
/// (`AWS`, `Service`, `Federated`)? Unknown statements count as possibly naming one.
pub(crate) fn names_principal_type(doc: &PolicyDoc, ty: &str) -> bool {
    let Value::Known(node, _) = &doc.document else {
        return !doc.document.is_absent();
    };
    if node.get("Statement").is_some_and(|s| s.is_unknown()) {
        return true;
    }
    statements(node).iter().any(|st| {
        let p = st.get("Principal").or_else(|| st.get("NotPrincipal"));
        match p.map(|p| &p.v) {
            Some(V::Map(m)) => m.get(ty).is_some(),
            Some(V::Unknown(_)) => true,
            _ => st.is_unknown(),
        }
    })
}

/// Is this managed policy used as a permissions boundary of a principal of the same template,
/// and attached to none? A boundary is a ceiling, written broad on purpose: its statements are
/// not grants.
pub(crate) fn boundary_only(res: &Resource, model: &Model) -> bool {
    if !matches!(res.kind, Kind::ManagedPolicy(_)) {
        return false;
    }
    let uses = model.memo(PolicyUses::new);
    uses.boundaries.contains(res.address.as_str()) && !uses.attached.contains(res.address.as_str())
}

/// How the principals of a model use its managed policies, by the policies' addresses: once
/// per model, so that asking it for every policy stays linear.
struct PolicyUses {
    /// Policies some principal has as its permissions boundary.
    boundaries: HashSet<String>,
    /// Policies attached to, or joined into, some principal.
    attached: HashSet<String>,
}

impl PolicyUses {
    fn new(model: &Model) -> PolicyUses {
        let mut uses = PolicyUses {
            boundaries: HashSet::new(),
            attached: HashSet::new(),
        };
        let address = |l: &Link| match l {
            Link::Address(a, _) => Some(a.clone()),
            _ => None,
        };
        for p in model.resources.iter().filter_map(principal_of) {
            uses.boundaries
                .extend(p.permissions_boundary_ref.as_ref().and_then(address));
            uses.attached
                .extend(p.managed_policy_refs.iter().filter_map(address));
            uses.attached
                .extend(p.policies.iter().filter_map(|d| d.joined_from.clone()));
        }
        uses
    }
}

/// A message of the engine with the placeholders of values known at deploy time spelled out.
pub(crate) fn readable(msg: &str) -> String {
    msg.replace(&format!("::{OWNER}:"), "::${AWS::AccountId}:")
        .replace(SPECIFIC_ARN, "(a resource known at deploy time)")
        .replace(DEPLOY_TIME_ACTION, "(an action known at deploy time)")
        .replace(DEPLOY_TIME_PRINCIPAL, "(a principal known at deploy time)")
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasp_model::{Map, Ref};

    fn n(v: V) -> Node {
        Node::new(Pos::new(1, 1), v)
    }
    fn s(x: &str) -> Node {
        n(V::Str(x.into()))
    }
    fn unk(r: &str) -> Node {
        n(V::Unknown(r.into()))
    }
    fn reference(t: &str) -> Node {
        n(V::Ref(Ref {
            target: t.into(),
            attr: Some("Arn".into()),
        }))
    }
    fn map(entries: Vec<(&str, Node)>) -> Node {
        let mut m = Map::default();
        for (k, v) in entries {
            m.insert(k, Pos::NONE, v);
        }
        n(V::Map(m))
    }
    fn doc(statement: Node) -> Node {
        map(vec![
            ("Version", s("2012-10-17")),
            ("Statement", n(V::Seq(vec![statement]))),
        ])
    }

    #[test]
    fn deploy_time_values_are_told_from_choices() {
        assert!(deploy_time(&reference("Bucket")));
        assert!(deploy_time(&unk(
            "pseudo parameter `AWS::AccountId` is known at deploy time"
        )));
        assert!(deploy_time(&unk(
            "`Fn::Sub` uses `Bucket.Arn`, an attribute of `Bucket` known at deploy time"
        )));
        assert!(deploy_time(&unk(
            "data source `data.aws_caller_identity.current`, read at apply time"
        )));
        assert!(!deploy_time(&unk(
            "parameter `Arn` has no default and no value was given"
        )));
        assert!(supplied_at_deploy(
            "variable `token` has no default and no value was given"
        ));
        assert!(!supplied_at_deploy("`file` is not evaluated"));
    }

    #[test]
    fn resources_of_the_template_are_specific_parameters_block() {
        let model = Model::default();
        let st = map(vec![
            ("Effect", s("Allow")),
            ("Action", s("s3:GetObject")),
            ("Resource", n(V::Seq(vec![reference("Bucket")]))),
        ]);
        let j = to_json(&doc(st), &model).unwrap();
        assert_eq!(j["Statement"][0]["Resource"][0], SPECIFIC_ARN);

        let st = map(vec![
            ("Effect", s("Allow")),
            ("Action", s("s3:GetObject")),
            (
                "Resource",
                unk("parameter `Arn` has no default and no value was given"),
            ),
        ]);
        let (why, _) = to_json(&doc(st), &model).unwrap_err();
        assert!(why.contains("parameter `Arn`"), "{why}");

        let st = map(vec![
            ("Effect", s("Allow")),
            ("Action", reference("Other")),
            ("Resource", s("*")),
        ]);
        assert!(to_json(&doc(st), &model).is_err());
    }

    #[test]
    fn principals_and_conditions() {
        let model = Model::default();
        let st = map(vec![
            ("Effect", s("Allow")),
            (
                "Principal",
                map(vec![(
                    "AWS",
                    unk("pseudo parameter `AWS::AccountId` is known at deploy time"),
                )]),
            ),
            ("Action", s("sts:AssumeRole")),
            (
                "Condition",
                map(vec![(
                    "StringEquals",
                    map(vec![(
                        "sts:ExternalId",
                        unk("parameter `Id` has no default and no value was given"),
                    )]),
                )]),
            ),
        ]);
        let j = to_json(&doc(st), &model).unwrap();
        assert_eq!(
            j["Statement"][0]["Principal"]["AWS"][0],
            format!("arn:aws:iam::{OWNER}:root")
        );
        assert_eq!(
            j["Statement"][0]["Condition"]["StringEquals"]["sts:ExternalId"][0],
            DEPLOY_TIME_VALUE
        );

        // A value chosen at deploy time under a `Like` operator may be a wildcard.
        let st = map(vec![
            ("Effect", s("Allow")),
            ("Principal", s("*")),
            ("Action", s("sts:AssumeRole")),
            (
                "Condition",
                map(vec![(
                    "StringLike",
                    map(vec![(
                        "aws:PrincipalArn",
                        unk("parameter `P` has no default and no value was given"),
                    )]),
                )]),
            ),
        ]);
        assert!(to_json(&doc(st), &model).is_err());

        // The provider of a federated principal from its condition keys.
        let st = map(vec![
            ("Effect", s("Allow")),
            (
                "Principal",
                map(vec![(
                    "Federated",
                    unk("pseudo parameter `AWS::AccountId` is known at deploy time"),
                )]),
            ),
            ("Action", s("sts:AssumeRoleWithWebIdentity")),
            (
                "Condition",
                map(vec![(
                    "StringEquals",
                    map(vec![(
                        "token.actions.githubusercontent.com:aud",
                        s("sts.amazonaws.com"),
                    )]),
                )]),
            ),
        ]);
        let j = to_json(&doc(st), &model).unwrap();
        assert_eq!(
            j["Statement"][0]["Principal"]["Federated"][0],
            format!("arn:aws:iam::{OWNER}:oidc-provider/token.actions.githubusercontent.com")
        );
    }

    #[test]
    fn aws_managed_policies_by_name() {
        assert_eq!(
            aws_managed_name("arn:aws:iam::aws:policy/service-role/AWSLambdaRole"),
            Some("AWSLambdaRole")
        );
        assert_eq!(aws_managed_name("arn:aws:iam::111122223333:policy/x"), None);
        assert_eq!(
            aws_managed_name("arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess"),
            Some("AdministratorAccess")
        );
        assert_eq!(
            aws_managed_name("arn:aws-cn:iam::aws:policy/service-role/AWSLambdaRole"),
            Some("AWSLambdaRole")
        );
        assert_eq!(
            aws_managed_name("arn:${AWS::Partition}:iam::aws:policy/${PolicyName}"),
            None
        );
        assert_eq!(
            aws_managed_name("arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/Admin"),
            None
        );
        assert!(AWS_MANAGED
            .get("AdministratorAccess")
            .is_some_and(|e| e.admin));
        assert!(AWS_MANAGED
            .get("IAMFullAccess")
            .is_some_and(|e| !e.admin && e.methods.contains(&"CreateAccessKey")));
    }
}

thread_local! {
    /// The four least-privilege controls (permissions management, credentials exposure, data
    /// exfiltration, write) ask for the same expansion of the same document in a row: keep the
    /// last one, keyed by the document's exact JSON text.
    static LAST_RISKY: std::cell::RefCell<Option<(String, std::rc::Rc<wasp_iam::analyze::least_privilege::RiskyGrants>)>> =
        const { std::cell::RefCell::new(None) };
}

fn cached_risky_grants(
    node: &Node,
    set: &PolicySet,
) -> std::rc::Rc<wasp_iam::analyze::least_privilege::RiskyGrants> {
    let key = node.to_json().to_string();
    LAST_RISKY.with(|cell| {
        if let Some((k, v)) = &*cell.borrow() {
            if *k == key {
                return v.clone();
            }
        }
        let v = std::rc::Rc::new(wasp_iam::analyze::least_privilege::risky_grants(set));
        *cell.borrow_mut() = Some((key, v.clone()));
        v
    })
}

/// Runs `each` on every `Allow` statement of a role's trust policy that lets a principal (not
/// `NotPrincipal`) call `sts:AssumeRole`, when the policy names principals of type `ty`
/// (`AWS`, `Service`, ...). `each` gets the statement, its principal and the statement's
/// position, and returns `None` when the statement does not concern the control, or the
/// outcomes it raises (none: it passes). The control passes when the statements that concern
/// it raise nothing, and does not apply when none concerns it.
pub(crate) fn each_assume_statement(
    res: &Resource,
    model: &Model,
    ty: &str,
    mut each: impl FnMut(
        &wasp_iam::model::Statement,
        &wasp_iam::model::PrincipalSpec,
        Pos,
    ) -> Option<Vec<crate::Outcome>>,
) -> Vec<crate::Outcome> {
    let Some((parsed, d)) = trust_policy(res, model) else {
        return vec![];
    };
    if !names_principal_type(d, ty) {
        return vec![];
    }
    let policy = match parsed {
        Ok(p) => p,
        Err((r, p)) => return vec![crate::helpers::unknown(r, Some(p))],
    };
    let compiled = CompiledPolicy::new("trust policy", policy.clone());
    let node = d.document.known();
    let mut out = Vec::new();
    let mut concerned = false;
    for s in &policy.statements {
        if s.effect != Some(wasp_iam::Effect::Allow) {
            continue;
        }
        let assumes = compiled
            .statements
            .iter()
            .find(|c| c.index as usize == s.index)
            .is_some_and(|c| c.actions.covers("sts:assumerole"));
        let Some(p) = s.principal.as_ref().filter(|p| assumes && !p.negated) else {
            continue;
        };
        if let Some(found) = each(s, p, statement_pos(node, s.index, d.pos)) {
            concerned = true;
            out.extend(found);
        }
    }
    if !concerned {
        return vec![];
    }
    if out.is_empty() {
        out.push(crate::Outcome::Pass);
    }
    out
}
