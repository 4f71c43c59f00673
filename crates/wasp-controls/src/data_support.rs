//! Pieces shared by the data-at-rest and data-in-transit controls: customer managed keys, the
//! exposure of resource policies (through the IAM engine), parameter groups.

use wasp_core::Pos;
use wasp_iam::analyze::exposure::{self, Exposure};
use wasp_iam::{parse_policy, PolicyKind};
use wasp_model::{
    Kind, Map, Model, Node, ParameterGroup, ParameterGroupKind, PolicyDoc, Resource, Value, V,
};

use crate::helpers::{fail, statements, unknown};
use crate::Outcome;

/// Stands for the account that deploys the template wherever the policy names it through a
/// value known only at deploy time (`${AWS::AccountId}`, `data.aws_caller_identity`).
const DEPLOYING_ACCOUNT: &str = "000000000000";

/// Is this KMS key id, ARN or alias an AWS managed key (`alias/aws/s3`)?
pub(crate) fn is_aws_managed_alias(key: &str) -> bool {
    let k = key.trim();
    k.starts_with("alias/aws/") || k.contains(":alias/aws/")
}

/// A resource must be encrypted with a customer managed KMS key, named by `setting`.
/// A key of the same template or configuration (a reference) is customer managed.
pub(crate) fn customer_managed_key(key: &Value<String>, setting: &str, default: &str) -> Outcome {
    match key {
        Value::Known(k, p) if is_aws_managed_alias(k) => fail(
            format!("{setting} is the AWS managed key `{k}`, not a customer managed key"),
            Some(*p),
        ),
        Value::Known(k, p) if k.trim().is_empty() => {
            fail(format!("{setting} is empty: {default}"), Some(*p))
        }
        Value::Known(..) => Outcome::Pass,
        Value::Unknown(..) if key.is_reference() => Outcome::Pass,
        Value::Unknown(r, p) => unknown(format!("{setting}: {r}"), Some(*p)),
        Value::Absent => fail(format!("no {setting}: {default}"), None),
    }
}

/// A statement of a resource policy that opens the resource.
pub(crate) struct Opening {
    pub message: String,
    pub pos: Pos,
}

/// How a resource policy opens its resource beyond its own account.
#[derive(Default)]
pub(crate) struct Openings {
    /// To anyone.
    pub public: Vec<Opening>,
    /// To principals of accounts the policy does not show to be the owner's.
    pub cross_account: Vec<Opening>,
    /// A statement whose effect or principal is not statically known (the first one).
    pub unknown: Option<(String, Pos)>,
}

/// Analyzes a resource policy with the IAM engine (as IAM Access Analyzer would). `Err` when the
/// document as a whole is not statically known or cannot be parsed.
pub(crate) fn openings(doc: &PolicyDoc) -> Result<Openings, (String, Pos)> {
    let node = match &doc.document {
        Value::Known(n, _) => n,
        Value::Unknown(r, p) => return Err((r.to_string(), *p)),
        Value::Absent => return Ok(Openings::default()),
    };
    let mut out = Openings::default();
    if let Some(st) = node.get("Statement").filter(|s| is_unknown(s)) {
        return Err((reason(st), pos_or(st.pos, doc.pos)));
    }
    let mut kept = Vec::new();
    let mut positions = Vec::new();
    for st in statements(node) {
        let pos = pos_or(st.pos, doc.pos);
        let unsure = if is_unknown(st) {
            Some(reason(st))
        } else if st.get("Effect").is_some_and(is_unknown) {
            Some(format!(
                "Effect: {}",
                reason(st.get("Effect").unwrap_or(st))
            ))
        } else {
            ["Principal", "NotPrincipal"]
                .iter()
                .filter_map(|k| st.get(k))
                .find(|p| is_unknown(p))
                .map(|p| format!("Principal: {}", reason(p)))
        };
        if let Some(r) = unsure {
            // A statement that certainly denies cannot open anything.
            if st.get("Effect").and_then(Node::as_str) != Some("Deny") {
                out.unknown.get_or_insert((r, pos));
            }
            continue;
        }
        kept.push(json(st, Ctx::Other));
        positions.push(pos);
    }
    let mut root = serde_json::Map::new();
    if let Some(v) = node.get("Version").and_then(Node::as_str) {
        root.insert("Version".into(), serde_json::Value::String(v.to_string()));
    } else {
        root.insert("Version".into(), "2012-10-17".into());
    }
    root.insert("Statement".into(), serde_json::Value::Array(kept));
    let policy = parse_policy(&serde_json::Value::Object(root), PolicyKind::Resource)
        .map_err(|e| (format!("{} cannot be read: {e}", doc.name), doc.pos))?;
    let owner = exposure::owner_from_resources(&policy);
    let trusted = [DEPLOYING_ACCOUNT.to_string()];
    let owner = owner.as_deref().unwrap_or(DEPLOYING_ACCOUNT);
    for hit in exposure::analyze(&policy, Some(owner), &trusted) {
        let pos = positions.get(hit.statement).copied().unwrap_or(doc.pos);
        let opening = Opening {
            message: format!("{} {}", doc.name, hit.message),
            pos,
        };
        match hit.exposure {
            Exposure::Public => out.public.push(opening),
            Exposure::CrossAccount => out.cross_account.push(opening),
            Exposure::ServiceWithoutSource => {}
        }
    }
    Ok(out)
}

