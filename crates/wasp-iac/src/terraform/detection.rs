//! Terraform adapters, Detection: logging and monitoring services (SEC04).

use wasp_core::Pos;
use wasp_model::{
    guardduty_feature as gd, value, AdvancedEventSelector, AggregationSource, ApiStage,
    ConfigAggregator, ConfigDeliveryChannel, ConfigRecorder, DataResource, Detector,
    DetectorFeature, EventSelector, FieldSelector, FlowLog, HubStandard, Kind, KindTag, Link,
    LoadBalancer, LogGroup, MethodSetting, Node, SecurityHub, Trail, Value, Vpc, WebAcl, V,
};

use super::adapter::{blocks, dig, vbool, vstr, Index, RawRes};
use super::eval::why;

/// Adapts a resource of this area; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, plan: bool) -> Option<Kind> {
    let _ = plan;
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
        "aws_guardduty_detector" => Kind::Detector(Box::new(detector(b))),
        "aws_securityhub_account" => Kind::SecurityHub(Box::new(SecurityHub {
            enable_default_standards: value(b.get("enable_default_standards")),
            auto_enable_controls: value(b.get("auto_enable_controls")),
            control_finding_generator: value(b.get("control_finding_generator")),
        })),
        "aws_securityhub_standards_subscription" => Kind::HubStandard(Box::new(HubStandard {
            arn: value(b.get("standards_arn")),
        })),
        "aws_vpc" | "aws_default_vpc" => Kind::Vpc(Box::new(Vpc {
            cidr: value(b.get("cidr_block")),
            enable_dns_support: value(b.get("enable_dns_support")),
            enable_dns_hostnames: value(b.get("enable_dns_hostnames")),
            default: rtype == "aws_default_vpc",
            flow_logs: Vec::new(),
        })),
        "aws_lb" | "aws_alb" => Kind::LoadBalancer(Box::new(LoadBalancer {
            name: value(b.get("name")),
            lb_type: value(b.get("load_balancer_type")),
            scheme: value::<bool>(b.get("internal"))
                .map(|i| if i { "internal" } else { "internet-facing" }.to_string()),
            access_logs: vbool(b, &["access_logs", "enabled"]),
            deletion_protection: value(b.get("enable_deletion_protection")),
            drop_invalid_header_fields: value(b.get("drop_invalid_header_fields")),
            desync_mitigation_mode: value(b.get("desync_mitigation_mode")),
            attributes_unknown: None,
        })),
        "aws_flow_log" => Kind::FlowLog(Box::new(flow_log(b, b.pos))),
        "aws_cloudwatch_log_group" => Kind::LogGroup(Box::new(LogGroup {
            name: value(b.get("name")),
            retention_days: value(b.get("retention_in_days")),
            kms_key: value(b.get("kms_key_id")),
        })),
        "aws_wafv2_web_acl" => Kind::WebAcl(Box::new(WebAcl {
            name: value(b.get("name")),
            scope: value(b.get("scope")),
            logging: Value::Absent,
        })),
        _ => return None,
    };
    Some(kind)
}

/// The flow log an `aws_flow_log` resource describes.
fn flow_log(b: &Node, pos: Pos) -> FlowLog {
    let resource = [
        "vpc_id",
        "subnet_id",
        "eni_id",
        "transit_gateway_id",
        "transit_gateway_attachment_id",
    ]
    .iter()
    .find_map(|k| b.get(k).filter(|n| !n.is_null()))
    .map(Link::from_node);
    FlowLog {
        traffic_type: value(b.get("traffic_type")),
        destination_type: value(b.get("log_destination_type")),
        resource,
        pos,
    }
}

