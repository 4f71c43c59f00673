//! Amazon EKS clusters.

pub mod control_plane_logging_disabled;
pub mod public_endpoint_unrestricted;
pub mod secrets_not_encrypted_with_cmk;

use wasp_model::{Kind, Resource};

pub(crate) fn cluster(res: &Resource) -> Option<&wasp_model::EksCluster> {
    match &res.kind {
        Kind::EksCluster(c) => Some(c),
        _ => None,
    }
}
