//! Static resolution of CloudFormation intrinsic functions.
//!
//! A function is resolved only when its result is certain: parameters with a default or a
//! given value, mappings, conditions, `Fn::Sub` over known pieces, and so on. References to
//! resources become [`V::Ref`] edges; everything else becomes [`V::Unknown`] with the reason.
//!
//! ## Strings with deploy-time parts
//!
//! A string built by `Fn::Sub` or `Fn::Join` from literal text and values known only at deploy
//! time (`${AWS::Partition}`, `${AWS::AccountId}`, a parameter without a value, `${Bucket}`,
//! `${Db.Endpoint.Address}`) is [`V::Unknown`] as a whole: a bucket name
//! `app-${AWS::AccountId}` is not a known name, and a control that compares whole strings must
//! never take a placeholder for a real value.
//!
//! Some consumers only need the literal parts: a managed policy ARN
//! `arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess` names the AWS managed
//! `AdministratorAccess` policy in whatever partition the stack runs; a secret written into user
//! data is there whatever the `${AWS::Region}` next to it turns out to be. They opt in, property
//! by property ([`super::adapt::PLACEHOLDER_PROPERTIES`]), and for those properties only the
//! loader resolves once more with [`Context::resolve_with_placeholders`]: each deploy-time part
//! of a `Fn::Sub` or `Fn::Join` becomes a `${Name}` placeholder in a known string (the `Fn::Sub`
//! variable as written, the `Ref` or `Fn::GetAtt` target, or the intrinsic function's name,
//! `${Fn::ImportValue}`). Everything else resolves as before: conditions, `Fn::FindInMap` keys
//! and `Fn::Select` indexes never see a placeholder, so a condition on `AWS::Region` stays
//! unknown instead of comparing `${AWS::Region}` with a region name. The consumer reads such a
//! string knowing that `${...}` marks a value it does not know (see the model fields
//! `Principal::managed_policy_arns` and `Compute::user_data`).

use std::collections::{HashMap, HashSet};
use wasp_core::Pos;
use wasp_model::{Map, Node, Ref, V};

use super::CfnOptions;

/// Pseudo parameters, whose values are known only at deploy time.
const PSEUDO: &[&str] = &[
    "AWS::AccountId",
    "AWS::NotificationARNs",
    "AWS::Partition",
    "AWS::Region",
    "AWS::StackId",
    "AWS::StackName",
    "AWS::URLSuffix",
];

/// Deepest nesting of intrinsic functions followed.
const MAX_DEPTH: usize = 64;

pub struct Context<'t> {
    params: HashMap<&'t str, Node>,
    mappings: Option<&'t Map>,
    conditions: HashMap<&'t str, &'t Node>,
    cond_cache: HashMap<String, Option<bool>>,
    cond_active: HashSet<String>,
    resources: HashSet<&'t str>,
    problems: Vec<(Pos, String)>,
    depth: usize,
    /// Inside [`Context::resolve_with_placeholders`], and in a position that builds a string.
    placeholders: bool,
}

impl<'t> Context<'t> {
    pub fn new(top: &'t Map, opts: &CfnOptions) -> Self {
        let mut params = HashMap::new();
        if let Some(ps) = top.get("Parameters").and_then(Node::as_map) {
            for e in &ps.entries {
                let name: &str = &e.key;
                let given = opts.params.iter().rev().find(|(k, _)| k == name);
                let is_list = e
                    .value
                    .get("Type")
                    .and_then(Node::as_str)
                    .is_some_and(|t| t.starts_with("List<") || t == "CommaDelimitedList");
                let is_ssm = e
                    .value
                    .get("Type")
                    .and_then(Node::as_str)
                    .is_some_and(|t| t.starts_with("AWS::SSM::Parameter::Value"));
                let value = match given {
                    Some((_, v)) => Some(Node::str(e.key_pos, v.as_str())),
                    None => e.value.get("Default").cloned(),
                };
                let node = match value {
                    _ if is_ssm => Node::unknown(
                        e.key_pos,
                        format!(
                            "parameter `{name}` is read from SSM Parameter Store at deploy time"
                        ),
                    ),
                    Some(v) if is_list => match v.as_str() {
                        Some(s) => Node::new(
                            v.pos,
                            V::Seq(s.split(',').map(|x| Node::str(v.pos, x.trim())).collect()),
                        ),
                        None => v,
                    },
                    Some(v) => v,
                    None => Node::unknown(
                        e.key_pos,
                        format!("parameter `{name}` has no default and no value was given"),
                    ),
                };
                params.insert(name, node);
            }
        }
        let conditions = top
            .get("Conditions")
            .and_then(Node::as_map)
            .map(|m| m.entries.iter().map(|e| (&*e.key, &e.value)).collect())
            .unwrap_or_default();
        let resources = top
            .get("Resources")
            .and_then(Node::as_map)
            .map(|m| m.entries.iter().map(|e| &*e.key).collect())
            .unwrap_or_default();
        Context {
            params,
            mappings: top.get("Mappings").and_then(Node::as_map),
            conditions,
            cond_cache: HashMap::new(),
            cond_active: HashSet::new(),
            resources,
            problems: Vec::new(),
            depth: 0,
            placeholders: false,
        }
    }

