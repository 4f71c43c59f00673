//! Terraform adapters of Amazon EKS.

use wasp_model::{value, EksCluster, Kind, Node, Value};

use super::{blocks, string_list, vbool, vstr};
use crate::terraform::eval::why;

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_eks_cluster" => Kind::EksCluster(Box::new(eks_cluster(b))),
        _ => return None,
    };
    Some(kind)
}

fn eks_cluster(b: &Node) -> EksCluster {
    let vpc = blocks(b, "vpc_config").first().copied();
    let mut secrets_kms_key = Value::Absent;
    for c in blocks(b, "encryption_config") {
        if c.is_unknown() {
            secrets_kms_key = Value::Unknown(why(c).into(), c.pos);
            continue;
        }
        let resources = string_list(c.get("resources")).unwrap_or_default();
        if let Some(u) = resources.iter().find(|r| r.is_unknown()) {
            if secrets_kms_key.is_absent() {
                secrets_kms_key = u.clone();
            }
        }
        if resources
            .iter()
            .any(|r| r.known().is_some_and(|s| s == "secrets"))
        {
            secrets_kms_key = vstr(c, &["provider", "key_arn"]);
        }
    }
    let logging = b.get("enabled_cluster_log_types").filter(|n| !n.is_null());
    EksCluster {
        version: value(b.get("version")),
        endpoint_public: vpc
            .map(|v| vbool(v, &["endpoint_public_access"]))
            .unwrap_or_default(),
        public_access_cidrs: vpc.and_then(|v| string_list(v.get("public_access_cidrs"))),
        endpoint_pos: vpc.map(|v| v.pos),
        secrets_kms_key,
        log_types: string_list(logging),
        log_types_pos: logging.map(|l| l.pos),
    }
}
