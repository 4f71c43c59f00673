//! CloudFormation adapters of AWS CloudTrail.

use wasp_model::{
    items, AdvancedEventSelector, DataResource, EventSelector, FieldSelector, Kind, Link, Node,
    Trail,
};

use super::{at, not_enumerable, values, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, _cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::CloudTrail::Trail" => Kind::Trail(Box::new(Trail {
            multi_region: at(p, &["IsMultiRegionTrail"]),
            log_file_validation: at(p, &["EnableLogFileValidation"]),
            kms_key: at(p, &["KMSKeyId"]),
            cloudwatch_logs_group: at(p, &["CloudWatchLogsLogGroupArn"]),
            is_logging: at(p, &["IsLogging"]),
            ..trail(p)
        })),
        _ => return None,
    };
    Some(kind)
}

/// The settings of `AWS::CloudTrail::Trail` beyond the basic ones read in `adapt`.
fn trail(p: &Node) -> Trail {
    let mut t = Trail {
        s3_bucket: p.get("S3BucketName").map(Link::from_node),
        include_global_service_events: at(p, &["IncludeGlobalServiceEvents"]),
        sns_topic: at(p, &["SnsTopicName"]),
        ..Trail::default()
    };
    for key in ["EventSelectors", "AdvancedEventSelectors"] {
        if let Some(u) = not_enumerable(p.get(key)) {
            t.selectors_unknown.get_or_insert(u);
        }
    }
    for s in items(p.get("EventSelectors")) {
        if let Some(u) = not_enumerable(Some(s)) {
            t.selectors_unknown.get_or_insert(u);
            continue;
        }
        t.event_selectors.push(EventSelector {
            read_write_type: at(s, &["ReadWriteType"]),
            include_management_events: at(s, &["IncludeManagementEvents"]),
            exclude_management_event_sources: values(s.get("ExcludeManagementEventSources")),
            data_resources: items(s.get("DataResources"))
                .iter()
                .map(|d| DataResource {
                    resource_type: at(d, &["Type"]),
                    values: values(d.get("Values")),
                    pos: d.pos,
                })
                .collect(),
            pos: s.pos,
        });
    }
    for s in items(p.get("AdvancedEventSelectors")) {
        if let Some(u) = not_enumerable(Some(s)) {
            t.selectors_unknown.get_or_insert(u);
            continue;
        }
        if let Some(u) = not_enumerable(s.get("FieldSelectors")) {
            t.selectors_unknown.get_or_insert(u);
        }
        t.advanced_event_selectors.push(AdvancedEventSelector {
            name: at(s, &["Name"]),
            field_selectors: items(s.get("FieldSelectors"))
                .iter()
                .map(|f| FieldSelector {
                    field: at(f, &["Field"]),
                    equals: values(f.get("Equals")),
                    not_equals: values(f.get("NotEquals")),
                    other_operators: ["StartsWith", "EndsWith", "NotStartsWith", "NotEndsWith"]
                        .iter()
                        .any(|k| f.get(k).is_some_and(|n| !n.is_null())),
                    pos: f.pos,
                })
                .collect(),
            pos: s.pos,
        });
    }
    t
}