/// Joins a sub-resource of this area into the resource it configures; `false` when the type
/// is not one of its own.
pub(super) fn join(r: &RawRes, ix: &Index, kinds: &mut [Kind]) -> bool {
    let b = &r.body;
    match r.rtype.as_str() {
        "aws_flow_log" => {
            if let Some(i) = ix.find(b.get("vpc_id"), KindTag::Vpc, kinds) {
                if let Kind::Vpc(v) = &mut kinds[i] {
                    v.flow_logs.push(flow_log(b, r.pos));
                }
            }
        }
        "aws_config_configuration_recorder_status" => {
            if let Some(i) = ix.find(b.get("name"), KindTag::ConfigRecorder, kinds) {
                if let Kind::ConfigRecorder(c) = &mut kinds[i] {
                    c.recording = value::<bool>(b.get("is_enabled")).or_default_known(false);
                }
            }
        }
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
        "aws_wafv2_web_acl_logging_configuration" => {
            if let Some(i) = ix.find(b.get("resource_arn"), KindTag::WebAcl, kinds) {
                if let Kind::WebAcl(w) = &mut kinds[i] {
                    w.logging = Value::Known(true, r.pos);
                }
            }
        }
        "aws_api_gateway_method_settings" => join_method_settings(r, ix, kinds),
        _ => return false,
    }
    true
}

/// `aws_api_gateway_method_settings` names its stage by API and stage name.
fn join_method_settings(r: &RawRes, ix: &Index, kinds: &mut [Kind]) {
    let b = &r.body;
    let Some(s) = blocks(b, "settings").into_iter().next() else {
        return;
    };
    let setting = MethodSetting {
        all_methods: b.get("method_path").and_then(Node::as_str) == Some("*/*"),
        logging_level: vstr(s, &["logging_level"]),
        caching_enabled: vbool(s, &["caching_enabled"]),
        cache_data_encrypted: vbool(s, &["cache_data_encrypted"]),
        pos: s.pos,
    };
    let stage = b.get("stage_name");
    let api = b.get("rest_api_id").map(Link::from_node);
    let target = match stage.map(|n| &n.v) {
        Some(V::Str(name)) => kinds.iter().position(|k| match k {
            Kind::ApiStage(st) => {
                st.rest
                    && st.stage_name.known().map(String::as_str) == Some(&**name)
                    && same_target(st.api.as_ref(), api.as_ref())
            }
            _ => false,
        }),
        _ => ix.find(stage, KindTag::ApiStage, kinds),
    };
    if let Some(Kind::ApiStage(st)) = target.map(|i| &mut kinds[i]) {
        st.method_settings.push(setting);
    }
}

/// Two links name the same resource (positions aside).
fn same_target(a: Option<&Link>, b: Option<&Link>) -> bool {
    match (a, b) {
        (Some(Link::Address(x, _)), Some(Link::Address(y, _))) => x == y,
        (Some(Link::Name(x, _)), Some(Link::Name(y, _))) => x == y,
        _ => false,
    }
}

fn strings(node: Option<&Node>) -> Vec<Value<String>> {
    wasp_model::items(node)
        .iter()
        .map(|n| value(Some(n)))
        .collect()
}

/// Why a block cannot be read statically, if it cannot (a `dynamic` block over an unknown
/// collection).
fn not_enumerable(n: &Node) -> Option<(String, Pos)> {
    matches!(n.v, V::Unknown(_) | V::Ref(_)).then(|| (why(n), n.pos))
}