/// "A resource policy, when the resource has one, must not be public": no result without a
/// policy (the resource is then reachable through identity policies only).
pub(crate) fn set_policy_not_public(policy: Option<&PolicyDoc>) -> Vec<Outcome> {
    match policy {
        Some(doc) => vec![must_not_be_public(Some(doc))],
        None => vec![],
    }
}

/// The outcome of "this resource policy must not be public".
pub(crate) fn must_not_be_public(policy: Option<&PolicyDoc>) -> Outcome {
    let Some(doc) = policy else {
        return Outcome::Pass;
    };
    match openings(doc) {
        Err((r, p)) => unknown(format!("{}: {r}", doc.name), Some(p)),
        Ok(o) => match o.public.first() {
            Some(hit) => fail(hit.message.clone(), Some(hit.pos)),
            None => match o.unknown {
                Some((r, p)) => unknown(format!("{}: {r}", doc.name), Some(p)),
                None => Outcome::Pass,
            },
        },
    }
}

fn pos_or(p: Pos, fallback: Pos) -> Pos {
    if p.is_known() {
        p
    } else {
        fallback
    }
}

fn is_unknown(n: &Node) -> bool {
    matches!(n.v, V::Unknown(_) | V::Ref(_))
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

/// Where in a statement a value sits, to choose what stands for a value known only at deploy
/// time.
#[derive(Clone, Copy, PartialEq)]
enum Ctx {
    Other,
    Principal,
    Condition,
    Action,
    Resource,
}

/// Plain JSON of a statement. Values known only at deploy time become placeholders that keep
/// the analysis honest: a principal of the deploying account, a specific (restricting)
/// condition value, an action and a resource that match nothing in particular.
fn json(n: &Node, ctx: Ctx) -> serde_json::Value {
    use serde_json::Value as J;
    match &n.v {
        V::Unknown(_) | V::Ref(_) => J::String(match ctx {
            Ctx::Principal => format!("arn:aws:iam::{DEPLOYING_ACCOUNT}:root"),
            Ctx::Condition => "wasp-value-known-at-deploy-time".to_string(),
            Ctx::Action => "wasp:KnownAtDeployTime".to_string(),
            Ctx::Resource => "arn:aws:wasp:::known-at-deploy-time".to_string(),
            Ctx::Other => "known-at-deploy-time".to_string(),
        }),
        V::Null => J::Null,
        V::Bool(b) => J::Bool(*b),
        V::Num(s) => J::String(s.to_string()),
        V::Str(s) => J::String(s.to_string()),
        V::Seq(items) => J::Array(items.iter().map(|i| json(i, ctx)).collect()),
        V::Map(m) => J::Object(object(m, ctx)),
    }
}

fn object(m: &Map, ctx: Ctx) -> serde_json::Map<String, serde_json::Value> {
    m.entries
        .iter()
        .map(|e| {
            let inner = match (ctx, &*e.key) {
                (Ctx::Other, "Principal" | "NotPrincipal") => Ctx::Principal,
                (Ctx::Other, "Condition") => Ctx::Condition,
                (Ctx::Other, "Action" | "NotAction") => Ctx::Action,
                (Ctx::Other, "Resource" | "NotResource") => Ctx::Resource,
                (c, _) => c,
            };
            (e.key.to_string(), json(&e.value, inner))
        })
        .collect()
}

/// The parameter group a database or warehouse uses.
pub(crate) enum Group<'m> {
    /// A group of the template or configuration.
    Custom(&'m ParameterGroup),
    /// A default group of the service, with its family when the resource names it
    /// (`default.postgres14` → `postgres14`).
    Default(Option<String>),
}

/// The parameter group of a database or warehouse, found in the model: by the name it sets, or
/// among the resources it refers to. `Err`: it names a group that is not in the template or
/// configuration.
pub(crate) fn parameter_group<'m>(
    res: &Resource,
    model: &'m Model,
    name: &Value<String>,
    kind: ParameterGroupKind,
) -> Result<Group<'m>, (String, Option<Pos>)> {
    let groups = || {
        model
            .of_kind(wasp_model::KindTag::ParameterGroup)
            .filter_map(|r| match &r.kind {
                Kind::ParameterGroup(g) if g.kind == kind => Some((r, &**g)),
                _ => None,
            })
    };
    match name {
        Value::Absent => Ok(Group::Default(None)),
        Value::Known(n, p) => {
            if let Some(family) = n.strip_prefix("default.") {
                return Ok(Group::Default(Some(family.to_string())));
            }
            groups()
                .find(|(r, g)| g.name.known() == Some(n) || (res.refs.contains(&r.address)))
                .map(|(_, g)| Group::Custom(g))
                .ok_or_else(|| {
                    (
                        format!("parameter group `{n}` is not defined here"),
                        Some(*p),
                    )
                })
        }
        Value::Unknown(r, p) => groups()
            .find(|(g, _)| res.refs.contains(&g.address))
            .map(|(_, g)| Group::Custom(g))
            .ok_or_else(|| (r.to_string(), Some(*p))),
    }
}

