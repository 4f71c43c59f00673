//! Terraform adapters of AWS Config.

use wasp_core::Pos;
use wasp_model::{
    value, AggregationSource, ConfigAggregator, ConfigDeliveryChannel, ConfigRecorder, Kind,
    KindTag, Node, Value,
};

use super::{blocks, strings, vbool, vstr, Index, RawRes};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_config_configuration_recorder" => {
            let g = blocks(b, "recording_group").first().map(|g| g.pos);
            Kind::ConfigRecorder(Box::new(ConfigRecorder {
                name: value(b.get("name")),
                all_supported: vbool(b, &["recording_group", "all_supported"]),
                include_global_types: vbool(
                    b,
                    &["recording_group", "include_global_resource_types"],
                ),
                recording_strategy: vstr(b, &["recording_group", "recording_strategy", "use_only"]),
                recording_group_pos: g,
                // Stopped until an `aws_config_configuration_recorder_status` starts it.
                recording: Value::Known(false, Pos::NONE),
            }))
        }
        "aws_config_delivery_channel" => {
            Kind::ConfigDeliveryChannel(Box::new(ConfigDeliveryChannel {
                s3_bucket: value(b.get("s3_bucket_name")),
                sns_topic: value(b.get("sns_topic_arn")),
            }))
        }
        "aws_config_configuration_aggregator" => {
            let mut sources = Vec::new();
            for (key, organization) in [
                ("account_aggregation_source", false),
                ("organization_aggregation_source", true),
            ] {
                for s in blocks(b, key) {
                    sources.push(AggregationSource {
                        all_regions: vbool(s, &["all_regions"]),
                        regions: strings(s.get("regions")),
                        organization,
                        pos: s.pos,
                    });
                }
            }
            Kind::ConfigAggregator(Box::new(ConfigAggregator { sources }))
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
        "aws_config_configuration_recorder_status" => {
            if let Some(i) = ix.find(b.get("name"), KindTag::ConfigRecorder, kinds) {
                if let Kind::ConfigRecorder(c) = &mut kinds[i] {
                    c.recording = value::<bool>(b.get("is_enabled")).or_default_known(false);
                }
            }
        }
        _ => return false,
    }
    true
}
