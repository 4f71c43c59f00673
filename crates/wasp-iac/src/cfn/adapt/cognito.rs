//! CloudFormation adapters of Amazon Cognito.

use wasp_model::{IdentityPool, Kind, Node, UserPool, UserPoolPasswordPolicy};

use super::{at, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, _cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::Cognito::UserPool" => Kind::UserPool(Box::new(UserPool {
            mfa: at(p, &["MfaConfiguration"]),
            advanced_security: at(p, &["UserPoolAddOns", "AdvancedSecurityMode"]),
            password_policy: wasp_model::path(Some(p), &["Policies", "PasswordPolicy"])
                .filter(|n| !n.is_null())
                .map(|pp| UserPoolPasswordPolicy {
                    minimum_length: at(pp, &["MinimumLength"]),
                    require_lowercase: at(pp, &["RequireLowercase"]),
                    require_uppercase: at(pp, &["RequireUppercase"]),
                    require_numbers: at(pp, &["RequireNumbers"]),
                    require_symbols: at(pp, &["RequireSymbols"]),
                    temporary_password_validity_days: at(pp, &["TemporaryPasswordValidityDays"]),
                    pos: pp.pos,
                }),
        })),
        "AWS::Cognito::IdentityPool" => Kind::IdentityPool(Box::new(IdentityPool {
            allow_unauthenticated: at(p, &["AllowUnauthenticatedIdentities"]),
        })),
        _ => return None,
    };
    Some(kind)
}
