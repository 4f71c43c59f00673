//! Terraform adapters of Amazon ECS.

use wasp_core::Pos;
use wasp_model::{
    items, value, Container, EcsCluster, EcsService, Kind, Node, TaskDefinition, Value, V,
};

use super::{blocks, vbool};
use crate::terraform::eval::{restamp, why};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_ecs_task_definition" => Kind::TaskDefinition(Box::new(task_definition(b))),
        "aws_ecs_cluster" => {
            let mut insights = Value::Absent;
            for s in blocks(b, "setting") {
                if s.is_unknown() {
                    insights = Value::Unknown(why(s).into(), s.pos);
                } else if s.get("name").and_then(Node::as_str) == Some("containerInsights") {
                    insights = value(s.get("value"));
                }
            }
            Kind::EcsCluster(Box::new(EcsCluster {
                container_insights: insights,
            }))
        }
        "aws_ecs_service" => Kind::EcsService(Box::new(EcsService {
            assign_public_ip: vbool(b, &["network_configuration", "assign_public_ip"]),
        })),
        _ => return None,
    };
    Some(kind)
}

/// A JSON document given as a tree (`jsonencode`) or as a string (heredoc, `file`).
fn json_tree(n: &Node) -> Result<Node, (String, Pos)> {
    match &n.v {
        V::Seq(_) | V::Map(_) => Ok(n.clone()),
        V::Str(s) => match crate::json::parse(s) {
            Ok(doc) => Ok(restamp(doc, n.pos)),
            Err(e) => Err((format!("not valid JSON: {}", e.message), n.pos)),
        },
        _ => Err((why(n), n.pos)),
    }
}

fn task_definition(b: &Node) -> TaskDefinition {
    let mut td = TaskDefinition {
        network_mode: value(b.get("network_mode")),
        pid_mode: value(b.get("pid_mode")),
        ..TaskDefinition::default()
    };
    let Some(defs) = b.get("container_definitions").filter(|n| !n.is_null()) else {
        return td;
    };
    let tree = match json_tree(defs) {
        Ok(t) => t,
        Err(u) => {
            td.containers_unknown = Some(u);
            return td;
        }
    };
    if tree.is_unknown() || matches!(tree.v, V::Ref(_)) {
        td.containers_unknown = Some((why(&tree), tree.pos));
        return td;
    }
    for c in items(Some(&tree)) {
        if c.as_map().is_none() {
            td.containers_unknown = Some((why(c), c.pos));
            continue;
        }
        let mut environment = Vec::new();
        match c.get("environment") {
            Some(n) if n.is_unknown() || matches!(n.v, V::Ref(_)) => {
                environment.push(("*".to_string(), Value::Unknown(why(n).into(), n.pos)));
            }
            env => {
                for e in items(env) {
                    match e.get("name").and_then(Node::as_str) {
                        Some(k) => environment.push((k.to_string(), value(e.get("value")))),
                        None => environment
                            .push(("*".to_string(), Value::Unknown(why(e).into(), e.pos))),
                    }
                }
            }
        }
        td.containers.push(Container {
            name: value(c.get("name")),
            privileged: value(c.get("privileged")),
            user: value(c.get("user")),
            readonly_root_filesystem: value(c.get("readonlyRootFilesystem")),
            environment,
            pos: c.pos,
        });
    }
    td
}