/// The settings of `aws_cloudtrail` beyond the basic ones read in the adapter.
pub(super) fn trail(b: &Node) -> Trail {
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

/// The settings of `aws_api_gateway_stage` beyond the basic ones read in the adapter.
pub(super) fn rest_stage(b: &Node) -> ApiStage {
    ApiStage {
        rest: true,
        stage_name: value(b.get("stage_name")),
        api: b.get("rest_api_id").map(Link::from_node),
        cache_cluster: value(b.get("cache_cluster_enabled")),
        ..ApiStage::default()
    }
}

/// The settings of `aws_apigatewayv2_stage` beyond the basic ones read in the adapter.
pub(super) fn v2_stage(b: &Node) -> ApiStage {
    let mut s = ApiStage {
        rest: false,
        stage_name: value(b.get("name")),
        api: b.get("api_id").map(Link::from_node),
        ..ApiStage::default()
    };
    if let Some(d) = blocks(b, "default_route_settings").into_iter().next() {
        if let Some(u) = not_enumerable(d) {
            s.method_settings_unknown = Some(u);
        } else {
            s.method_settings.push(MethodSetting {
                all_methods: true,
                logging_level: vstr(d, &["logging_level"]),
                pos: d.pos,
                ..MethodSetting::default()
            });
        }
    }
    s
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

/// Access logs of `aws_elb`: an `access_logs` block, enabled unless it says otherwise.
pub(super) fn classic_access_logs(b: &Node) -> Value<bool> {
    match blocks(b, "access_logs").into_iter().next() {
        None => Value::Absent,
        Some(a) if matches!(a.v, V::Unknown(_) | V::Ref(_)) => Value::Unknown(why(a).into(), a.pos),
        Some(a) => match vbool(a, &["enabled"]) {
            Value::Absent => Value::Known(true, a.pos),
            v => v,
        },
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use wasp_model::{guardduty_feature as gd, Kind, Model, Value};

    use super::super::{load_dirs, TfOptions};

    /// Loads one `main.tf` written to a fresh directory.
    fn model(name: &str, text: &str) -> Model {
        let dir: PathBuf =
            std::env::temp_dir().join(format!("wasp-detection-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("main.tf"), text).unwrap();
        let mut loads = load_dirs(std::slice::from_ref(&dir), &TfOptions::default());
        let _ = std::fs::remove_dir_all(&dir);
        let l = loads.remove(0);
        assert!(l.errors.is_empty(), "{:?}", l.errors);
        l.model
    }

    fn kind<'m>(m: &'m Model, addr: &str) -> &'m Kind {
        &m.get(addr).expect("resource").kind
    }

    #[test]
    fn method_settings_join_the_stage_of_their_api() {
        let m = model(
            "method-settings",
            r#"
resource "aws_api_gateway_rest_api" "a" { name = "a" }
resource "aws_api_gateway_rest_api" "b" { name = "b" }
resource "aws_api_gateway_stage" "a" {
  rest_api_id   = aws_api_gateway_rest_api.a.id
  deployment_id = "d1"
  stage_name    = "prod"
}
resource "aws_api_gateway_stage" "b" {
  rest_api_id   = aws_api_gateway_rest_api.b.id
  deployment_id = "d2"
  stage_name    = "prod"
}
resource "aws_api_gateway_method_settings" "b" {
  rest_api_id = aws_api_gateway_rest_api.b.id
  stage_name  = aws_api_gateway_stage.b.stage_name
  method_path = "*/*"
  settings {
    logging_level = "INFO"
  }
}
"#,
        );
        let Kind::ApiStage(a) = kind(&m, "aws_api_gateway_stage.a") else {
            panic!()
        };
        assert!(a.method_settings.is_empty());
        let Kind::ApiStage(b) = kind(&m, "aws_api_gateway_stage.b") else {
            panic!()
        };
        assert_eq!(b.method_settings.len(), 1);
        assert!(b.method_settings[0].all_methods);
        assert_eq!(
            b.method_settings[0]
                .logging_level
                .known()
                .map(String::as_str),
            Some("INFO")
        );
    }

    #[test]
    fn recorder_status_and_detector_features_join() {
        let m = model(
            "joins",
            r#"
resource "aws_config_configuration_recorder" "r" {
  role_arn = "arn:aws:iam::123456789012:role/config"
}
resource "aws_config_configuration_recorder_status" "r" {
  name       = aws_config_configuration_recorder.r.name
  is_enabled = true
}
resource "aws_guardduty_detector" "d" {
  datasources {
    s3_logs {
      enable = false
    }
  }
}
resource "aws_guardduty_detector_feature" "s3" {
  detector_id = aws_guardduty_detector.d.id
  name        = "S3_DATA_EVENTS"
  status      = "ENABLED"
}
resource "aws_elb" "classic" {
  availability_zones = ["eu-west-1a"]
  listener {
    lb_port           = 80
    lb_protocol       = "http"
    instance_port     = 80
    instance_protocol = "http"
  }
  access_logs {
    bucket = "logs"
  }
}
"#,
        );
        let Kind::ConfigRecorder(r) = kind(&m, "aws_config_configuration_recorder.r") else {
            panic!()
        };
        assert_eq!(r.recording.known(), Some(&true));
        let Kind::Detector(d) = kind(&m, "aws_guardduty_detector.d") else {
            panic!()
        };
        assert_eq!(d.features.len(), 2);
        assert_eq!(
            d.feature(gd::S3_DATA_EVENTS).unwrap().enabled.known(),
            Some(&true)
        );
        let Kind::ClassicLoadBalancer(lb) = kind(&m, "aws_elb.classic") else {
            panic!()
        };
        assert!(matches!(lb.access_logging, Value::Known(true, _)));
    }
}
