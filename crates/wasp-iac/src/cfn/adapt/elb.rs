//! CloudFormation adapters of Elastic Load Balancing.

use wasp_model::{
    items, value, ClassicListener, ClassicLoadBalancer, Kind, Listener, ListenerAction,
    LoadBalancer, Node, SslNegotiationPolicy, Value, V,
};

use super::{at, first_unknown_reason, not_enumerable, target, Join, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::ElasticLoadBalancingV2::Listener" => Kind::Listener(Box::new(Listener {
            protocol: at(p, &["Protocol"]),
            port: at(p, &["Port"]),
            ssl_policy: at(p, &["SslPolicy"]),
            default_actions: listener_actions(p.get("DefaultActions")),
            rule_actions: Vec::new(),
        })),
        "AWS::ElasticLoadBalancingV2::ListenerRule" => {
            let actions = listener_actions(p.get("Actions"));
            cx.joins.push((
                target(p.get("ListenerArn")),
                Join::ListenerActions(actions),
                cx.pos,
            ));
            Kind::Other
        }
        "AWS::ElasticLoadBalancingV2::LoadBalancer" => {
            Kind::LoadBalancer(Box::new(load_balancer(p)))
        }
        "AWS::ElasticLoadBalancing::LoadBalancer" => {
            Kind::ClassicLoadBalancer(Box::new(classic_load_balancer(p)))
        }
        _ => return None,
    };
    Some(kind)
}

fn listener_actions(node: Option<&Node>) -> Vec<ListenerAction> {
    items(node)
        .iter()
        .map(|a| ListenerAction {
            kind: at::<String>(a, &["Type"]).map(|s| s.to_ascii_lowercase()),
            redirect_protocol: at(a, &["RedirectConfig", "Protocol"]),
            pos: a.pos,
        })
        .collect()
}

fn classic_load_balancer(p: &Node) -> ClassicLoadBalancer {
    let mut lb = ClassicLoadBalancer {
        name: at(p, &["LoadBalancerName"]),
        access_logging: at(p, &["AccessLoggingPolicy", "Enabled"]),
        ..ClassicLoadBalancer::default()
    };
    let listeners = p.get("Listeners");
    if let Some(n) = listeners.filter(|n| n.is_unknown() || matches!(n.v, V::Ref(_))) {
        lb.listeners_unknown = Some((first_unknown_reason(n), n.pos));
    }
    for l in items(listeners) {
        if l.is_unknown() {
            lb.listeners_unknown
                .get_or_insert((first_unknown_reason(l), l.pos));
            continue;
        }
        lb.listeners.push(ClassicListener {
            protocol: at::<String>(l, &["Protocol"]).map(|s| s.to_ascii_uppercase()),
            port: at(l, &["LoadBalancerPort"]),
            policy_names: items(l.get("PolicyNames"))
                .iter()
                .map(|n| value(Some(n)))
                .collect(),
            pos: l.pos,
        });
    }
    for pol in items(p.get("Policies")) {
        let ty = pol.get("PolicyType").and_then(Node::as_str);
        if ty != Some("SSLNegotiationPolicyType") {
            continue;
        }
        let mut sp = SslNegotiationPolicy {
            name: at(pol, &["PolicyName"]),
            pos: pol.pos,
            ..SslNegotiationPolicy::default()
        };
        for a in items(pol.get("Attributes")) {
            let name = a.get("Name").and_then(Node::as_str).unwrap_or_default();
            if name == "Reference-Security-Policy" {
                sp.reference = at(a, &["Value"]);
            } else if a.get("Value").and_then(Node::as_bool) == Some(true) {
                sp.enabled.push(name.to_string());
            }
        }
        // A policy may name the ports of the listeners it applies to.
        for port in items(pol.get("LoadBalancerPorts")) {
            match port.as_i64() {
                Some(port) => {
                    for l in &mut lb.listeners {
                        if l.port.known() == Some(&port) {
                            l.policy_names.push(sp.name.clone());
                        }
                    }
                }
                // Which listener the policy applies to is not known: none can be judged.
                None if port.contains_unknown() => {
                    let reason = format!(
                        "the listener port of a policy: {}",
                        first_unknown_reason(port)
                    );
                    for l in &mut lb.listeners {
                        l.policy_names
                            .push(Value::Unknown(reason.as_str().into(), port.pos));
                    }
                }
                None => {}
            }
        }
        lb.ssl_policies.push(sp);
    }
    lb
}

fn load_balancer(p: &Node) -> LoadBalancer {
    let mut lb = LoadBalancer {
        name: at(p, &["Name"]),
        lb_type: at(p, &["Type"]),
        scheme: at(p, &["Scheme"]),
        ..LoadBalancer::default()
    };
    let attrs = p.get("LoadBalancerAttributes");
    if let Some(u) = not_enumerable(attrs) {
        lb.attributes_unknown = Some(u);
        return lb;
    }
    for a in items(attrs) {
        let v = a.get("Value");
        match a.get("Key").and_then(Node::as_str) {
            Some("access_logs.s3.enabled") => lb.access_logs = value(v),
            Some("deletion_protection.enabled") => lb.deletion_protection = value(v),
            Some("routing.http.drop_invalid_header_fields.enabled") => {
                lb.drop_invalid_header_fields = value(v)
            }
            Some("routing.http.desync_mitigation_mode") => lb.desync_mitigation_mode = value(v),
            Some(_) => {}
            None => {
                lb.attributes_unknown.get_or_insert((
                    "an attribute whose key is not statically known".into(),
                    a.pos,
                ));
            }
        }
    }
    lb
}
