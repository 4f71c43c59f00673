//! Amazon OpenSearch Service.

use serde::Serialize;

use crate::shared::PolicyDoc;
use crate::value::Value;

/// OpenSearch Service or Elasticsearch domain.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct SearchDomain {
    pub name: Value<String>,
    /// `OpenSearch_2.11`, `Elasticsearch_7.10`, or an Elasticsearch version (`7.10`).
    pub engine_version: Value<String>,
    pub encryption_at_rest: Value<bool>,
    pub kms_key: Value<String>,
    pub node_to_node_encryption: Value<bool>,
    pub enforce_https: Value<bool>,
    /// `Policy-Min-TLS-1-0-2019-07`, `Policy-Min-TLS-1-2-2019-07`, `Policy-Min-TLS-1-2-PFS-2023-10`.
    pub tls_policy: Value<String>,
    /// Subnets are set (the domain is in a VPC).
    pub in_vpc: Value<bool>,
    /// Fine-grained access control is enabled.
    pub fine_grained_access: Value<bool>,
    pub access_policy: Option<PolicyDoc>,
}
