//! Amazon OpenSearch Service (and Elasticsearch) domains.

pub mod access_policy_public;
pub mod encryption_at_rest_disabled;
pub mod fine_grained_access_control_disabled;
pub mod https_not_enforced;
pub mod node_to_node_encryption_disabled;
pub mod not_in_vpc;
pub mod outdated_tls_policy;

use wasp_model::{Kind, Resource, SearchDomain};

pub(crate) fn domain(res: &Resource) -> Option<&SearchDomain> {
    match &res.kind {
        Kind::SearchDomain(d) => Some(d),
        _ => None,
    }
}
