//! Terraform adapters of Amazon Cognito.

use wasp_model::{value, IdentityPool, Kind, Node, UserPool, UserPoolPasswordPolicy};

use super::{blocks, dig, vbool, vstr};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
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
