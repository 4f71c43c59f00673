//! Terraform adapters of AWS IAM.

use wasp_model::{
    value, AccessKey, AccountPasswordPolicy, Kind, KindTag, Link, ManagedPolicy, Node,
    OidcProvider, PolicyDoc, Principal, Value, V,
};

use super::{blocks, policy_doc, Index, RawRes};
use crate::terraform::eval::why;

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_iam_role" => Kind::Role(Box::new(principal(b, plan))),
        "aws_iam_user" => Kind::User(Box::new(principal(b, plan))),
        "aws_iam_group" => Kind::Group(Box::new(principal(b, plan))),
        "aws_iam_policy"
        | "aws_iam_role_policy"
        | "aws_iam_user_policy"
        | "aws_iam_group_policy" => {
            let name = b.get("name").and_then(|n| n.as_str()).unwrap_or("policy");
            Kind::ManagedPolicy(Box::new(ManagedPolicy {
                document: policy_doc(name, b.get("policy")),
            }))
        }
        "aws_iam_access_key" => Kind::AccessKey(Box::new(AccessKey {
            status: value(b.get("status")),
            secret_in_state: unset(b, "pgp_key"),
        })),
        "aws_iam_account_password_policy" => {
            Kind::AccountPasswordPolicy(Box::new(AccountPasswordPolicy {
                minimum_length: value(b.get("minimum_password_length")),
                reuse_prevention: value(b.get("password_reuse_prevention")),
                max_age: value(b.get("max_password_age")),
                require_lowercase: value(b.get("require_lowercase_characters")),
                require_uppercase: value(b.get("require_uppercase_characters")),
                require_numbers: value(b.get("require_numbers")),
                require_symbols: value(b.get("require_symbols")),
            }))
        }
        "aws_iam_openid_connect_provider" => Kind::OidcProvider(Box::new(OidcProvider {
            url: value(b.get("url")),
        })),
        _ => return None,
    };
    Some(kind)
}

/// Joins a sub-resource of this service into the resource it configures; `false` when the type
/// is not one of its own.
pub(super) fn join(r: &RawRes, ix: &Index, kinds: &mut [Kind]) -> bool {
    let b = &r.body;
    let t = r.rtype.as_str();
    match t {
        "aws_iam_role_policy" | "aws_iam_user_policy" | "aws_iam_group_policy" => {
            let (key, tag) = principal_key(t);
            let Some(i) = ix.find(b.get(key), tag, kinds) else {
                return true;
            };
            let name = b
                .get("name")
                .and_then(|n| n.as_str())
                .unwrap_or(&r.address)
                .to_string();
            if let (Some(mut d), Some(p)) =
                (policy_doc(&name, b.get("policy")), principal_mut(kinds, i))
            {
                d.joined_from = Some(r.address.clone());
                p.policies.push(d);
            }
        }
        "aws_iam_role_policy_attachment"
        | "aws_iam_user_policy_attachment"
        | "aws_iam_group_policy_attachment" => {
            let (key, tag) = principal_key(t);
            if let Some(i) = ix.find(b.get(key), tag, kinds) {
                attach(b.get("policy_arn"), ix, kinds, i);
            }
        }
        "aws_iam_policy_attachment" => {
            for (key, tag) in [
                ("roles", KindTag::Role),
                ("users", KindTag::User),
                ("groups", KindTag::Group),
            ] {
                for p in wasp_model::items(b.get(key)) {
                    if let Some(i) = ix.find(Some(p), tag, kinds) {
                        attach(b.get("policy_arn"), ix, kinds, i);
                    }
                }
            }
        }
        "aws_iam_user_login_profile" => {
            if let Some(i) = ix.find(b.get("user"), KindTag::User, kinds) {
                if let Some(p) = principal_mut(kinds, i) {
                    p.login_profile = Value::Known(true, r.pos);
                    // Without a PGP key the generated password is stored in plaintext in state.
                    p.login_password_in_state = match b.get("pgp_key") {
                        None => Value::Known(true, r.pos),
                        Some(k) if k.is_null() => Value::Known(true, r.pos),
                        Some(k) => Value::Known(false, k.pos),
                    };
                }
            }
        }
        "aws_iam_user_group_membership" => {
            if let Some(i) = ix.find(b.get("user"), KindTag::User, kinds) {
                if let Kind::User(u) = &mut kinds[i] {
                    for g in wasp_model::items(b.get("groups")) {
                        u.groups.push(Link::from_node(g));
                    }
                }
            }
        }
        "aws_iam_group_membership" => {
            let Some(group) = b.get("group") else {
                return true;
            };
            for user in wasp_model::items(b.get("users")) {
                if let Some(i) = ix.find(Some(user), KindTag::User, kinds) {
                    if let Kind::User(u) = &mut kinds[i] {
                        u.groups.push(Link::from_node(group));
                    }
                }
            }
        }
        _ => return false,
    }
    true
}