/// A resource policy must deny every request made without TLS: a `Deny` statement for every
/// principal and every action (`*` or one of `actions`, such as `elasticfilesystem:*`), under
/// `Bool` / `BoolIfExists` `aws:SecureTransport` = `false`.
pub(crate) fn requires_secure_transport(
    policy: Option<&PolicyDoc>,
    actions: &[&str],
    missing: &str,
) -> Outcome {
    let Some(policy) = policy else {
        return fail(missing, None);
    };
    let doc = match &policy.document {
        Value::Known(doc, _) => doc,
        Value::Unknown(r, p) => return unknown(format!("{}: {r}", policy.name), Some(*p)),
        Value::Absent => return fail(format!("the {} is empty", policy.name), Some(policy.pos)),
    };
    let mut unsure = None;
    for st in statements(doc) {
        match denies_insecure_transport(st, actions) {
            Ok(true) => return Outcome::Pass,
            Ok(false) => {}
            Err(e) => {
                unsure.get_or_insert(e);
            }
        }
    }
    if let Some((r, p)) = unsure {
        return unknown(format!("{} statement: {r}", policy.name), Some(p));
    }
    fail(
        format!(
            "the {} does not deny requests without TLS (aws:SecureTransport)",
            policy.name
        ),
        Some(policy.pos),
    )
}

