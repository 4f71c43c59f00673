//! Terraform adapters of Amazon GuardDuty.

use wasp_model::{guardduty_feature as gd, value, Detector, DetectorFeature, Kind, KindTag, Node};

use super::{dig, Index, RawRes};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_guardduty_detector" => Kind::Detector(Box::new(detector(b))),
        _ => return None,
    };
    Some(kind)
}

/// Joins a sub-resource of this service into the resource it configures; `false` when the type
/// is not one of its own.
pub(super) fn join(r: &RawRes, ix: &Index, kinds: &mut [Kind]) -> bool {
    let b = &r.body;
    match r.rtype.as_str() {
        "aws_guardduty_detector_feature" => {
            if let Some(i) = ix.find(b.get("detector_id"), KindTag::Detector, kinds) {
                if let Kind::Detector(d) = &mut kinds[i] {
                    match b.get("name").and_then(Node::as_str) {
                        Some(name) => d.features.push(DetectorFeature {
                            name: name.to_ascii_uppercase(),
                            enabled: value::<String>(b.get("status"))
                                .map(|s| s.eq_ignore_ascii_case("ENABLED")),
                            pos: r.pos,
                        }),
                        None => {
                            d.features_unknown.get_or_insert((
                                format!(
                                    "the name of feature `{}` is not statically known",
                                    r.address
                                ),
                                r.pos,
                            ));
                        }
                    }
                }
            }
        }
        _ => return false,
    }
    true
}

fn detector(b: &Node) -> Detector {
    let mut d = Detector {
        enabled: value(b.get("enable")),
        finding_frequency: value(b.get("finding_publishing_frequency")),
        ..Detector::default()
    };
    for (keys, name) in [
        (
            &["datasources", "s3_logs", "enable"][..],
            gd::S3_DATA_EVENTS,
        ),
        (
            &["datasources", "kubernetes", "audit_logs", "enable"][..],
            gd::EKS_AUDIT_LOGS,
        ),
        (
            &[
                "datasources",
                "malware_protection",
                "scan_ec2_instance_with_findings",
                "ebs_volumes",
                "enable",
            ][..],
            gd::EBS_MALWARE_PROTECTION,
        ),
    ] {
        if let Some(n) = dig(b, keys).filter(|n| !n.is_null()) {
            d.features.push(DetectorFeature {
                name: name.to_string(),
                enabled: value(Some(n)),
                pos: n.pos,
            });
        }
    }
    d
}