    /// Problems met while resolving (for example a reference to an undefined name).
    pub fn take_problems(&mut self) -> Vec<(Pos, String)> {
        std::mem::take(&mut self.problems)
    }

    /// Resolves `node` like [`Context::resolve`], except that a `Fn::Sub` or `Fn::Join` whose
    /// parts are known only at deploy time gives a known string in which each such part is a
    /// `${Name}` placeholder (see the module docs). For properties whose consumer reads
    /// placeholders; `node` has already been resolved once, so its problems are not reported
    /// again.
    pub fn resolve_with_placeholders(&mut self, node: &Node) -> Option<Node> {
        let reported = self.problems.len();
        let saved = std::mem::replace(&mut self.placeholders, true);
        let out = self.resolve(node);
        self.placeholders = saved;
        self.problems.truncate(reported);
        out
    }

    /// Evaluates a named condition: `Some(true/false)` when certain, `None` when unknown.
    pub fn condition(&mut self, name: &str) -> Option<bool> {
        let saved = std::mem::replace(&mut self.placeholders, false);
        let v = self.condition_inner(name);
        self.placeholders = saved;
        v
    }

    fn condition_inner(&mut self, name: &str) -> Option<bool> {
        if let Some(v) = self.cond_cache.get(name) {
            return *v;
        }
        let node = self.conditions.get(name).copied()?;
        if !self.cond_active.insert(name.to_string()) {
            self.problems
                .push((node.pos, format!("condition `{name}` refers to itself")));
            return None;
        }
        let v = self.cond_value(node);
        self.cond_active.remove(name);
        self.cond_cache.insert(name.to_string(), v);
        v
    }

    fn cond_value(&mut self, node: &Node) -> Option<bool> {
        let Some((f, arg)) = single(node) else {
            return node.as_bool();
        };
        match f {
            "Condition" => {
                let name = arg.as_str()?.to_string();
                self.condition(&name)
            }
            "Fn::Equals" => {
                let items = arg.as_seq()?;
                if items.len() != 2 {
                    return None;
                }
                let a = self.resolve(&items[0])?;
                let b = self.resolve(&items[1])?;
                Some(scalar_eq(&a, &b)?)
            }
            "Fn::Not" => {
                let items = arg.as_seq()?;
                Some(!self.cond_value(items.first()?)?)
            }
            "Fn::And" => {
                let mut unknown = false;
                for c in arg.as_seq()? {
                    match self.cond_value(c) {
                        Some(false) => return Some(false),
                        None => unknown = true,
                        Some(true) => {}
                    }
                }
                (!unknown).then_some(true)
            }
            "Fn::Or" => {
                let mut unknown = false;
                for c in arg.as_seq()? {
                    match self.cond_value(c) {
                        Some(true) => return Some(true),
                        None => unknown = true,
                        Some(false) => {}
                    }
                }
                (!unknown).then_some(false)
            }
            _ => None,
        }
    }

