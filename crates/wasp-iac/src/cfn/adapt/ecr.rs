//! CloudFormation adapters of Amazon ECR.

use wasp_model::{items, value, EcrRepository, Kind, Node, RegistryScanRule, RegistryScanning, V};

use super::{at, policy_doc, unknown_reason, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, _cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::ECR::Repository" => Kind::EcrRepository(Box::new(EcrRepository {
            name: at(p, &["RepositoryName"]),
            scan_on_push: at(p, &["ImageScanningConfiguration", "ScanOnPush"]),
            tag_mutability: at(p, &["ImageTagMutability"]),
            policy: p
                .get("RepositoryPolicyText")
                .filter(|n| !n.is_null())
                .map(|_| policy_doc(p, "RepositoryPolicyText", "repository policy", None)),
        })),
        "AWS::ECR::RegistryScanningConfiguration" => {
            let mut s = RegistryScanning {
                scan_type: at(p, &["ScanType"]),
                ..RegistryScanning::default()
            };
            match p.get("Rules") {
                Some(n) if n.is_unknown() || matches!(n.v, V::Ref(_)) => {
                    s.rules_unknown = Some((unknown_reason(n), n.pos));
                }
                rules => {
                    for r in items(rules) {
                        s.rules.push(RegistryScanRule {
                            frequency: at(r, &["ScanFrequency"]),
                            filters: items(r.get("RepositoryFilters"))
                                .iter()
                                .map(|f| {
                                    if f.is_unknown() {
                                        value(Some(f))
                                    } else {
                                        at(f, &["Filter"])
                                    }
                                })
                                .collect(),
                        });
                    }
                }
            }
            Kind::RegistryScanning(Box::new(s))
        }
        _ => return None,
    };
    Some(kind)
}
