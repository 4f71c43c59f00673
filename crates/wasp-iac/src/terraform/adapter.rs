//! Terraform resources (evaluated bodies or plan values) into the normalized model, joining the
//! sub-resources Terraform splits out (`aws_s3_bucket_versioning`, `aws_security_group_rule`,
//! `aws_iam_role_policy`, ...) into the resource they configure.
//!
//! Each service's resource types are adapted, and their sub-resources joined, in the module of
//! its name (`s3`, `ec2`, `iam`, ..., as the model's and the controls'); this module holds what
//! they share, and the dispatch.

mod accessanalyzer;
mod acm;
mod apigateway;
mod backup;
mod cloudfront;
mod cloudtrail;
mod codebuild;
mod cognito;
mod config;
mod dms;
mod dynamodb;
mod ec2;
mod ecr;
mod ecs;
mod efs;
mod eks;
mod elasticache;
mod elb;
mod firehose;
mod guardduty;
mod iam;
mod kinesis;
mod kms;
mod lambda;
mod logs;
mod macie;
mod mq;
mod opensearch;
mod rds;
mod redshift;
mod s3;
mod secrets;
mod securityhub;
mod sns;
mod sqs;
mod ssm;
mod vpc;
mod waf;

use std::collections::{BTreeSet, HashMap};

use wasp_core::{FileRef, Pos};
use wasp_model::{
    items, value, Kind, KindTag, Model, Node, PolicyDoc, Resource, SourceInfo, Value, V,
};

use super::eval::why;
use super::policy::policy_value;

/// One Terraform resource instance before adaptation.
pub(crate) struct RawRes {
    pub address: String,
    pub rtype: String,
    pub file: FileRef,
    pub pos: Pos,
    /// The attributes: a map; nested blocks are sequences of maps.
    pub body: Node,
    pub refs: BTreeSet<String>,
}

/// Follows keys through nested blocks (a sequence of blocks counts as its first block).
/// An unknown on the way is returned itself.
pub(super) fn dig<'n>(n: &'n Node, keys: &[&str]) -> Option<&'n Node> {
    let mut cur = n;
    for k in keys {
        if let V::Seq(s) = &cur.v {
            cur = s.first()?;
        }
        match &cur.v {
            V::Unknown(_) | V::Ref(_) => return Some(cur),
            V::Map(m) => cur = m.get(k)?,
            _ => return None,
        }
    }
    Some(cur)
}

/// The blocks of type `k`: each item of a sequence, or a single map; unknown yields itself.
pub(super) fn blocks<'n>(n: &'n Node, k: &str) -> Vec<&'n Node> {
    match n.get(k) {
        None => Vec::new(),
        Some(b) => match &b.v {
            V::Seq(s) => s.iter().collect(),
            V::Null => Vec::new(),
            _ => vec![b],
        },
    }
}

pub(super) fn vstr(n: &Node, keys: &[&str]) -> Value<String> {
    value(dig(n, keys))
}
pub(super) fn vbool(n: &Node, keys: &[&str]) -> Value<bool> {
    value(dig(n, keys))
}

/// "A block of this type is present": known true at the block, unknown if the block is.
pub(super) fn present(n: &Node, k: &str) -> Value<bool> {
    match blocks(n, k).first() {
        None => Value::Absent,
        Some(b) if b.is_unknown() => Value::Unknown(why(b).into(), b.pos),
        Some(b) => Value::Known(true, b.pos),
    }
}

pub(super) fn policy_doc(name: &str, n: Option<&Node>) -> Option<PolicyDoc> {
    let document = policy_value(n);
    let pos = document.pos()?;
    Some(PolicyDoc {
        name: name.to_string(),
        document,
        pos,
        joined_from: None,
    })
}

fn strings(node: Option<&Node>) -> Vec<Value<String>> {
    wasp_model::items(node)
        .iter()
        .map(|n| value(Some(n)))
        .collect()
}

/// Why a block cannot be read statically, if it cannot (a `dynamic` block over an unknown
/// collection).
fn not_enumerable(n: &Node) -> Option<(String, Pos)> {
    matches!(n.v, V::Unknown(_) | V::Ref(_)).then(|| (why(n), n.pos))
}

fn unknown_block(b: &Node, key: &str, plan: bool) -> String {
    if plan {
        format!("`{key}` known only after apply")
    } else {
        why(b)
    }
}

/// A list of strings: `None` when absent; an unknown list is one unknown item.
fn string_list(n: Option<&Node>) -> Option<Vec<Value<String>>> {
    let n = n.filter(|n| !n.is_null())?;
    if n.is_unknown() || matches!(n.v, V::Ref(_)) {
        return Some(vec![Value::Unknown(why(n).into(), n.pos)]);
    }
    Some(items(Some(n)).iter().map(|i| value(Some(i))).collect())
}

/// A policy document of a policy resource, marked as joined from it.
fn joined_doc(r: &RawRes, name: &str, key: &str) -> Option<wasp_model::PolicyDoc> {
    let mut d = policy_doc(name, r.body.get(key))?;
    d.joined_from = Some(r.address.clone());
    Some(d)
}

/// A list that is set and not empty: known true; an empty list: known false.
fn non_empty(n: Option<&Node>) -> Value<bool> {
    match n {
        None => Value::Absent,
        Some(n) if n.is_null() => Value::Absent,
        Some(n) if n.is_unknown() || matches!(n.v, V::Ref(_)) => {
            Value::Unknown(why(n).into(), n.pos)
        }
        Some(n) => Value::Known(!items(Some(n)).is_empty(), n.pos),
    }
}

