//! Pieces shared by the data-at-rest and data-in-transit controls: customer managed keys,
//! parameter groups, TLS-only resource policies.

use wasp_core::Pos;
use wasp_model::{
    Kind, Model, Node, ParameterGroup, ParameterGroupKind, PolicyDoc, Resource, Value,
};

use crate::helpers::{fail, statements, unknown};
use crate::Outcome;

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
