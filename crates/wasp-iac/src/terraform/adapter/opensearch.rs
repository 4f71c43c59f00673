//! Terraform adapters of Amazon OpenSearch Service.

use wasp_model::{value, Kind, KindTag, Node, SearchDomain};

use super::{dig, joined_doc, non_empty, policy_doc, vbool, vstr, Index, RawRes};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_opensearch_domain" | "aws_elasticsearch_domain" => {
            let version = if rtype == "aws_opensearch_domain" {
                "engine_version"
            } else {
                "elasticsearch_version"
            };
            Kind::SearchDomain(Box::new(SearchDomain {
                name: value(b.get("domain_name")),
                engine_version: value(b.get(version)),
                encryption_at_rest: vbool(b, &["encrypt_at_rest", "enabled"]),
                kms_key: vstr(b, &["encrypt_at_rest", "kms_key_id"]),
                node_to_node_encryption: vbool(b, &["node_to_node_encryption", "enabled"]),
                enforce_https: vbool(b, &["domain_endpoint_options", "enforce_https"]),
                tls_policy: vstr(b, &["domain_endpoint_options", "tls_security_policy"]),
                in_vpc: non_empty(dig(b, &["vpc_options", "subnet_ids"])),
                fine_grained_access: vbool(b, &["advanced_security_options", "enabled"]),
                access_policy: policy_doc("access policy", b.get("access_policies")),
            }))
        }
        _ => return None,
    };
    Some(kind)
}

/// Joins a sub-resource of this service into the resource it configures; `false` when the type
/// is not one of its own.
pub(super) fn join(r: &RawRes, ix: &Index, kinds: &mut [Kind]) -> bool {
    let b = &r.body;
    match r.rtype.as_str() {
        "aws_opensearch_domain_policy" | "aws_elasticsearch_domain_policy" => {
            if let Some(i) = ix.find(b.get("domain_name"), KindTag::SearchDomain, kinds) {
                if let (Kind::SearchDomain(s), Some(d)) = (
                    &mut kinds[i],
                    joined_doc(r, "access policy", "access_policies"),
                ) {
                    s.access_policy = Some(d);
                }
            }
        }
        _ => return false,
    }
    true
}
