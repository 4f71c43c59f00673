//! CloudFormation adapters of Amazon API Gateway.

use wasp_model::{items, value, ApiDomain, ApiStage, Kind, Link, MethodSetting, Node, Value};

use super::{at, not_enumerable, present, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, _cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::ApiGateway::Stage" | "AWS::Serverless::Api" => Kind::ApiStage(Box::new(ApiStage {
            access_logging: present(p.get("AccessLogSetting")),
            tracing: at(p, &["TracingEnabled"]),
            ..rest_stage(p)
        })),
        "AWS::ApiGatewayV2::Stage" | "AWS::Serverless::HttpApi" => {
            Kind::ApiStage(Box::new(ApiStage {
                access_logging: present(p.get("AccessLogSettings")),
                tracing: Value::Absent,
                ..v2_stage(p)
            }))
        }
        // A deployment that names a stage creates it, configured by `StageDescription`.
        "AWS::ApiGateway::Deployment" if p.get("StageName").is_some_and(|n| !n.is_null()) => {
            Kind::ApiStage(Box::new(deployment_stage(p)))
        }
        "AWS::ApiGateway::DomainName" => Kind::ApiDomain(Box::new(ApiDomain {
            security_policies: vec![at(p, &["SecurityPolicy"])],
            v2: false,
        })),
        "AWS::ApiGatewayV2::DomainName" => {
            let configs = p.get("DomainNameConfigurations");
            let mut policies: Vec<Value<String>> = items(configs)
                .iter()
                .map(|c| {
                    if c.is_unknown() {
                        value(Some(c))
                    } else {
                        at(c, &["SecurityPolicy"])
                    }
                })
                .collect();
            if policies.is_empty() {
                policies.push(Value::Absent);
            }
            Kind::ApiDomain(Box::new(ApiDomain {
                security_policies: policies,
                v2: true,
            }))
        }
        _ => return None,
    };
    Some(kind)
}

fn method_setting(m: &Node, all_methods: bool) -> MethodSetting {
    MethodSetting {
        all_methods,
        logging_level: at(m, &["LoggingLevel"]),
        caching_enabled: at(m, &["CachingEnabled"]),
        cache_data_encrypted: at(m, &["CacheDataEncrypted"]),
        pos: m.pos,
    }
}

/// `MethodSettings` of a REST stage: the setting for `/*` and `*` applies to every method.
fn method_settings(node: Option<&Node>, stage: &mut ApiStage) {
    if let Some(u) = not_enumerable(node) {
        stage.method_settings_unknown = Some(u);
        return;
    }
    for m in items(node) {
        let all = at::<String>(m, &["ResourcePath"])
            .known()
            .map(String::as_str)
            == Some("/*")
            && at::<String>(m, &["HttpMethod"]).known().map(String::as_str) == Some("*");
        stage.method_settings.push(method_setting(m, all));
    }
}

/// The settings of a REST API stage (`AWS::ApiGateway::Stage`, `AWS::Serverless::Api`) beyond
/// the basic ones read in `adapt`.
fn rest_stage(p: &Node) -> ApiStage {
    let mut s = ApiStage {
        rest: true,
        stage_name: at(p, &["StageName"]),
        api: p.get("RestApiId").map(Link::from_node),
        cache_cluster: at(p, &["CacheClusterEnabled"]),
        ..ApiStage::default()
    };
    method_settings(p.get("MethodSettings"), &mut s);
    s
}

/// The settings of an HTTP or WebSocket API stage (`AWS::ApiGatewayV2::Stage`,
/// `AWS::Serverless::HttpApi`) beyond the basic ones read in `adapt`.
fn v2_stage(p: &Node) -> ApiStage {
    let mut s = ApiStage {
        rest: false,
        stage_name: at(p, &["StageName"]),
        api: p.get("ApiId").map(Link::from_node),
        ..ApiStage::default()
    };
    if let Some(d) = p.get("DefaultRouteSettings").filter(|d| !d.is_null()) {
        s.method_settings.push(method_setting(d, true));
    }
    s
}

/// The stage an `AWS::ApiGateway::Deployment` creates.
fn deployment_stage(p: &Node) -> ApiStage {
    let d = p.get("StageDescription").filter(|d| !d.is_null());
    let get = |k: &str| d.and_then(|d| d.get(k));
    let mut s = ApiStage {
        access_logging: present(get("AccessLogSetting")),
        tracing: value(get("TracingEnabled")),
        rest: true,
        stage_name: at(p, &["StageName"]),
        api: p.get("RestApiId").map(Link::from_node),
        cache_cluster: value(get("CacheClusterEnabled")),
        ..ApiStage::default()
    };
    // Stage-wide settings written directly in the description.
    if let Some(d) = d {
        let stage_wide = method_setting(d, true);
        if !(stage_wide.logging_level.is_absent()
            && stage_wide.caching_enabled.is_absent()
            && stage_wide.cache_data_encrypted.is_absent())
        {
            s.method_settings.push(stage_wide);
        }
    }
    method_settings(get("MethodSettings"), &mut s);
    s
}