    /// Resolves every intrinsic function inside `node`. `None` means `AWS::NoValue`: the
    /// property is removed.
    pub fn resolve(&mut self, node: &Node) -> Option<Node> {
        if self.depth >= MAX_DEPTH {
            return Some(Node::unknown(
                node.pos,
                "intrinsic functions nested too deeply",
            ));
        }
        self.depth += 1;
        let out = self.resolve_inner(node);
        self.depth -= 1;
        out
    }

    fn resolve_inner(&mut self, node: &Node) -> Option<Node> {
        match &node.v {
            V::Map(m) => {
                if let Some((f, arg)) = single(node) {
                    if f == "Ref" || f.starts_with("Fn::") {
                        return self.function(f, arg, node.pos);
                    }
                }
                let mut out = Map::default();
                for e in &m.entries {
                    if let Some(v) = self.resolve(&e.value) {
                        out.entries.push(wasp_model::Entry {
                            key: e.key.clone(),
                            key_pos: e.key_pos,
                            value: v,
                        });
                    }
                }
                Some(Node::map(node.pos, out))
            }
            V::Seq(items) => Some(Node::new(
                node.pos,
                V::Seq(items.iter().filter_map(|n| self.resolve(n)).collect()),
            )),
            _ => Some(node.clone()),
        }
    }

    fn function(&mut self, f: &str, arg: &Node, pos: Pos) -> Option<Node> {
        // Placeholders only where the function's result is built into a string: never in the
        // arguments of the others (mapping keys, indexes, conditions, attribute names).
        let keep =
            self.placeholders && matches!(f, "Fn::Sub" | "Fn::Join" | "Fn::Base64" | "Fn::If");
        let saved = std::mem::replace(&mut self.placeholders, keep);
        let out = self.function_inner(f, arg, pos);
        self.placeholders = saved;
        out
    }

