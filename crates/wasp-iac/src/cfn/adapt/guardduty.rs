//! CloudFormation adapters of Amazon GuardDuty.

use wasp_model::{
    guardduty_feature as gd, items, path, value, Detector, DetectorFeature, Kind, Node,
};

use super::{at, not_enumerable, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, _cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::GuardDuty::Detector" => Kind::Detector(Box::new(detector(p))),
        _ => return None,
    };
    Some(kind)
}

fn feature(name: &str, n: &Node) -> DetectorFeature {
    DetectorFeature {
        name: name.to_string(),
        enabled: value(Some(n)),
        pos: n.pos,
    }
}

fn detector(p: &Node) -> Detector {
    let mut d = Detector {
        enabled: at(p, &["Enable"]),
        finding_frequency: at(p, &["FindingPublishingFrequency"]),
        ..Detector::default()
    };
    // The legacy data sources first: `Features` override them.
    let ds = p.get("DataSources");
    for (keys, name) in [
        (&["S3Logs", "Enable"][..], gd::S3_DATA_EVENTS),
        (
            &["Kubernetes", "AuditLogs", "Enable"][..],
            gd::EKS_AUDIT_LOGS,
        ),
        (
            &[
                "MalwareProtection",
                "ScanEc2InstanceWithFindings",
                "EbsVolumes",
            ][..],
            gd::EBS_MALWARE_PROTECTION,
        ),
    ] {
        if let Some(n) = path(ds, keys).filter(|n| !n.is_null()) {
            d.features.push(feature(name, n));
        }
    }
    let features = p.get("Features");
    if let Some(u) = not_enumerable(features) {
        d.features_unknown = Some(u);
        return d;
    }
    for f in items(features) {
        match f.get("Name").and_then(Node::as_str) {
            Some(name) => d.features.push(DetectorFeature {
                name: name.to_ascii_uppercase(),
                enabled: at::<String>(f, &["Status"]).map(|s| s.eq_ignore_ascii_case("ENABLED")),
                pos: f.pos,
            }),
            None => {
                d.features_unknown
                    .get_or_insert(("a feature whose name is not statically known".into(), f.pos));
            }
        }
    }
    d
}
