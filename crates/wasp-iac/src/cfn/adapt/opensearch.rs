//! CloudFormation adapters of Amazon OpenSearch Service.

use wasp_model::{path, Kind, Node, SearchDomain};

use super::{at, non_empty, policy_doc, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, _cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::OpenSearchService::Domain" | "AWS::Elasticsearch::Domain" => {
            let version = if ty == "AWS::OpenSearchService::Domain" {
                "EngineVersion"
            } else {
                "ElasticsearchVersion"
            };
            Kind::SearchDomain(Box::new(SearchDomain {
                name: at(p, &["DomainName"]),
                engine_version: at(p, &[version]),
                encryption_at_rest: at(p, &["EncryptionAtRestOptions", "Enabled"]),
                kms_key: at(p, &["EncryptionAtRestOptions", "KmsKeyId"]),
                node_to_node_encryption: at(p, &["NodeToNodeEncryptionOptions", "Enabled"]),
                enforce_https: at(p, &["DomainEndpointOptions", "EnforceHTTPS"]),
                tls_policy: at(p, &["DomainEndpointOptions", "TLSSecurityPolicy"]),
                in_vpc: non_empty(path(Some(p), &["VPCOptions", "SubnetIds"])),
                fine_grained_access: at(p, &["AdvancedSecurityOptions", "Enabled"]),
                access_policy: p
                    .get("AccessPolicies")
                    .filter(|n| !n.is_null())
                    .map(|_| policy_doc(p, "AccessPolicies", "access policy", None)),
            }))
        }
        _ => return None,
    };
    Some(kind)
}
