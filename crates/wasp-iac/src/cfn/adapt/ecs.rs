//! CloudFormation adapters of Amazon ECS.

use wasp_model::{
    items, value, Container, EcsCluster, EcsService, Kind, Node, TaskDefinition, Value, V,
};

use super::{at, unknown_reason, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, _cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::ECS::TaskDefinition" => Kind::TaskDefinition(Box::new(task_definition(p))),
        "AWS::ECS::Cluster" => {
            let mut insights = Value::Absent;
            for s in items(p.get("ClusterSettings")) {
                if s.is_unknown() {
                    insights = value(Some(s));
                } else if s.get("Name").and_then(Node::as_str) == Some("containerInsights") {
                    insights = at(s, &["Value"]);
                }
            }
            if let Some(n) = p.get("ClusterSettings").filter(|n| n.is_unknown()) {
                insights = value(Some(n));
            }
            Kind::EcsCluster(Box::new(EcsCluster {
                container_insights: insights,
            }))
        }
        "AWS::ECS::Service" => Kind::EcsService(Box::new(EcsService {
            assign_public_ip: at::<String>(
                p,
                &[
                    "NetworkConfiguration",
                    "AwsvpcConfiguration",
                    "AssignPublicIp",
                ],
            )
            .map(|s| s.eq_ignore_ascii_case("enabled")),
        })),
        _ => return None,
    };
    Some(kind)
}

fn task_definition(p: &Node) -> TaskDefinition {
    let mut td = TaskDefinition {
        network_mode: at(p, &["NetworkMode"]),
        pid_mode: at(p, &["PidMode"]),
        ..TaskDefinition::default()
    };
    match p.get("ContainerDefinitions") {
        Some(n) if n.is_unknown() || matches!(n.v, V::Ref(_)) => {
            td.containers_unknown = Some((unknown_reason(n), n.pos));
        }
        defs => {
            for c in items(defs) {
                if c.as_map().is_none() {
                    td.containers_unknown = Some((unknown_reason(c), c.pos));
                    continue;
                }
                td.containers.push(Container {
                    name: at(c, &["Name"]),
                    privileged: at(c, &["Privileged"]),
                    user: at(c, &["User"]),
                    readonly_root_filesystem: at(c, &["ReadonlyRootFilesystem"]),
                    environment: name_values(c.get("Environment"), "Name", "Value"),
                    pos: c.pos,
                });
            }
        }
    }
    td
}

/// `[{Name, Value}]` pairs; an unknown list or item becomes a `*` entry with the reason.
fn name_values(n: Option<&Node>, name: &str, val: &str) -> Vec<(String, Value<String>)> {
    let mut out = Vec::new();
    if let Some(n) = n.filter(|n| n.is_unknown() || matches!(n.v, V::Ref(_))) {
        out.push(("*".to_string(), value(Some(n))));
        return out;
    }
    for e in items(n) {
        match e.get(name).and_then(Node::as_str) {
            Some(k) => out.push((k.to_string(), at(e, &[val]))),
            None => out.push((
                "*".to_string(),
                Value::Unknown(unknown_reason(e).into(), e.pos),
            )),
        }
    }
    out
}
