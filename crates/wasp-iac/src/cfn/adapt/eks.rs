//! CloudFormation adapters of Amazon EKS.

use wasp_model::{items, path, value, EksCluster, Kind, Node, Value, V};

use super::{at, string_list, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, _cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::EKS::Cluster" => Kind::EksCluster(Box::new(eks_cluster(p))),
        _ => return None,
    };
    Some(kind)
}

fn eks_cluster(p: &Node) -> EksCluster {
    let vpc = p.get("ResourcesVpcConfig");
    let mut secrets_kms_key = Value::Absent;
    for c in items(p.get("EncryptionConfig")) {
        if c.is_unknown() {
            secrets_kms_key = value(Some(c));
            continue;
        }
        let resources = string_list(c.get("Resources")).unwrap_or_default();
        let secrets = resources
            .iter()
            .any(|r| r.known().is_some_and(|s| s == "secrets"));
        if let Some(u) = resources.iter().find(|r| r.is_unknown()) {
            if secrets_kms_key.is_absent() {
                secrets_kms_key = u.clone();
            }
        }
        if secrets {
            secrets_kms_key = at(c, &["Provider", "KeyArn"]);
        }
    }
    let logging = path(p.get("Logging"), &["ClusterLogging", "EnabledTypes"]);
    let log_types = logging.map(|l| {
        if l.is_unknown() || matches!(l.v, V::Ref(_)) {
            vec![value(Some(l))]
        } else {
            items(Some(l))
                .iter()
                .map(|t| {
                    if t.is_unknown() {
                        value(Some(t))
                    } else {
                        at(t, &["Type"])
                    }
                })
                .collect()
        }
    });
    EksCluster {
        version: at(p, &["Version"]),
        endpoint_public: vpc
            .map(|v| at(v, &["EndpointPublicAccess"]))
            .unwrap_or_default(),
        public_access_cidrs: vpc.and_then(|v| string_list(path(Some(v), &["PublicAccessCidrs"]))),
        endpoint_pos: vpc.map(|v| v.pos),
        secrets_kms_key,
        log_types,
        log_types_pos: logging.map(|l| l.pos),
    }
}