    fn function_inner(&mut self, f: &str, arg: &Node, pos: Pos) -> Option<Node> {
        let unknown = |why: String| Some(Node::unknown(pos, why));
        match f {
            "Ref" => {
                let Some(name) = arg.as_str() else {
                    return unknown("`Ref` needs a name".into());
                };
                self.reference(name, pos)
            }
            "Fn::GetAtt" => {
                let (target, attr) = match &arg.v {
                    V::Str(s) => match s.split_once('.') {
                        Some((t, a)) => (t.to_string(), a.to_string()),
                        None => return unknown(format!("`Fn::GetAtt` of `{s}` has no attribute")),
                    },
                    V::Seq(items) if items.len() == 2 => {
                        let t = self.resolve(&items[0])?;
                        let a = self.resolve(&items[1])?;
                        match (t.as_str(), a.as_str()) {
                            (Some(t), Some(a)) => (t.to_string(), a.to_string()),
                            _ => return unknown("`Fn::GetAtt` with a computed name".into()),
                        }
                    }
                    _ => return unknown("malformed `Fn::GetAtt`".into()),
                };
                if !self.resources.contains(target.as_str()) {
                    self.problems.push((
                        pos,
                        format!("`Fn::GetAtt` refers to `{target}`, which is not a resource of this template"),
                    ));
                }
                Some(Node::new(
                    pos,
                    V::Ref(Ref {
                        target: target.into(),
                        attr: Some(attr.into()),
                    }),
                ))
            }
            "Fn::Sub" => self.sub(arg, pos),
            "Fn::Join" => {
                let items = arg.as_seq().filter(|s| s.len() == 2);
                let Some(items) = items else {
                    return unknown("malformed `Fn::Join`".into());
                };
                let delim = self.resolve(&items[0])?;
                // A literal list keeps each part's source, which names its placeholder.
                let parts: Vec<(Option<&Node>, Node)> = match &items[1].v {
                    V::Seq(raw) if self.placeholders => raw
                        .iter()
                        .filter_map(|r| self.resolve(r).map(|n| (Some(r), n)))
                        .collect(),
                    _ => {
                        let list = self.resolve(&items[1])?;
                        match list.as_seq() {
                            Some(l) => l.iter().map(|n| (None, n.clone())).collect(),
                            None => {
                                return unknown(unknown_reason(
                                    &list,
                                    "`Fn::Join` over values known at deploy time",
                                ))
                            }
                        }
                    }
                };
                let Some(d) = delim.as_str() else {
                    return unknown(unknown_reason(
                        &delim,
                        "`Fn::Join` with a delimiter known at deploy time",
                    ));
                };
                let mut s = String::new();
                for (i, (raw, p)) in parts.iter().enumerate() {
                    if i > 0 {
                        s.push_str(d);
                    }
                    match p.as_str() {
                        Some(t) => s.push_str(t),
                        None if self.placeholders && is_deploy_time(p) => {
                            s.push_str(&placeholder(*raw, p))
                        }
                        None => {
                            return unknown(unknown_reason(
                                p,
                                "`Fn::Join` over values known at deploy time",
                            ))
                        }
                    }
                }
                Some(Node::str(pos, s))
            }
            "Fn::Select" => {
                let Some(items) = arg.as_seq().filter(|s| s.len() == 2) else {
                    return unknown("malformed `Fn::Select`".into());
                };
                let idx = self.resolve(&items[0])?;
                let list = self.resolve(&items[1])?;
                match (idx.as_i64(), list.as_seq()) {
                    (Some(i), Some(l)) if i >= 0 && (i as usize) < l.len() => {
                        Some(l[i as usize].clone())
                    }
                    (Some(_), Some(_)) => {
                        self.problems
                            .push((pos, "`Fn::Select` index out of range".into()));
                        unknown("`Fn::Select` index out of range".into())
                    }
                    _ => unknown(unknown_reason(
                        &list,
                        "`Fn::Select` over values known at deploy time",
                    )),
                }
            }
            "Fn::Split" => {
                let Some(items) = arg.as_seq().filter(|s| s.len() == 2) else {
                    return unknown("malformed `Fn::Split`".into());
                };
                let delim = self.resolve(&items[0])?;
                let s = self.resolve(&items[1])?;
                match (delim.as_str(), s.as_str()) {
                    (Some(d), Some(s)) if !d.is_empty() => Some(Node::new(
                        pos,
                        V::Seq(s.split(d).map(|x| Node::str(pos, x)).collect()),
                    )),
                    _ => unknown(unknown_reason(
                        &s,
                        "`Fn::Split` of a value known at deploy time",
                    )),
                }
            }
            "Fn::If" => {
                let Some(items) = arg.as_seq().filter(|s| s.len() == 3) else {
                    return unknown("malformed `Fn::If`".into());
                };
                let Some(name) = items[0].as_str() else {
                    return unknown("malformed `Fn::If`".into());
                };
                let name = name.to_string();
                if !self.conditions.contains_key(name.as_str()) {
                    self.problems
                        .push((pos, format!("`Fn::If` names undefined condition `{name}`")));
                }
                match self.condition(&name) {
                    Some(true) => self.resolve(&items[1]),
                    Some(false) => self.resolve(&items[2]),
                    None => unknown(format!("condition `{name}` is not known statically")),
                }
            }
            "Fn::FindInMap" => {
                let Some(items) = arg.as_seq().filter(|s| s.len() == 3 || s.len() == 4) else {
                    return unknown("malformed `Fn::FindInMap`".into());
                };
                let mut keys = Vec::new();
                for k in &items[..3] {
                    let r = self.resolve(k)?;
                    match r.as_str() {
                        Some(s) => keys.push(s.to_string()),
                        None => {
                            return unknown(unknown_reason(
                                &r,
                                "`Fn::FindInMap` with a key known at deploy time",
                            ))
                        }
                    }
                }
                let found = self
                    .mappings
                    .and_then(|m| m.get(&keys[0]))
                    .and_then(|m| m.get(&keys[1]))
                    .and_then(|m| m.get(&keys[2]))
                    .cloned();
                match found {
                    Some(v) => self.resolve(&v),
                    None => {
                        // Fn::FindInMap with a DefaultValue (AWS::LanguageExtensions).
                        if let Some(d) = items.get(3).and_then(|d| d.get("DefaultValue")) {
                            return self.resolve(d);
                        }
                        self.problems.push((
                            pos,
                            format!(
                                "`Fn::FindInMap` finds no `{}/{}/{}` in Mappings",
                                keys[0], keys[1], keys[2]
                            ),
                        ));
                        unknown("mapping entry not found".into())
                    }
                }
            }
            "Fn::Base64" => {
                let v = self.resolve(arg)?;
                match v.as_str() {
                    Some(s) => Some(Node::str(pos, crate::base64::encode(s.as_bytes()))),
                    None => unknown(unknown_reason(
                        &v,
                        "`Fn::Base64` of a value known at deploy time",
                    )),
                }
            }
            "Fn::GetAZs" => unknown("availability zones are known at deploy time".into()),
            "Fn::ImportValue" => unknown("value exported by another stack".into()),
            "Fn::Cidr" => unknown("`Fn::Cidr` is not evaluated".into()),
            "Fn::Transform" => unknown("a macro transforms this value at deploy time".into()),
            "Fn::Equals" | "Fn::And" | "Fn::Or" | "Fn::Not" => {
                let mut wrapper = Map::default();
                wrapper.insert(f, pos, arg.clone());
                match self.cond_value(&Node::map(pos, wrapper)) {
                    Some(b) => Some(Node::new(pos, V::Bool(b))),
                    None => unknown(format!("`{f}` is not known statically")),
                }
            }
            other => unknown(format!("`{other}` is not evaluated")),
        }
    }

