//! CloudFormation adapters of AWS Lambda.

use wasp_model::{path, value, Function, FunctionUrl, Kind, LambdaPermission, Node};

use super::{at, present, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::Lambda::Function" => Kind::Function(Box::new(function(p, None))),
        "AWS::Serverless::Function" => {
            Kind::Function(Box::new(function(p, cx.sam_function_globals)))
        }
        "AWS::Lambda::Url" => Kind::FunctionUrl(Box::new(FunctionUrl {
            auth_type: at(p, &["AuthType"]),
        })),
        "AWS::Lambda::Permission" => Kind::LambdaPermission(Box::new(LambdaPermission {
            principal: at(p, &["Principal"]),
            action: at(p, &["Action"]),
            source_arn: at(p, &["SourceArn"]),
            source_account: at(p, &["SourceAccount"]),
            principal_org_id: at(p, &["PrincipalOrgID"]),
            function_url_auth_type: at(p, &["FunctionUrlAuthType"]),
        })),
        _ => return None,
    };
    Some(kind)
}

fn function(p: &Node, globals: Option<&Node>) -> Function {
    let env = p
        .get("Environment")
        .or_else(|| globals.and_then(|g| g.get("Environment")));
    let environment = path(env, &["Variables"])
        .and_then(Node::as_map)
        .map(|m| {
            m.entries
                .iter()
                .map(|e| (e.key.to_string(), value(Some(&e.value))))
                .collect()
        })
        .unwrap_or_default();
    let get = |key: &str| p.get(key).or_else(|| globals.and_then(|g| g.get(key)));
    Function {
        runtime: value(get("Runtime")),
        environment,
        in_vpc: present(get("VpcConfig")),
        role: value(get("Role")),
        kms_key: value(get("KmsKeyArn")),
        code_signing: value(get("CodeSigningConfigArn")),
        url_auth_type: value(path(get("FunctionUrlConfig"), &["AuthType"])),
    }
}
