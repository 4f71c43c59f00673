//! Terraform adapters of Elastic Load Balancing.

use wasp_model::{
    items, value, ClassicListener, ClassicLoadBalancer, Kind, KindTag, Listener, ListenerAction,
    LoadBalancer, Node, SslNegotiationPolicy, Value, V,
};

use super::{blocks, vbool, vstr, Index, RawRes};
use crate::terraform::eval::why;

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_lb_listener" | "aws_alb_listener" => Kind::Listener(Box::new(Listener {
            protocol: value(b.get("protocol")),
            port: value(b.get("port")),
            ssl_policy: value(b.get("ssl_policy")),
            default_actions: actions(blocks(b, "default_action")),
            rule_actions: Vec::new(),
        })),
        "aws_lb" | "aws_alb" => Kind::LoadBalancer(Box::new(LoadBalancer {
            name: value(b.get("name")),
            lb_type: value(b.get("load_balancer_type")),
            scheme: value::<bool>(b.get("internal"))
                .map(|i| if i { "internal" } else { "internet-facing" }.to_string()),
            access_logs: vbool(b, &["access_logs", "enabled"]),
            deletion_protection: value(b.get("enable_deletion_protection")),
            drop_invalid_header_fields: value(b.get("drop_invalid_header_fields")),
            desync_mitigation_mode: value(b.get("desync_mitigation_mode")),
            attributes_unknown: None,
        })),
        "aws_elb" => Kind::ClassicLoadBalancer(Box::new(classic_load_balancer(b))),
        _ => return None,
    };
    Some(kind)
}

/// Joins a sub-resource of this service into the resource it configures; `false` when the type
/// is not one of its own.
pub(super) fn join(r: &RawRes, ix: &Index, kinds: &mut [Kind]) -> bool {
    let b = &r.body;
    match r.rtype.as_str() {
        "aws_lb_listener_rule" | "aws_alb_listener_rule" => {
            if let Some(i) = ix.find(b.get("listener_arn"), KindTag::Listener, kinds) {
                if let Kind::Listener(l) = &mut kinds[i] {
                    l.rule_actions.extend(actions(blocks(b, "action")));
                }
            }
        }
        "aws_lb_ssl_negotiation_policy" => {
            let Some(i) = ix.find(b.get("load_balancer"), KindTag::ClassicLoadBalancer, kinds)
            else {
                return true;
            };
            let Kind::ClassicLoadBalancer(lb) = &mut kinds[i] else {
                return true;
            };
            let name: Value<String> = value(b.get("name"));
            let mut sp = SslNegotiationPolicy {
                name: name.clone(),
                pos: r.pos,
                ..SslNegotiationPolicy::default()
            };
            for a in blocks(b, "attribute") {
                let an = a.get("name").and_then(Node::as_str).unwrap_or_default();
                if an == "Reference-Security-Policy" {
                    sp.reference = value(a.get("value"));
                } else if a.get("value").and_then(Node::as_bool) == Some(true) {
                    sp.enabled.push(an.to_string());
                }
            }
            lb.ssl_policies.push(sp);
            attach_listener_policies(lb, b.get("lb_port"), vec![name]);
        }
        "aws_load_balancer_policy" => {
            let Some(i) = ix.find(
                b.get("load_balancer_name"),
                KindTag::ClassicLoadBalancer,
                kinds,
            ) else {
                return true;
            };
            let Kind::ClassicLoadBalancer(lb) = &mut kinds[i] else {
                return true;
            };
            if b.get("policy_type_name").and_then(Node::as_str) != Some("SSLNegotiationPolicyType")
            {
                return true;
            }
            let mut sp = SslNegotiationPolicy {
                name: value(b.get("policy_name")),
                pos: r.pos,
                ..SslNegotiationPolicy::default()
            };
            for a in blocks(b, "policy_attribute") {
                let an = a.get("name").and_then(Node::as_str).unwrap_or_default();
                if an == "Reference-Security-Policy" {
                    sp.reference = value(a.get("value"));
                } else if a.get("value").and_then(Node::as_bool) == Some(true) {
                    sp.enabled.push(an.to_string());
                }
            }
            lb.ssl_policies.push(sp);
        }
        "aws_load_balancer_listener_policy" => {
            let Some(i) = ix.find(
                b.get("load_balancer_name"),
                KindTag::ClassicLoadBalancer,
                kinds,
            ) else {
                return true;
            };
            if let Kind::ClassicLoadBalancer(lb) = &mut kinds[i] {
                let names = items(b.get("policy_names"))
                    .iter()
                    .map(|n| value(Some(n)))
                    .collect();
                attach_listener_policies(lb, b.get("load_balancer_port"), names);
            }
        }
        _ => return false,
    }
    true
}

fn actions(bs: Vec<&Node>) -> Vec<ListenerAction> {
    bs.into_iter()
        .map(|a| ListenerAction {
            kind: vstr(a, &["type"]),
            redirect_protocol: vstr(a, &["redirect", "protocol"]),
            pos: a.pos,
        })
        .collect()
}

/// Access logs of `aws_elb`: an `access_logs` block, enabled unless it says otherwise.
fn classic_access_logs(b: &Node) -> Value<bool> {
    match blocks(b, "access_logs").into_iter().next() {
        None => Value::Absent,
        Some(a) if matches!(a.v, V::Unknown(_) | V::Ref(_)) => Value::Unknown(why(a).into(), a.pos),
        Some(a) => match vbool(a, &["enabled"]) {
            Value::Absent => Value::Known(true, a.pos),
            v => v,
        },
    }
}

/// Adds policy names to the listener of a classic load balancer on `port`.
fn attach_listener_policies(
    lb: &mut ClassicLoadBalancer,
    port: Option<&Node>,
    names: Vec<Value<String>>,
) {
    let Some(port_node) = port else {
        return;
    };
    let Some(port) = port_node.as_i64() else {
        // Which listener the policies apply to is not known: none of them can be judged.
        let reason = format!("the listener port of a policy: {}", why(port_node));
        for l in &mut lb.listeners {
            l.policy_names
                .push(Value::Unknown(reason.as_str().into(), port_node.pos));
        }
        return;
    };
    for l in &mut lb.listeners {
        if l.port.known() == Some(&port) {
            l.policy_names.extend(names.iter().cloned());
        }
    }
}

fn classic_load_balancer(b: &Node) -> ClassicLoadBalancer {
    let mut lb = ClassicLoadBalancer {
        name: value(b.get("name")),
        access_logging: classic_access_logs(b),
        desync_mitigation_mode: value(b.get("desync_mitigation_mode")),
        ..ClassicLoadBalancer::default()
    };
    for l in blocks(b, "listener") {
        if l.is_unknown() {
            lb.listeners_unknown.get_or_insert((why(l), l.pos));
            continue;
        }
        lb.listeners.push(ClassicListener {
            protocol: value::<String>(l.get("lb_protocol")).map(|s| s.to_ascii_uppercase()),
            port: value(l.get("lb_port")),
            policy_names: Vec::new(),
            pos: l.pos,
        });
    }
    lb
}