    fn reference(&mut self, name: &str, pos: Pos) -> Option<Node> {
        if name == "AWS::NoValue" {
            return None;
        }
        if let Some(v) = self.params.get(name) {
            let mut v = v.clone();
            v.pos = pos;
            return Some(v);
        }
        if PSEUDO.contains(&name) {
            return Some(Node::unknown(
                pos,
                format!("pseudo parameter `{name}` is known at deploy time"),
            ));
        }
        if self.resources.contains(name) {
            return Some(Node::new(
                pos,
                V::Ref(Ref {
                    target: name.into(),
                    attr: None,
                }),
            ));
        }
        self.problems.push((
            pos,
            format!("`Ref` to `{name}`, which is neither a parameter nor a resource"),
        ));
        Some(Node::unknown(pos, format!("unresolved reference `{name}`")))
    }

    fn sub(&mut self, arg: &Node, pos: Pos) -> Option<Node> {
        let (template, vars) = match &arg.v {
            V::Seq(items) if items.len() == 2 => (&items[0], items[1].as_map()),
            _ => (arg, None),
        };
        let template = self.resolve(template)?;
        let Some(text) = template.as_str() else {
            return Some(Node::unknown(
                pos,
                unknown_reason(&template, "`Fn::Sub` template known at deploy time"),
            ));
        };
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(start) = rest.find("${") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            let Some(end) = after.find('}') else {
                out.push_str(&rest[start..]);
                rest = "";
                break;
            };
            let name = &after[..end];
            rest = &after[end + 1..];
            if let Some(lit) = name.strip_prefix('!') {
                out.push_str("${");
                out.push_str(lit);
                out.push('}');
                continue;
            }
            let name = name.trim();
            let value = match vars.and_then(|m| m.get(name)) {
                Some(v) => self.resolve(v)?,
                None if name.contains('.') && self.placeholders => {
                    out.push_str(&format!("${{{name}}}"));
                    continue;
                }
                None if name.contains('.') => {
                    let target = name.split('.').next().unwrap_or(name);
                    return Some(Node::unknown(
                        pos,
                        format!("`Fn::Sub` uses `{name}`, an attribute of `{target}` known at deploy time"),
                    ));
                }
                None => self
                    .reference(name, pos)
                    .unwrap_or_else(|| Node::str(pos, "")),
            };
            match value.as_str() {
                Some(s) => out.push_str(s),
                None if self.placeholders && is_deploy_time(&value) => {
                    out.push_str(&format!("${{{name}}}"));
                }
                None => {
                    return Some(Node::unknown(
                        pos,
                        unknown_reason(
                            &value,
                            &format!("`Fn::Sub` uses `{name}`, known at deploy time"),
                        ),
                    ))
                }
            }
        }
        out.push_str(rest);
        Some(Node::str(pos, out))
    }
}

/// A value that a placeholder may stand for: one known only at deploy time (unknown, or a
/// reference to a resource), not a list or a map in a string position.
fn is_deploy_time(node: &Node) -> bool {
    matches!(node.v, V::Unknown(_) | V::Ref(_))
}

