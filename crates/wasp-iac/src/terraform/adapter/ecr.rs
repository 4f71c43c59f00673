//! Terraform adapters of Amazon ECR.

use wasp_model::{
    value, EcrRepository, Kind, KindTag, Node, RegistryScanRule, RegistryScanning, Value,
};

use super::{blocks, policy_doc, unknown_block, vbool, Index, RawRes};
use crate::terraform::eval::why;

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_ecr_repository" => Kind::EcrRepository(Box::new(EcrRepository {
            name: value(b.get("name")),
            scan_on_push: vbool(b, &["image_scanning_configuration", "scan_on_push"]),
            tag_mutability: value(b.get("image_tag_mutability")),
            policy: None,
        })),
        "aws_ecr_registry_scanning_configuration" => {
            let mut s = RegistryScanning {
                scan_type: value(b.get("scan_type")),
                ..RegistryScanning::default()
            };
            for r in blocks(b, "rule") {
                if r.is_unknown() {
                    s.rules_unknown
                        .get_or_insert((unknown_block(r, "rule", plan), r.pos));
                    continue;
                }
                s.rules.push(RegistryScanRule {
                    frequency: value(r.get("scan_frequency")),
                    filters: blocks(r, "repository_filter")
                        .into_iter()
                        .map(|f| {
                            if f.is_unknown() {
                                Value::Unknown(why(f).into(), f.pos)
                            } else {
                                value(f.get("filter"))
                            }
                        })
                        .collect(),
                });
            }
            Kind::RegistryScanning(Box::new(s))
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
        "aws_ecr_repository_policy" => {
            if let Some(i) = ix.find(b.get("repository"), KindTag::EcrRepository, kinds) {
                if let (Kind::EcrRepository(e), Some(d)) = (
                    &mut kinds[i],
                    policy_doc("repository policy", b.get("policy")),
                ) {
                    e.policy = Some(d);
                }
            }
        }
        _ => return false,
    }
    true
}
