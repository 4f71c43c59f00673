//! Amazon ECS: task definitions, clusters, services.

pub mod cluster_container_insights_disabled;
pub mod container_runs_as_root;
pub mod host_network_mode;
pub mod host_pid_mode;
pub mod plaintext_secret_in_environment;
pub mod privileged_container;
pub mod service_assigns_public_ip;
pub mod writable_root_filesystem;

use wasp_model::{Container, Kind, Resource, TaskDefinition};

use crate::helpers::unknown;
use crate::Outcome;

pub(crate) fn task(res: &Resource) -> Option<&TaskDefinition> {
    match &res.kind {
        Kind::TaskDefinition(t) => Some(t),
        _ => None,
    }
}

/// A container's name for messages.
pub(crate) fn label(c: &Container) -> String {
    c.name
        .known()
        .map(|n| format!("container `{n}`"))
        .unwrap_or_else(|| "a container".into())
}

/// Runs `f` on every container of a task definition: its outcomes (fails, unknowns), an
/// unknown for definitions that cannot be read, and a single pass when nothing is wrong.
pub(crate) fn per_container(
    res: &Resource,
    f: impl Fn(&Container) -> Vec<Outcome>,
) -> Vec<Outcome> {
    let Some(t) = task(res) else {
        return vec![];
    };
    let mut out: Vec<Outcome> = t.containers.iter().flat_map(f).collect();
    if let Some((reason, pos)) = &t.containers_unknown {
        out.push(unknown(
            format!("container definitions: {reason}"),
            Some(*pos),
        ));
    }
    if out.is_empty() {
        out.push(Outcome::Pass);
    }
    out
}
