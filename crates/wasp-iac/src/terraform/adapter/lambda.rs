//! Terraform adapters of AWS Lambda.

use wasp_model::{value, Function, FunctionUrl, Kind, LambdaPermission, Node, Value, V};

use super::dig;
use crate::terraform::eval::why;

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_lambda_function" => {
            let mut f = Function {
                runtime: value(b.get("runtime")),
                role: value(b.get("role")),
                kms_key: value(b.get("kms_key_arn")),
                code_signing: value(b.get("code_signing_config_arn")),
                ..Function::default()
            };
            match dig(b, &["environment", "variables"]) {
                Some(Node { v: V::Map(m), .. }) => {
                    for e in &m.entries {
                        f.environment
                            .push((e.key.to_string(), value(Some(&e.value))));
                    }
                }
                Some(n) if n.contains_unknown() => {
                    f.environment
                        .push(("*".into(), Value::Unknown(why(n).into(), n.pos)));
                }
                _ => {}
            }
            f.in_vpc = match dig(b, &["vpc_config", "subnet_ids"]) {
                None => Value::Absent,
                Some(n) => match &n.v {
                    V::Seq(s) => Value::Known(!s.is_empty(), n.pos),
                    V::Unknown(_) | V::Ref(_) => Value::Unknown(why(n).into(), n.pos),
                    _ => Value::Absent,
                },
            };
            Kind::Function(Box::new(f))
        }
        "aws_lambda_function_url" => Kind::FunctionUrl(Box::new(FunctionUrl {
            auth_type: value(b.get("authorization_type")),
        })),
        "aws_lambda_permission" => Kind::LambdaPermission(Box::new(LambdaPermission {
            principal: value(b.get("principal")),
            action: value(b.get("action")),
            source_arn: value(b.get("source_arn")),
            source_account: value(b.get("source_account")),
            principal_org_id: value(b.get("principal_org_id")),
            function_url_auth_type: value(b.get("function_url_auth_type")),
        })),
        _ => return None,
    };
    Some(kind)
}
