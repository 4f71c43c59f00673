//! Terraform adapters of Amazon API Gateway.

use wasp_model::{value, ApiDomain, ApiStage, Kind, KindTag, Link, MethodSetting, Node, Value, V};

use super::{blocks, not_enumerable, present, vbool, vstr, Index, RawRes};
use crate::terraform::eval::why;

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_api_gateway_stage" => Kind::ApiStage(Box::new(ApiStage {
            access_logging: present(b, "access_log_settings"),
            tracing: value(b.get("xray_tracing_enabled")),
            ..rest_stage(b)
        })),
        "aws_apigatewayv2_stage" => Kind::ApiStage(Box::new(ApiStage {
            access_logging: present(b, "access_log_settings"),
            tracing: Value::Absent,
            ..v2_stage(b)
        })),
        "aws_api_gateway_domain_name" => Kind::ApiDomain(Box::new(ApiDomain {
            security_policies: vec![value(b.get("security_policy"))],
            v2: false,
        })),
        "aws_apigatewayv2_domain_name" => {
            let mut policies: Vec<Value<String>> = blocks(b, "domain_name_configuration")
                .into_iter()
                .map(|c| {
                    if c.is_unknown() {
                        Value::Unknown(why(c).into(), c.pos)
                    } else {
                        value(c.get("security_policy"))
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

/// Joins a sub-resource of this service into the resource it configures; `false` when the type
/// is not one of its own.
pub(super) fn join(r: &RawRes, ix: &Index, kinds: &mut [Kind]) -> bool {
    match r.rtype.as_str() {
        "aws_api_gateway_method_settings" => join_method_settings(r, ix, kinds),
        _ => return false,
    }
    true
}

/// `aws_api_gateway_method_settings` names its stage by API and stage name.
fn join_method_settings(r: &RawRes, ix: &Index, kinds: &mut [Kind]) {
    let b = &r.body;
    let Some(s) = blocks(b, "settings").into_iter().next() else {
        return;
    };
    let setting = MethodSetting {
        all_methods: b.get("method_path").and_then(Node::as_str) == Some("*/*"),
        logging_level: vstr(s, &["logging_level"]),
        caching_enabled: vbool(s, &["caching_enabled"]),
        cache_data_encrypted: vbool(s, &["cache_data_encrypted"]),
        pos: s.pos,
    };
    let stage = b.get("stage_name");
    let api = b.get("rest_api_id").map(Link::from_node);
    let target = match stage.map(|n| &n.v) {
        Some(V::Str(name)) => kinds.iter().position(|k| match k {
            Kind::ApiStage(st) => {
                st.rest
                    && st.stage_name.known().map(String::as_str) == Some(&**name)
                    && same_target(st.api.as_ref(), api.as_ref())
            }
            _ => false,
        }),
        _ => ix.find(stage, KindTag::ApiStage, kinds),
    };
    if let Some(Kind::ApiStage(st)) = target.map(|i| &mut kinds[i]) {
        st.method_settings.push(setting);
    }
}

/// Two links name the same resource (positions aside).
fn same_target(a: Option<&Link>, b: Option<&Link>) -> bool {
    match (a, b) {
        (Some(Link::Address(x, _)), Some(Link::Address(y, _))) => x == y,
        (Some(Link::Name(x, _)), Some(Link::Name(y, _))) => x == y,
        _ => false,
    }
}

/// The settings of `aws_api_gateway_stage` beyond the basic ones read in the adapter.
fn rest_stage(b: &Node) -> ApiStage {
    ApiStage {
        rest: true,
        stage_name: value(b.get("stage_name")),
        api: b.get("rest_api_id").map(Link::from_node),
        cache_cluster: value(b.get("cache_cluster_enabled")),
        ..ApiStage::default()
    }
}

/// The settings of `aws_apigatewayv2_stage` beyond the basic ones read in the adapter.
fn v2_stage(b: &Node) -> ApiStage {
    let mut s = ApiStage {
        rest: false,
        stage_name: value(b.get("name")),
        api: b.get("api_id").map(Link::from_node),
        ..ApiStage::default()
    };
    if let Some(d) = blocks(b, "default_route_settings").into_iter().next() {
        if let Some(u) = not_enumerable(d) {
            s.method_settings_unknown = Some(u);
        } else {
            s.method_settings.push(MethodSetting {
                all_methods: true,
                logging_level: vstr(d, &["logging_level"]),
                pos: d.pos,
                ..MethodSetting::default()
            });
        }
    }
    s
}
