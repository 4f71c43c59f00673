//! Terraform adapters of AWS CloudTrail.

use wasp_model::{
    value, AdvancedEventSelector, DataResource, EventSelector, FieldSelector, Kind, Link, Node,
    Trail,
};

use super::{blocks, not_enumerable, strings, vbool, vstr};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_cloudtrail" => Kind::Trail(Box::new(Trail {
            multi_region: value(b.get("is_multi_region_trail")),
            log_file_validation: value(b.get("enable_log_file_validation")),
            kms_key: value(b.get("kms_key_id")),
            cloudwatch_logs_group: value(b.get("cloud_watch_logs_group_arn")),
            is_logging: value(b.get("enable_logging")),
            ..trail(b)
        })),
        _ => return None,
    };
    Some(kind)
}

/// The settings of `aws_cloudtrail` beyond the basic ones read in the adapter.
fn trail(b: &Node) -> Trail {
    let mut t = Trail {
        s3_bucket: b.get("s3_bucket_name").map(Link::from_node),
        include_global_service_events: value(b.get("include_global_service_events")),
        sns_topic: value(b.get("sns_topic_name")),
        ..Trail::default()
    };
    for s in blocks(b, "event_selector") {
        if let Some(u) = not_enumerable(s) {
            t.selectors_unknown.get_or_insert(u);
            continue;
        }
        t.event_selectors.push(EventSelector {
            read_write_type: vstr(s, &["read_write_type"]),
            include_management_events: vbool(s, &["include_management_events"]),
            exclude_management_event_sources: strings(s.get("exclude_management_event_sources")),
            data_resources: blocks(s, "data_resource")
                .into_iter()
                .map(|d| DataResource {
                    resource_type: vstr(d, &["type"]),
                    values: strings(d.get("values")),
                    pos: d.pos,
                })
                .collect(),
            pos: s.pos,
        });
    }
    for s in blocks(b, "advanced_event_selector") {
        if let Some(u) = not_enumerable(s) {
            t.selectors_unknown.get_or_insert(u);
            continue;
        }
        let mut sel = AdvancedEventSelector {
            name: vstr(s, &["name"]),
            pos: s.pos,
            ..AdvancedEventSelector::default()
        };
        for f in blocks(s, "field_selector") {
            if let Some(u) = not_enumerable(f) {
                t.selectors_unknown.get_or_insert(u);
                continue;
            }
            sel.field_selectors.push(FieldSelector {
                field: vstr(f, &["field"]),
                equals: strings(f.get("equals")),
                not_equals: strings(f.get("not_equals")),
                other_operators: [
                    "starts_with",
                    "ends_with",
                    "not_starts_with",
                    "not_ends_with",
                ]
                .iter()
                .any(|k| f.get(k).is_some_and(|n| !n.is_null())),
                pos: f.pos,
            });
        }
        t.advanced_event_selectors.push(sel);
    }
    t
}
