//! CloudFormation adapters of AWS CodeBuild.

use wasp_model::{items, path, BuildProject, BuildVariable, Kind, Node, V};

use super::{at, unknown_reason, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, _cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::CodeBuild::Project" => Kind::BuildProject(Box::new(build_project(p))),
        _ => return None,
    };
    Some(kind)
}

fn build_project(p: &Node) -> BuildProject {
    let env = p.get("Environment");
    let mut b = BuildProject {
        privileged_mode: env.map(|e| at(e, &["PrivilegedMode"])).unwrap_or_default(),
        s3_logs_encryption_disabled: at(p, &["LogsConfig", "S3Logs", "EncryptionDisabled"]),
        ..BuildProject::default()
    };
    match path(env, &["EnvironmentVariables"]) {
        Some(n) if n.is_unknown() || matches!(n.v, V::Ref(_)) => {
            b.environment_unknown = Some((unknown_reason(n), n.pos));
        }
        vars => {
            for v in items(vars) {
                if v.as_map().is_none() {
                    b.environment_unknown = Some((unknown_reason(v), v.pos));
                    continue;
                }
                b.environment.push(BuildVariable {
                    name: at(v, &["Name"]),
                    var_type: at(v, &["Type"]),
                    value: at(v, &["Value"]),
                    pos: v.pos,
                });
            }
        }
    }
    let mut sources = vec![p.get("Source")];
    sources.extend(items(p.get("SecondarySources")).iter().map(Some));
    for s in sources.into_iter().flatten() {
        b.source_locations.push(at(s, &["Location"]));
    }
    let mut artifacts = vec![p.get("Artifacts")];
    artifacts.extend(items(p.get("SecondaryArtifacts")).iter().map(Some));
    for a in artifacts.into_iter().flatten() {
        b.artifacts_encryption_disabled
            .push(at(a, &["EncryptionDisabled"]));
    }
    b
}
