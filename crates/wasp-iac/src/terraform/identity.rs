//! Terraform adapters, Identity: IAM beyond roles/users/groups, secrets, Cognito (SEC02, SEC03).

use wasp_model::{
    value, AccessAnalyzer, AccessKey, AccountPasswordPolicy, IdentityPool, Kind, KindTag, Link,
    Node, OidcProvider, Rotation, Secret, SsmParameter, UserPool, UserPoolPasswordPolicy, Value,
};

use super::adapter::{blocks, dig, policy_doc, vbool, vstr, Index, RawRes};

/// Known true when the attribute is absent or null (nothing protects the value), known false
/// at the attribute when it is set.
fn unset(b: &Node, key: &str) -> Value<bool> {
    match b.get(key) {
        Some(n) if !n.is_null() => Value::Known(false, n.pos),
        _ => Value::Known(true, b.pos),
    }
}

/// A string attribute that may hold the result of `jsonencode` (kept as a tree by the
/// evaluator): the JSON text when it is fully known.
fn text(n: &Node) -> Value<String> {
    match &n.v {
        wasp_model::V::Map(_) | wasp_model::V::Seq(_) => match n.first_unknown() {
            Some((_, p)) => Value::Unknown(first_unknown_reason(n).into(), p),
            None => Value::Known(n.to_json().to_string(), n.pos),
        },
        _ => value(Some(n)),
    }
}

/// The reason of the first value inside `n` that is not statically known.
fn first_unknown_reason(n: &Node) -> String {
    fn find(n: &Node) -> Option<&Node> {
        match &n.v {
            wasp_model::V::Unknown(_) | wasp_model::V::Ref(_) => Some(n),
            wasp_model::V::Seq(s) => s.iter().find_map(find),
            wasp_model::V::Map(m) => m.entries.iter().find_map(|e| find(&e.value)),
            _ => None,
        }
    }
    super::eval::why(find(n).unwrap_or(n))
}

fn rotation(b: &Node, pos: wasp_core::Pos) -> Rotation {
    Rotation {
        after_days: value(dig(b, &["rotation_rules", "automatically_after_days"])),
        schedule: vstr(b, &["rotation_rules", "schedule_expression"]),
        pos,
    }
}

/// Adapts a resource of this area; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, plan: bool) -> Option<Kind> {
    let _ = plan;
    let kind = match rtype {
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
        "aws_accessanalyzer_analyzer" => Kind::AccessAnalyzer(Box::new(AccessAnalyzer {
            analyzer_type: value(b.get("type")),
        })),
        "aws_iam_openid_connect_provider" => Kind::OidcProvider(Box::new(OidcProvider {
            url: value(b.get("url")),
        })),
        "aws_secretsmanager_secret" => Kind::Secret(Box::new(Secret {
            name: value(b.get("name")),
            kms_key: value(b.get("kms_key_id")),
            // Provider versions before 5 configured rotation on the secret itself.
            rotation: blocks(b, "rotation_rules")
                .first()
                .map(|r| rotation(b, r.pos)),
            policy: policy_doc("secret policy", b.get("policy")),
            ..Secret::default()
        })),
        "aws_ssm_parameter" => Kind::SsmParameter(Box::new(SsmParameter {
            name: value(b.get("name")),
            param_type: value(b.get("type")),
            value: value::<String>(b.get("value"))
                .or(value(b.get("insecure_value")))
                .or(value(b.get("value_wo"))),
        })),
        "aws_cognito_user_pool" => Kind::UserPool(Box::new(UserPool {
            mfa: value(b.get("mfa_configuration")),
            advanced_security: vstr(b, &["user_pool_add_ons", "advanced_security_mode"]),
            password_policy: blocks(b, "password_policy").first().map(|pp| {
                UserPoolPasswordPolicy {
                    minimum_length: value(dig(pp, &["minimum_length"])),
                    require_lowercase: vbool(pp, &["require_lowercase"]),
                    require_uppercase: vbool(pp, &["require_uppercase"]),
                    require_numbers: vbool(pp, &["require_numbers"]),
                    require_symbols: vbool(pp, &["require_symbols"]),
                    temporary_password_validity_days: value(dig(
                        pp,
                        &["temporary_password_validity_days"],
                    )),
                    pos: pp.pos,
                }
            }),
        })),
        "aws_cognito_identity_pool" => Kind::IdentityPool(Box::new(IdentityPool {
            allow_unauthenticated: value(b.get("allow_unauthenticated_identities")),
        })),
        _ => return None,
    };
    Some(kind)
}

fn secret_mut(kinds: &mut [Kind], i: usize) -> Option<&mut Secret> {
    match &mut kinds[i] {
        Kind::Secret(s) => Some(s),
        _ => None,
    }
}

/// Joins a sub-resource of this area into the resource it configures; `false` when the type
/// is not one of its own.
pub(super) fn join(r: &RawRes, ix: &Index, kinds: &mut [Kind]) -> bool {
    let b = &r.body;
    match r.rtype.as_str() {
        "aws_secretsmanager_secret_version" => {
            if let Some(s) = ix
                .find(b.get("secret_id"), KindTag::Secret, kinds)
                .and_then(|i| secret_mut(kinds, i))
            {
                for key in ["secret_string", "secret_string_wo"] {
                    if let Some(n) = b.get(key).filter(|n| !n.is_null()) {
                        s.values.push(text(n));
                    }
                }
            }
        }
        "aws_secretsmanager_secret_rotation" => {
            if let Some(s) = ix
                .find(b.get("secret_id"), KindTag::Secret, kinds)
                .and_then(|i| secret_mut(kinds, i))
            {
                s.rotation = Some(rotation(b, r.pos));
            }
        }
        "aws_secretsmanager_secret_policy" => {
            if let Some(s) = ix
                .find(b.get("secret_arn"), KindTag::Secret, kinds)
                .and_then(|i| secret_mut(kinds, i))
            {
                if let Some(mut d) = policy_doc("secret policy", b.get("policy")) {
                    d.joined_from = Some(r.address.clone());
                    s.policy = Some(d);
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