/// The `${Name}` placeholder of a deploy-time part of `Fn::Join`: the `Ref` or `Fn::GetAtt`
/// target when there is one, else the intrinsic function that gives the value.
fn placeholder(raw: Option<&Node>, resolved: &Node) -> String {
    if let V::Ref(r) = &resolved.v {
        return match &r.attr {
            Some(a) => format!("${{{}.{a}}}", r.target),
            None => format!("${{{}}}", r.target),
        };
    }
    let name = match raw.and_then(single) {
        Some(("Ref", arg)) => arg.as_str().unwrap_or("Ref").to_string(),
        Some((f, _)) => f.to_string(),
        None => "?".to_string(),
    };
    format!("${{{name}}}")
}

/// A map of exactly one key: the shape of an intrinsic function.
fn single(node: &Node) -> Option<(&str, &Node)> {
    let m = node.as_map()?;
    if m.entries.len() != 1 {
        return None;
    }
    let e = &m.entries[0];
    Some((&e.key, &e.value))
}

fn scalar_eq(a: &Node, b: &Node) -> Option<bool> {
    match (a.as_str(), b.as_str()) {
        (Some(x), Some(y)) => Some(x == y),
        _ => None,
    }
}

/// The reason carried by an unknown node, or `fallback`.
fn unknown_reason(node: &Node, fallback: &str) -> String {
    match &node.v {
        V::Unknown(r) => r.to_string(),
        V::Ref(r) => format!(
            "refers to `{}{}`, known only at deploy time",
            r.target,
            r.attr
                .as_deref()
                .map(|a| format!(".{a}"))
                .unwrap_or_default()
        ),
        _ => node
            .first_unknown()
            .map(|(r, _)| r.to_string())
            .unwrap_or_else(|| fallback.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = r#"
Parameters:
  Env: {Type: String, Default: prod}
  Secret: {Type: String, NoEcho: true}
Mappings:
  Ami: {us-east-1: {Id: ami-1}}
Conditions:
  InUsEast1: !Equals [!Ref AWS::Region, us-east-1]
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Db: {Type: AWS::RDS::DBInstance}
  Probe:
    Type: AWS::S3::Bucket
    Properties:
      ManagedArn: !Sub arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess
      BucketName: !Sub app-${AWS::AccountId}-${Env}
      Joined: !Join ["", ["arn:", !Ref AWS::Partition, ":iam::aws:policy/ReadOnlyAccess"]]
      UserData:
        Fn::Base64: !Sub |
          #!/bin/bash
          export DB_HOST=${Db.Endpoint.Address} REGION=${AWS::Region}
          export DB_PASSWORD=hunter2hunter2 TOKEN=${Secret} ENV=${Env}
      Vars: !Sub
        - "${Host}:${Port}"
        - Host: !GetAtt Db.Endpoint.Address
          Port: !Ref Env
      Escaped: !Sub "${!Literal}-${AWS::Region}"
      RegionIf: !If [InUsEast1, a, b]
      ProdIf: !Sub
        - "x-${Mode}"
        - Mode: !If [IsProd, fast, slow]
      Mapped: !Sub
        - "ami=${Id}"
        - Id: !FindInMap [Ami, !Ref AWS::Region, Id]
      MappedJoin: !Join ["", [!FindInMap [Ami, !Join ["", [!Ref AWS::Region]], Id]]]
      ListJoin: !Join [",", !GetAZs ""]
      RefPart: !Join ["/", [!Ref Db, !GetAtt Db.Arn, !ImportValue Shared]]
"#;

    /// Resolves property `key` of `Probe`: (plain, with placeholders, problems of both).
    fn both(key: &str) -> (Node, Node, Vec<(Pos, String)>) {
        let doc = super::super::parse(TEMPLATE).expect("parses");
        let top = doc.as_map().expect("map");
        let mut ctx = Context::new(top, &CfnOptions::default());
        let raw = wasp_model::path(Some(&doc), &["Resources", "Probe", "Properties", key])
            .expect("property")
            .clone();
        let plain = ctx.resolve(&raw).expect("a value");
        let partial = ctx.resolve_with_placeholders(&raw).expect("a value");
        (plain, partial, ctx.take_problems())
    }

    fn text(n: &Node) -> &str {
        n.as_str()
            .unwrap_or_else(|| panic!("expected a known string, got {:?}", n.v))
    }

    #[test]
    fn sub_over_pseudo_parameters_is_unknown_without_placeholders() {
        let (plain, partial, _) = both("ManagedArn");
        assert!(plain.is_unknown());
        assert_eq!(
            text(&partial),
            "arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess"
        );
    }

    #[test]
    fn known_parts_are_substituted_and_deploy_time_parts_kept_as_placeholders() {
        let (plain, partial, _) = both("BucketName");
        assert!(plain.is_unknown(), "a bucket name is never a partial value");
        assert_eq!(text(&partial), "app-${AWS::AccountId}-prod");
    }

    #[test]
    fn join_parts_are_named_after_their_source() {
        let (plain, partial, _) = both("Joined");
        assert!(plain.is_unknown());
        assert_eq!(
            text(&partial),
            "arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess"
        );
        let (plain, partial, _) = both("RefPart");
        assert!(plain.is_unknown());
        assert_eq!(text(&partial), "${Db}/${Db.Arn}/${Fn::ImportValue}");
    }

    #[test]
    fn user_data_keeps_its_literal_text() {
        let (plain, partial, _) = both("UserData");
        assert!(plain.is_unknown());
        let encoded = text(&partial);
        let decoded = crate::base64::decode(encoded).expect("base64");
        let decoded = String::from_utf8(decoded).expect("utf-8");
        assert!(decoded.contains("DB_HOST=${Db.Endpoint.Address} REGION=${AWS::Region}"));
        assert!(decoded.contains("DB_PASSWORD=hunter2hunter2 TOKEN=${Secret} ENV=prod"));
    }

    #[test]
    fn sub_variables_keep_their_own_name() {
        let (plain, partial, _) = both("Vars");
        assert!(plain.is_unknown());
        assert_eq!(text(&partial), "${Host}:prod");
    }

    #[test]
    fn escaped_variables_stay_literal() {
        let (_, partial, _) = both("Escaped");
        assert_eq!(text(&partial), "${Literal}-${AWS::Region}");
    }

    #[test]
    fn conditions_and_mapping_keys_never_see_placeholders() {
        // `${AWS::Region}` is not compared with `us-east-1`: the condition stays unknown.
        let (plain, partial, _) = both("RegionIf");
        assert!(plain.is_unknown());
        assert!(partial.is_unknown());
        // A known condition still chooses its branch.
        let (plain, partial, _) = both("ProdIf");
        assert_eq!(text(&plain), "x-fast");
        assert_eq!(text(&partial), "x-fast");
        // A mapping looked up with a deploy-time key is a placeholder as a whole, and the
        // key is never looked up as the text `${AWS::Region}`.
        let (plain, partial, problems) = both("Mapped");
        assert!(plain.is_unknown());
        assert_eq!(text(&partial), "ami=${Id}");
        assert!(problems.is_empty(), "{problems:?}");
        let (_, partial, problems) = both("MappedJoin");
        assert_eq!(text(&partial), "${Fn::FindInMap}");
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn a_list_known_at_deploy_time_stays_unknown() {
        let (plain, partial, _) = both("ListJoin");
        assert!(plain.is_unknown());
        assert!(partial.is_unknown(), "the number of parts is not known");
    }

    #[test]
    fn placeholders_do_not_report_problems_twice() {
        let doc = super::super::parse(
            "Resources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties:\n      P: !Sub \"${Missing}-x\"\n",
        )
        .expect("parses");
        let mut ctx = Context::new(doc.as_map().expect("map"), &CfnOptions::default());
        let raw = wasp_model::path(Some(&doc), &["Resources", "R", "Properties", "P"])
            .expect("property")
            .clone();
        assert!(ctx.resolve(&raw).expect("a value").is_unknown());
        assert_eq!(
            text(&ctx.resolve_with_placeholders(&raw).expect("a value")),
            "${Missing}-x"
        );
        assert_eq!(ctx.take_problems().len(), 1);
    }
}
