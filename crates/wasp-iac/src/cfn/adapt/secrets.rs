//! CloudFormation adapters of AWS Secrets Manager.

use wasp_model::{Kind, Node, Rotation, Secret};

use super::{at, policy_doc, present, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
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
        _ => return None,
    };
    Some(kind)
}
