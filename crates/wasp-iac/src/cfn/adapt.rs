//! CloudFormation resources (resolved properties) into typed model kinds.
//!
//! Resources that refer to another one to configure it (`AWS::S3::BucketPolicy`,
//! `AWS::EC2::SecurityGroupIngress`, `AWS::IAM::Policy`, listener rules) are joined into
//! their target in a second pass.
//!
//! Each service's resource types are adapted in the module of its name (`s3`, `ec2`, `iam`, ...,
//! as the model's and the controls'); this module holds what they share, and the dispatch.

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
    items, path, value, FromNode, Kind, ListenerAction, Model, Node, PolicyDoc, Resource, SgRule,
    Value, V,
};

/// One resource of a template after intrinsic resolution.
pub struct Raw {
    pub address: String,
    pub source_type: String,
    pub pos: Pos,
    pub props: Node,
    pub metadata: Option<Node>,
    pub refs: BTreeSet<String>,
}

/// The properties whose adapter reads `${Name}` placeholders for deploy-time parts of a
/// `Fn::Sub` or `Fn::Join` (see the [`super::resolve`] module docs), by resource type and path
/// of keys below `Properties`. Any other property built from deploy-time values stays unknown.
///
/// - managed policy ARNs: AWS managed policies are recognised by the name after
///   `:iam::aws:policy/`, whatever the partition (`arn:${AWS::Partition}:...`);
/// - user data: the secret scan reads the literal text around `${AWS::Region}` or
///   `${Db.Endpoint.Address}`, and takes a placeholder for an expansion, never a secret.
pub const PLACEHOLDER_PROPERTIES: &[(&str, &[&str])] = &[
    ("AWS::IAM::Role", &["ManagedPolicyArns"]),
    ("AWS::IAM::User", &["ManagedPolicyArns"]),
    ("AWS::IAM::Group", &["ManagedPolicyArns"]),
    ("AWS::EC2::Instance", &["UserData"]),
    (
        "AWS::EC2::LaunchTemplate",
        &["LaunchTemplateData", "UserData"],
    ),
    ("AWS::AutoScaling::LaunchConfiguration", &["UserData"]),
];

/// Something one resource contributes to another.
pub(super) enum Join {
    BucketPolicy(PolicyDoc),
    Ingress(SgRule),
    Egress(SgRule),
    Policy(PolicyDoc),
    ListenerActions(Vec<ListenerAction>),
    /// Any other change, applied to the target's kind.
    Apply(Box<dyn FnOnce(&mut Kind)>),
}

/// What a service's adapter may use: the resource being adapted, and joins into others.
pub(super) struct ServiceCx<'a> {
    pub address: &'a str,
    pub pos: Pos,
    /// The `Globals.Function` section of a SAM template (see [`adapt`]).
    pub sam_function_globals: Option<&'a Node>,
    joins: &'a mut Vec<(Option<To>, Join, Pos)>,
}

impl ServiceCx<'_> {
    /// Applies `f` to the resource that `target` names (`!Ref X`, `!GetAtt X.Attr`, or a
    /// physical name), after every resource has been adapted.
    pub fn join(&mut self, target: Option<&Node>, f: impl FnOnce(&mut Kind) + 'static) {
        self.joins
            .push((self::target(target), Join::Apply(Box::new(f)), self.pos));
    }
}

/// Reads a typed value at a path of keys below `node`.
pub(super) fn at<T: FromNode>(node: &Node, keys: &[&str]) -> Value<T> {
    value(path(Some(node), keys))
}

