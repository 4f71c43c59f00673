//! Terraform adapters of AWS CodeBuild.

use wasp_model::{value, BuildProject, BuildVariable, Kind, Node};

use super::{blocks, unknown_block, vbool, vstr};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_codebuild_project" => Kind::BuildProject(Box::new(build_project(b, plan))),
        _ => return None,
    };
    Some(kind)
}

fn build_project(b: &Node, plan: bool) -> BuildProject {
    let env = blocks(b, "environment").first().copied();
    let mut p = BuildProject {
        privileged_mode: env
            .map(|e| vbool(e, &["privileged_mode"]))
            .unwrap_or_default(),
        s3_logs_encryption_disabled: vbool(b, &["logs_config", "s3_logs", "encryption_disabled"]),
        ..BuildProject::default()
    };
    if let Some(env) = env {
        if env.is_unknown() {
            p.environment_unknown = Some((unknown_block(env, "environment", plan), env.pos));
        } else {
            for v in blocks(env, "environment_variable") {
                if v.is_unknown() {
                    p.environment_unknown
                        .get_or_insert((unknown_block(v, "environment_variable", plan), v.pos));
                    continue;
                }
                p.environment.push(BuildVariable {
                    name: value(v.get("name")),
                    var_type: value(v.get("type")),
                    value: value(v.get("value")),
                    pos: v.pos,
                });
            }
        }
    }
    for k in ["source", "secondary_sources"] {
        for s in blocks(b, k) {
            p.source_locations.push(vstr(s, &["location"]));
        }
    }
    for k in ["artifacts", "secondary_artifacts"] {
        for a in blocks(b, k) {
            p.artifacts_encryption_disabled
                .push(vbool(a, &["encryption_disabled"]));
        }
    }
    p
}
