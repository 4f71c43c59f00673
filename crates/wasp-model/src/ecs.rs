//! Amazon ECS: task definitions, clusters, services.

use serde::Serialize;
use wasp_core::Pos;

use crate::value::Value;

/// An Amazon ECS task definition.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct TaskDefinition {
    /// `bridge` (the default on EC2), `awsvpc`, `host`, `none`.
    pub network_mode: Value<String>,
    /// `host` or `task`; absent: each task has its own namespace.
    pub pid_mode: Value<String>,
    pub containers: Vec<Container>,
    /// Container definitions that cannot be read statically: the reason.
    #[serde(serialize_with = "crate::json::reason")]
    pub containers_unknown: Option<(String, Pos)>,
}

/// A container definition of a task definition.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Container {
    pub name: Value<String>,
    pub privileged: Value<bool>,
    /// `user`, `uid`, `user:group`, `uid:gid`, ...; absent: the image's `USER`.
    pub user: Value<String>,
    pub readonly_root_filesystem: Value<bool>,
    /// Plain environment variables (not `secrets`), name → value.
    #[serde(serialize_with = "crate::json::named")]
    pub environment: Vec<(String, Value<String>)>,
    #[serde(skip)]
    pub pos: Pos,
}

/// An Amazon ECS cluster.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct EcsCluster {
    /// The `containerInsights` setting: `enabled`, `enhanced`, `disabled`.
    pub container_insights: Value<String>,
}

/// An Amazon ECS service.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct EcsService {
    /// `awsvpc` tasks get a public IP address (default false).
    pub assign_public_ip: Value<bool>,
}