/// A service's adapter of a resource's own attributes: its kind, `None` for the types of other
/// services.
type OwnKind = fn(&str, &Node, bool) -> Option<Kind>;

/// The adapters of the services, one a service: the one whose type it is adapts a resource.
const OWN_KINDS: &[OwnKind] = &[
    accessanalyzer::own_kind,
    acm::own_kind,
    apigateway::own_kind,
    backup::own_kind,
    cloudfront::own_kind,
    cloudtrail::own_kind,
    codebuild::own_kind,
    cognito::own_kind,
    config::own_kind,
    dms::own_kind,
    dynamodb::own_kind,
    ec2::own_kind,
    ecr::own_kind,
    ecs::own_kind,
    efs::own_kind,
    eks::own_kind,
    elasticache::own_kind,
    elb::own_kind,
    firehose::own_kind,
    guardduty::own_kind,
    iam::own_kind,
    kinesis::own_kind,
    kms::own_kind,
    lambda::own_kind,
    logs::own_kind,
    macie::own_kind,
    mq::own_kind,
    opensearch::own_kind,
    rds::own_kind,
    redshift::own_kind,
    s3::own_kind,
    secrets::own_kind,
    securityhub::own_kind,
    sns::own_kind,
    sqs::own_kind,
    ssm::own_kind,
    vpc::own_kind,
    waf::own_kind,
];

/// The normalized kind of one resource from its own attributes (before joins).
fn own_kind(rtype: &str, b: &Node, plan: bool) -> Kind {
    OWN_KINDS
        .iter()
        .find_map(|own_kind| own_kind(rtype, b, plan))
        .unwrap_or(Kind::Other)
}

/// Lookup tables for joins.
pub(crate) struct Index {
    by_addr: HashMap<String, usize>,
    by_name: HashMap<(KindTag, String), usize>,
}

impl Index {
    /// The index of the resource of kind `tag` that `n` refers to (by reference or name).
    pub(super) fn find(&self, n: Option<&Node>, tag: KindTag, kinds: &[Kind]) -> Option<usize> {
        let n = n?;
        let i = match &n.v {
            V::Ref(r) => *self.by_addr.get(&*r.target)?,
            V::Str(s) => *self.by_name.get(&(tag, s.to_string()))?,
            _ => return None,
        };
        (kinds[i].tag() == tag).then_some(i)
    }
}

/// Adapts resources into a model.
pub(crate) fn adapt(raw: Vec<RawRes>, source: &'static SourceInfo, files: Vec<FileRef>) -> Model {
    let plan = source == &super::PLAN_SOURCE;
    let mut kinds: Vec<Kind> = raw
        .iter()
        .map(|r| own_kind(&r.rtype, &r.body, plan))
        .collect();
    let mut ix = Index {
        by_addr: HashMap::new(),
        by_name: HashMap::new(),
    };
    for (i, r) in raw.iter().enumerate() {
        ix.by_addr.insert(r.address.clone(), i);
        let name = match &kinds[i] {
            Kind::Bucket(b) => b.name.known().cloned(),
            Kind::Role(p) | Kind::User(p) | Kind::Group(p) => p.name.known().cloned(),
            // [names of other kinds that sub-resources may name]
            Kind::ConfigRecorder(c) => c.name.known().cloned(),
            Kind::EcrRepository(r) => r.name.known().cloned(),
            Kind::Secret(s) => s.name.known().cloned(),
            Kind::SearchDomain(d) => d.name.known().cloned(),
            Kind::BackupVault(v) => v.name.known().cloned(),
            Kind::ClassicLoadBalancer(l) => l.name.known().cloned(),
            _ => None,
        };
        if let Some(n) = name {
            ix.by_name.entry((kinds[i].tag(), n)).or_insert(i);
        }
    }
    for r in &raw {
        join(r, &ix, &mut kinds);
    }
    Model::new(
        raw.into_iter()
            .zip(kinds)
            .map(|(r, kind)| Resource {
                address: r.address,
                source_type: r.rtype,
                source,
                file: r.file,
                pos: r.pos,
                kind,
                refs: r.refs,
                ids: Vec::new(),
                ignores: Vec::new(),
            })
            .collect(),
        files,
    )
}

pub(super) fn set<T>(slot: &mut Value<T>, v: Value<T>) {
    if !v.is_absent() {
        *slot = v;
    }
}

/// A service's join of a sub-resource into the resource it configures: `false` for the types
/// of other services.
type Join = fn(&RawRes, &Index, &mut [Kind]) -> bool;

/// The joins of the services that have sub-resources.
const JOINS: &[Join] = &[
    apigateway::join,
    backup::join,
    config::join,
    ec2::join,
    ecr::join,
    efs::join,
    elb::join,
    guardduty::join,
    iam::join,
    kms::join,
    opensearch::join,
    s3::join,
    secrets::join,
    sns::join,
    sqs::join,
    vpc::join,
    waf::join,
];

/// Joins one sub-resource into the resource it configures.
fn join(r: &RawRes, ix: &Index, kinds: &mut [Kind]) {
    let _ = JOINS.iter().any(|join| join(r, ix, kinds));
}

#[cfg(test)]
mod tests;
