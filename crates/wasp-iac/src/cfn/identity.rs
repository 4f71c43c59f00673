//! CloudFormation adapters, Identity: IAM beyond roles/users/groups, secrets, Cognito (SEC02, SEC03).

use wasp_model::{
    items, AccessAnalyzer, AccessKey, IdentityPool, Kind, Link, Node, OidcProvider, Rotation,
    Secret, SsmParameter, UserPool, UserPoolPasswordPolicy, Value,
};

use super::adapt::{at, policy_doc, present, AreaCx};

/// Adapts a resource of this area; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, cx: &mut AreaCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::IAM::AccessKey" => Kind::AccessKey(Box::new(AccessKey {
            status: at(p, &["Status"]),
            // The secret is only ever returned through `!GetAtt Key.SecretAccessKey`.
            secret_in_state: Value::Absent,
        })),
        "AWS::IAM::UserToGroupAddition" => {
            if let Some(group) = p.get("GroupName") {
                for user in items(p.get("Users")) {
                    let link = Link::from_node(group);
                    cx.join(Some(user), move |k| {
                        if let Kind::User(u) = k {
                            u.groups.push(link);
                        }
                    });
                }
            }
            Kind::Other
        }
        "AWS::AccessAnalyzer::Analyzer" => Kind::AccessAnalyzer(Box::new(AccessAnalyzer {
            analyzer_type: at(p, &["Type"]),
        })),
        "AWS::IAM::OIDCProvider" => Kind::OidcProvider(Box::new(OidcProvider {
            url: at(p, &["Url"]),
        })),
        "AWS::SecretsManager::Secret" => Kind::Secret(Box::new(Secret {
            name: at(p, &["Name"]),
            kms_key: at(p, &["KmsKeyId"]),
            values: p
                .get("SecretString")
                .map(|n| vec![wasp_model::value(Some(n))])
                .unwrap_or_default(),
            generated: present(p.get("GenerateSecretString")),
            rotation: None,
            policy: None,
        })),
        "AWS::SecretsManager::RotationSchedule" => {
            let rotation = Rotation {
                after_days: at(p, &["RotationRules", "AutomaticallyAfterDays"]),
                schedule: at(p, &["RotationRules", "ScheduleExpression"]),
                pos: cx.pos,
            };
            cx.join(p.get("SecretId"), move |k| {
                if let Kind::Secret(s) = k {
                    s.rotation = Some(rotation);
                }
            });
            Kind::Other
        }
        "AWS::SecretsManager::ResourcePolicy" => {
            let doc = policy_doc(p, "ResourcePolicy", "secret policy", Some(cx.address));
            cx.join(p.get("SecretId"), move |k| {
                if let Kind::Secret(s) = k {
                    s.policy = Some(doc);
                }
            });
            Kind::Other
        }
        "AWS::SSM::Parameter" => Kind::SsmParameter(Box::new(SsmParameter {
            name: at(p, &["Name"]),
            param_type: at(p, &["Type"]),
            value: at(p, &["Value"]),
        })),
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
