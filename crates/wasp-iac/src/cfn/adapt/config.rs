//! CloudFormation adapters of AWS Config.

use wasp_model::{
    items, AggregationSource, ConfigAggregator, ConfigDeliveryChannel, ConfigRecorder, Kind, Node,
    Value,
};

use super::{at, values, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, _cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::Config::ConfigurationRecorder" => {
            let g = p.get("RecordingGroup").filter(|g| !g.is_null());
            Kind::ConfigRecorder(Box::new(ConfigRecorder {
                name: at(p, &["Name"]),
                all_supported: at(p, &["RecordingGroup", "AllSupported"]),
                include_global_types: at(p, &["RecordingGroup", "IncludeGlobalResourceTypes"]),
                recording_strategy: at(p, &["RecordingGroup", "RecordingStrategy", "UseOnly"]),
                recording_group_pos: g.map(|g| g.pos),
                recording: Value::Absent,
            }))
        }
        "AWS::Config::DeliveryChannel" => {
            Kind::ConfigDeliveryChannel(Box::new(ConfigDeliveryChannel {
                s3_bucket: at(p, &["S3BucketName"]),
                sns_topic: at(p, &["SnsTopicARN"]),
            }))
        }
        "AWS::Config::ConfigurationAggregator" => {
            let mut sources: Vec<AggregationSource> = items(p.get("AccountAggregationSources"))
                .iter()
                .map(|s| aggregation_source(s, false))
                .collect();
            if let Some(o) = p
                .get("OrganizationAggregationSource")
                .filter(|o| !o.is_null())
            {
                sources.push(aggregation_source(o, true));
            }
            Kind::ConfigAggregator(Box::new(ConfigAggregator { sources }))
        }
        _ => return None,
    };
    Some(kind)
}

fn aggregation_source(s: &Node, organization: bool) -> AggregationSource {
    AggregationSource {
        all_regions: at(s, &["AllAwsRegions"]),
        regions: values(s.get("AwsRegions")),
        organization,
        pos: s.pos,
    }
}