/// A service's adapter: the kind of a resource of one of the service's types, `None` for
/// the types of other services.
type Adapter = fn(&str, &Node, &mut ServiceCx<'_>) -> Option<Kind>;

/// The adapters of the services, one a service: the one whose type it is adapts a resource.
const SERVICES: &[Adapter] = &[
    accessanalyzer::adapt,
    acm::adapt,
    apigateway::adapt,
    backup::adapt,
    cloudfront::adapt,
    cloudtrail::adapt,
    codebuild::adapt,
    cognito::adapt,
    config::adapt,
    dms::adapt,
    dynamodb::adapt,
    ec2::adapt,
    ecr::adapt,
    ecs::adapt,
    efs::adapt,
    eks::adapt,
    elasticache::adapt,
    elb::adapt,
    firehose::adapt,
    guardduty::adapt,
    iam::adapt,
    kinesis::adapt,
    kms::adapt,
    lambda::adapt,
    logs::adapt,
    macie::adapt,
    mq::adapt,
    opensearch::adapt,
    rds::adapt,
    redshift::adapt,
    s3::adapt,
    secrets::adapt,
    securityhub::adapt,
    sns::adapt,
    sqs::adapt,
    ssm::adapt,
    vpc::adapt,
    waf::adapt,
];

/// `sam_function_globals`: the `Globals.Function` section of a SAM template, whose settings
/// apply to every `AWS::Serverless::Function` that does not set them itself.
pub fn adapt(file: FileRef, raws: Vec<Raw>, sam_function_globals: Option<&Node>) -> Model {
    let mut joins: Vec<(Option<To>, Join, Pos)> = Vec::new();
    let mut resources = Vec::with_capacity(raws.len());
    for raw in raws {
        let mut cx = ServiceCx {
            address: &raw.address,
            pos: raw.pos,
            sam_function_globals,
            joins: &mut joins,
        };
        let kind = SERVICES
            .iter()
            .find_map(|adapt| adapt(&raw.source_type, &raw.props, &mut cx))
            .unwrap_or(Kind::Other);
        resources.push(Resource {
            address: raw.address,
            source_type: raw.source_type,
            source: &super::SOURCE,
            file: file.clone(),
            pos: raw.pos,
            kind,
            ignores: metadata_ignores(raw.metadata.as_ref()),
            refs: raw.refs,
            ids: Vec::new(),
        });
    }
    // Joins find their target by address or by physical name: both indexed, the first
    // resource of a name winning as a scan in template order would find it.
    let mut by_address: HashMap<String, usize> = HashMap::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for (i, r) in resources.iter().enumerate() {
        by_address.entry(r.address.clone()).or_insert(i);
        if let Some(n) = physical_name(&r.kind) {
            by_name.entry(n.to_string()).or_insert(i);
        }
    }
    for (to, join, _pos) in joins {
        let Some(to) = to else { continue };
        let found = match &to {
            To::Address(a) => by_address.get(a),
            To::Name(n) => by_name.get(n),
        };
        let Some(res) = found.map(|&i| &mut resources[i]) else {
            continue;
        };
        match (&mut res.kind, join) {
            (Kind::Bucket(b), Join::BucketPolicy(doc)) => b.policy = Some(doc),
            (Kind::SecurityGroup(g), Join::Ingress(r)) => g.ingress.push(r),
            (Kind::SecurityGroup(g), Join::Egress(r)) => g.egress.push(r),
            (Kind::Role(p) | Kind::User(p) | Kind::Group(p), Join::Policy(doc)) => {
                p.policies.push(doc)
            }
            (Kind::Listener(l), Join::ListenerActions(a)) => l.rule_actions.extend(a),
            (kind, Join::Apply(f)) => f(kind),
            _ => {}
        }
    }
    Model::new(resources, Vec::new())
}

/// What a configuring resource points at: another resource of the template by logical id
/// (`!Ref X`, `!GetAtt X.Attr`), or a resource by its physical name (`Bucket: my-bucket`).
pub(super) enum To {
    Address(String),
    Name(String),
}

fn target(node: Option<&Node>) -> Option<To> {
    let node = node?;
    match &node.v {
        V::Ref(r) => Some(To::Address(r.target.to_string())),
        V::Str(s) => Some(To::Name(s.to_string())),
        _ => None,
    }
}

/// The statically known physical name of a resource that other resources may name.
fn physical_name(kind: &Kind) -> Option<&str> {
    let v = match kind {
        Kind::Bucket(b) => &b.name,
        Kind::SecurityGroup(g) => &g.name,
        Kind::Role(p) | Kind::User(p) | Kind::Group(p) => &p.name,
        _ => return None,
    };
    v.known().map(String::as_str)
}

/// Present (and not null) → known true at its position; absent → absent.
pub(super) fn present(node: Option<&Node>) -> Value<bool> {
    match node {
        None => Value::Absent,
        Some(n) if n.is_null() => Value::Absent,
        Some(n) if n.is_unknown() => value(Some(n)),
        Some(n) => Value::Known(true, n.pos),
    }
}

pub(super) fn policy_doc(p: &Node, key: &str, name: &str, joined_from: Option<&str>) -> PolicyDoc {
    let node = p.get(key);
    PolicyDoc {
        name: name.to_string(),
        document: policy_value(node),
        pos: node.map(|n| n.pos).unwrap_or(p.pos),
        joined_from: joined_from.map(str::to_string),
    }
}

/// A policy document may be written as a JSON string; parse it then.
fn policy_value(node: Option<&Node>) -> Value<Node> {
    match node {
        Some(n) => match &n.v {
            V::Str(s) => match crate::json::parse(s) {
                Ok(mut doc) => {
                    reposition(&mut doc, n.pos);
                    Value::Known(doc, n.pos)
                }
                Err(e) => Value::Unknown(format!("policy is not valid JSON: {e}").into(), n.pos),
            },
            _ => value(Some(n)),
        },
        None => Value::Absent,
    }
}

/// Positions inside an embedded JSON string are relative to the string; point them at it.
fn reposition(node: &mut Node, pos: Pos) {
    node.pos = pos;
    match &mut node.v {
        V::Seq(s) => s.iter_mut().for_each(|n| reposition(n, pos)),
        V::Map(m) => m.entries.iter_mut().for_each(|e| {
            e.key_pos = pos;
            reposition(&mut e.value, pos)
        }),
        _ => {}
    }
}

/// A list that is set and not empty: known true; an empty list: known false.
fn non_empty(node: Option<&Node>) -> Value<bool> {
    match node {
        None => Value::Absent,
        Some(n) if n.is_null() => Value::Absent,
        Some(n) if n.is_unknown() || matches!(n.v, V::Ref(_)) => value(Some(n)),
        Some(n) => Value::Known(!items(Some(n)).is_empty(), n.pos),
    }
}

/// The reason of the first unknown value or reference inside `n`.
fn first_unknown_reason(n: &Node) -> String {
    n.first_unknown()
        .map(|(r, _)| r.to_string())
        .unwrap_or_else(|| "not known statically".into())
}

/// Why a node cannot be enumerated statically, if it cannot.
fn not_enumerable(node: Option<&Node>) -> Option<(String, Pos)> {
    let n = node?;
    match &n.v {
        V::Unknown(r) => Some((r.to_string(), n.pos)),
        V::Ref(r) => Some((format!("refers to `{}`", r.target), n.pos)),
        _ => None,
    }
}

fn values(node: Option<&Node>) -> Vec<Value<String>> {
    items(node).iter().map(|n| value(Some(n))).collect()
}

/// Why `n`, an unknown value or a reference, is not known statically.
fn unknown_reason(n: &Node) -> String {
    match value::<Node>(Some(n)) {
        Value::Unknown(r, _) => r.to_string(),
        _ => "not known statically".into(),
    }
}

/// Reads a list of strings: `None` when absent; an unknown list is one unknown item.
fn string_list(n: Option<&Node>) -> Option<Vec<Value<String>>> {
    let n = n.filter(|n| !n.is_null())?;
    if n.is_unknown() || matches!(n.v, V::Ref(_)) {
        return Some(vec![value(Some(n))]);
    }
    Some(items(Some(n)).iter().map(|i| value(Some(i))).collect())
}

/// `Metadata: {wasp: {ignore: [{id: WASP-S3-001, reason: "..."}]}}` (also `ignore: [ID, ...]`).
fn metadata_ignores(meta: Option<&Node>) -> Vec<wasp_model::Ignore> {
    items(path(meta, &["wasp", "ignore"]))
        .iter()
        .filter_map(|i| {
            let (control, reason) = match i.as_str() {
                Some(id) => (id.to_string(), String::new()),
                None => (
                    i.get("id")?.as_str()?.to_string(),
                    i.get("reason")
                        .and_then(Node::as_str)
                        .unwrap_or("")
                        .to_string(),
                ),
            };
            Some(wasp_model::Ignore {
                control,
                reason,
                pos: i.pos,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