fn principal(body: &Node, plan: bool) -> Principal {
    let mut p = Principal {
        name: value(body.get("name")),
        trust_policy: policy_doc("trust policy", body.get("assume_role_policy")),
        permissions_boundary: value(body.get("permissions_boundary")),
        ..Principal::default()
    };
    for b in blocks(body, "inline_policy") {
        if b.is_unknown() {
            if !plan {
                p.policies.push(PolicyDoc {
                    name: "inline_policy".into(),
                    document: Value::Unknown(why(b).into(), b.pos),
                    pos: b.pos,
                    joined_from: None,
                });
            }
            continue;
        }
        let name = b
            .get("name")
            .and_then(|n| n.as_str())
            .unwrap_or("inline_policy")
            .to_string();
        if let Some(d) = policy_doc(&name, b.get("policy")) {
            p.policies.push(d);
        }
    }
    if let Some(arns) = body.get("managed_policy_arns") {
        if !(plan && arns.contains_unknown()) {
            for a in wasp_model::items(Some(arns)) {
                if matches!(a.v, V::Ref(_)) {
                    p.managed_policy_refs.push(wasp_model::Link::from_node(a));
                } else {
                    p.managed_policy_arns.push(value(Some(a)));
                }
            }
        }
    }
    p.permissions_boundary_ref = body
        .get("permissions_boundary")
        .filter(|n| matches!(n.v, V::Ref(_)))
        .map(wasp_model::Link::from_node);
    p
}

fn principal_key(t: &str) -> (&'static str, KindTag) {
    if t.starts_with("aws_iam_role") {
        ("role", KindTag::Role)
    } else if t.starts_with("aws_iam_user") {
        ("user", KindTag::User)
    } else {
        ("group", KindTag::Group)
    }
}

fn principal_mut(kinds: &mut [Kind], i: usize) -> Option<&mut Principal> {
    match &mut kinds[i] {
        Kind::Role(p) | Kind::User(p) | Kind::Group(p) => Some(p),
        _ => None,
    }
}

/// A policy attachment: a managed policy of the same configuration joins its document; an ARN
/// goes to `managed_policy_arns`.
fn attach(arn: Option<&Node>, ix: &Index, kinds: &mut [Kind], i: usize) {
    let Some(arn) = arn else {
        return;
    };
    if let V::Ref(r) = &arn.v {
        if let Some(&pi) = ix.by_addr.get(&*r.target) {
            if let Kind::ManagedPolicy(mp) = &kinds[pi] {
                let doc = PolicyDoc {
                    name: r.target.to_string(),
                    document: mp
                        .document
                        .as_ref()
                        .map(|d| d.document.clone())
                        .unwrap_or(Value::Unknown("policy document not set".into(), arn.pos)),
                    pos: mp.document.as_ref().map_or(arn.pos, |d| d.pos),
                    joined_from: Some(r.target.to_string()),
                };
                if let Some(p) = principal_mut(kinds, i) {
                    p.policies.push(doc);
                }
                return;
            }
        }
    }
    if let Some(p) = principal_mut(kinds, i) {
        p.managed_policy_arns.push(value(Some(arn)));
    }
}

/// Known true when the attribute is absent or null (nothing protects the value), known false
/// at the attribute when it is set.
fn unset(b: &Node, key: &str) -> Value<bool> {
    match b.get(key) {
        Some(n) if !n.is_null() => Value::Known(false, n.pos),
        _ => Value::Known(true, b.pos),
    }
}
