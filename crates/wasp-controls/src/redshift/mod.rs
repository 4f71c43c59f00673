//! Amazon Redshift provisioned clusters.

pub mod cluster_not_encrypted;
pub mod cluster_publicly_accessible;
pub mod enhanced_vpc_routing_disabled;
pub mod ssl_not_required;

use wasp_model::{Kind, Resource, Warehouse};

pub(crate) fn cluster(res: &Resource) -> Option<&Warehouse> {
    match &res.kind {
        Kind::Warehouse(w) => Some(w),
        _ => None,
    }
}