fn denies_insecure_transport(st: &Node, actions: &[&str]) -> Result<bool, (String, Pos)> {
    use crate::helpers::strings;
    if st.get("Effect").and_then(Node::as_str) != Some("Deny") {
        return Ok(false);
    }
    let everyone = match st.get("Principal") {
        Some(p) if p.as_str() == Some("*") => true,
        Some(p) => strings(p.get("AWS"))?.contains(&"*"),
        None => false,
    };
    let all = strings(st.get("Action"))?
        .iter()
        .any(|a| *a == "*" || actions.iter().any(|x| a.eq_ignore_ascii_case(x)));
    if !everyone || !all {
        return Ok(false);
    }
    for op in ["Bool", "BoolIfExists"] {
        if let Some(v) = wasp_model::path(Some(st), &["Condition", op, "aws:SecureTransport"]) {
            if strings(Some(v))?
                .iter()
                .any(|s| s.eq_ignore_ascii_case("false"))
            {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use wasp_core::Pos;
    use wasp_model::{Node, PolicyDoc, Ref, Value, V};

    use super::openings;

    fn doc(json: &str, patch: impl FnOnce(&mut Node)) -> PolicyDoc {
        let value: serde_json::Value = serde_json::from_str(json).expect("json");
        let mut node = Node::from_json(&value, Pos::new(1, 1));
        patch(&mut node);
        PolicyDoc {
            name: "bucket policy".into(),
            document: Value::Known(node, Pos::new(1, 1)),
            pos: Pos::new(1, 1),
            joined_from: None,
        }
    }

    /// The node at `Statement[0].<keys>`.
    fn at<'n>(n: &'n mut Node, keys: &[&str]) -> &'n mut Node {
        let V::Map(m) = &mut n.v else { panic!("map") };
        let st = &mut m
            .entries
            .iter_mut()
            .find(|e| &*e.key == "Statement")
            .unwrap()
            .value;
        let V::Seq(s) = &mut st.v else { panic!("seq") };
        let mut cur = &mut s[0];
        for k in keys {
            let V::Map(m) = &mut cur.v else { panic!("map") };
            cur = &mut m.entries.iter_mut().find(|e| &*e.key == *k).unwrap().value;
        }
        cur
    }

    fn reference(target: &str) -> V {
        V::Ref(Ref {
            target: target.into(),
            attr: Some("Arn".into()),
        })
    }

    const OPEN: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#;

    #[test]
    fn star_without_condition_is_public() {
        let o = openings(&doc(OPEN, |_| {})).unwrap();
        assert_eq!(o.public.len(), 1);
        assert!(o.cross_account.is_empty());
    }

    #[test]
    fn a_condition_known_at_deploy_time_restricts() {
        let json = r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:SourceAccount":"x"}}}]}"#;
        let d = doc(json, |n| {
            at(n, &["Condition", "StringEquals", "aws:SourceAccount"]).v =
                V::Unknown("pseudo parameter AWS::AccountId".into())
        });
        let o = openings(&d).unwrap();
        assert!(o.public.is_empty() && o.cross_account.is_empty() && o.unknown.is_none());
    }

    #[test]
    fn a_principal_known_at_deploy_time_is_the_deploying_account() {
        let json = r#"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"x"},"Action":"s3:*","Resource":"*"}]}"#;
        let d = doc(json, |n| {
            at(n, &["Principal", "AWS"]).v = reference("ReaderRole")
        });
        let o = openings(&d).unwrap();
        assert!(o.public.is_empty() && o.cross_account.is_empty() && o.unknown.is_none());
    }

    #[test]
    fn a_literal_account_is_cross_account() {
        let json = r#"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"s3:GetObject","Resource":"*"}]}"#;
        let o = openings(&doc(json, |_| {})).unwrap();
        assert_eq!(o.cross_account.len(), 1);
        assert!(o.public.is_empty());
    }

    #[test]
    fn an_unknown_effect_or_principal_is_unknown() {
        let d = doc(OPEN, |n| {
            at(n, &["Effect"]).v = V::Unknown("condition".into())
        });
        let o = openings(&d).unwrap();
        assert!(o.public.is_empty() && o.unknown.is_some());
        let d = doc(OPEN, |n| {
            at(n, &["Principal"]).v = V::Unknown("parameter".into())
        });
        assert!(openings(&d).unwrap().unknown.is_some());
    }
}
