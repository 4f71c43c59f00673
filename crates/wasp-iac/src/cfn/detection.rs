//! CloudFormation adapters, Detection: logging and monitoring services (SEC04).

use wasp_core::Pos;
use wasp_model::{
    guardduty_feature as gd, items, path, value, AdvancedEventSelector, AggregationSource,
    ApiStage, ConfigAggregator, ConfigDeliveryChannel, ConfigRecorder, DataResource, Detector,
    DetectorFeature, EventSelector, FieldSelector, FlowLog, HubStandard, Kind, Link, LoadBalancer,
    LogGroup, MethodSetting, Node, SecurityHub, Trail, Value, Vpc, WebAcl, V,
};

use super::adapt::{at, present, AreaCx};

/// Adapts a resource of this area; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, cx: &mut AreaCx<'_>) -> Option<Kind> {
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
        "AWS::GuardDuty::Detector" => Kind::Detector(Box::new(detector(p))),
        "AWS::SecurityHub::Hub" => Kind::SecurityHub(Box::new(SecurityHub {
            enable_default_standards: at(p, &["EnableDefaultStandards"]),
            auto_enable_controls: at(p, &["AutoEnableControls"]),
            control_finding_generator: at(p, &["ControlFindingGenerator"]),
        })),
        "AWS::SecurityHub::Standard" => Kind::HubStandard(Box::new(HubStandard {
            arn: at(p, &["StandardsArn"]),
        })),
        "AWS::EC2::VPC" => Kind::Vpc(Box::new(Vpc {
            cidr: at(p, &["CidrBlock"]),
            enable_dns_support: at(p, &["EnableDnsSupport"]),
            enable_dns_hostnames: at(p, &["EnableDnsHostnames"]),
            default: false,
            flow_logs: Vec::new(),
        })),
        "AWS::EC2::FlowLog" => {
            let log = FlowLog {
                traffic_type: at(p, &["TrafficType"]),
                destination_type: at(p, &["LogDestinationType"]),
                resource: p.get("ResourceId").map(Link::from_node),
                pos: cx.pos,
            };
            // Only a flow log of a VPC resolves to a VPC of the template.
            let joined = log.clone();
            cx.join(p.get("ResourceId"), move |k| {
                if let Kind::Vpc(v) = k {
                    v.flow_logs.push(joined);
                }
            });
            Kind::FlowLog(Box::new(log))
        }
        "AWS::ElasticLoadBalancingV2::LoadBalancer" => {
            Kind::LoadBalancer(Box::new(load_balancer(p)))
        }
        "AWS::Logs::LogGroup" => Kind::LogGroup(Box::new(LogGroup {
            name: at(p, &["LogGroupName"]),
            retention_days: at(p, &["RetentionInDays"]),
            kms_key: at(p, &["KmsKeyId"]),
        })),
        "AWS::WAFv2::WebACL" => Kind::WebAcl(Box::new(WebAcl {
            name: at(p, &["Name"]),
            scope: at(p, &["Scope"]),
            logging: Value::Absent,
        })),
        "AWS::WAFv2::LoggingConfiguration" => {
            let pos = cx.pos;
            cx.join(p.get("ResourceArn"), move |k| {
                if let Kind::WebAcl(w) = k {
                    w.logging = Value::Known(true, pos);
                }
            });
            Kind::Other
        }
        // A deployment that names a stage creates it, configured by `StageDescription`.
        "AWS::ApiGateway::Deployment" if p.get("StageName").is_some_and(|n| !n.is_null()) => {
            Kind::ApiStage(Box::new(deployment_stage(p)))
        }
        _ => return None,
    };
    Some(kind)
}

/// Why a node cannot be enumerated statically, if it cannot.
fn not_enumerable(node: Option<&Node>) -> Option<(String, Pos)> {
    let n = node?;
    match &n.v {
        V::Unknown(r) => Some((r.to_string(), n.pos)),
        V::Ref(r) => Some((format!("refers to `{}`", r.target), n.pos)),
        _ => None,
    }
}

fn values(node: Option<&Node>) -> Vec<Value<String>> {
    items(node).iter().map(|n| value(Some(n))).collect()
}

/// The settings of `AWS::CloudTrail::Trail` beyond the basic ones read in `adapt`.
pub(super) fn trail(p: &Node) -> Trail {
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

fn method_setting(m: &Node, all_methods: bool) -> MethodSetting {
    MethodSetting {
        all_methods,
        logging_level: at(m, &["LoggingLevel"]),
        caching_enabled: at(m, &["CachingEnabled"]),
        cache_data_encrypted: at(m, &["CacheDataEncrypted"]),
        pos: m.pos,
    }
}

/// `MethodSettings` of a REST stage: the setting for `/*` and `*` applies to every method.
fn method_settings(node: Option<&Node>, stage: &mut ApiStage) {
    if let Some(u) = not_enumerable(node) {
        stage.method_settings_unknown = Some(u);
        return;
    }
    for m in items(node) {
        let all = at::<String>(m, &["ResourcePath"])
            .known()
            .map(String::as_str)
            == Some("/*")
            && at::<String>(m, &["HttpMethod"]).known().map(String::as_str) == Some("*");
        stage.method_settings.push(method_setting(m, all));
    }
}

/// The settings of a REST API stage (`AWS::ApiGateway::Stage`, `AWS::Serverless::Api`) beyond
/// the basic ones read in `adapt`.
pub(super) fn rest_stage(p: &Node) -> ApiStage {
    let mut s = ApiStage {
        rest: true,
        stage_name: at(p, &["StageName"]),
        api: p.get("RestApiId").map(Link::from_node),
        cache_cluster: at(p, &["CacheClusterEnabled"]),
        ..ApiStage::default()
    };
    method_settings(p.get("MethodSettings"), &mut s);
    s
}

/// The settings of an HTTP or WebSocket API stage (`AWS::ApiGatewayV2::Stage`,
/// `AWS::Serverless::HttpApi`) beyond the basic ones read in `adapt`.
pub(super) fn v2_stage(p: &Node) -> ApiStage {
    let mut s = ApiStage {
        rest: false,
        stage_name: at(p, &["StageName"]),
        api: p.get("ApiId").map(Link::from_node),
        ..ApiStage::default()
    };
    if let Some(d) = p.get("DefaultRouteSettings").filter(|d| !d.is_null()) {
        s.method_settings.push(method_setting(d, true));
    }
    s
}

/// The stage an `AWS::ApiGateway::Deployment` creates.
fn deployment_stage(p: &Node) -> ApiStage {
    let d = p.get("StageDescription").filter(|d| !d.is_null());
    let get = |k: &str| d.and_then(|d| d.get(k));
    let mut s = ApiStage {
        access_logging: present(get("AccessLogSetting")),
        tracing: value(get("TracingEnabled")),
        rest: true,
        stage_name: at(p, &["StageName"]),
        api: p.get("RestApiId").map(Link::from_node),
        cache_cluster: value(get("CacheClusterEnabled")),
        ..ApiStage::default()
    };
    // Stage-wide settings written directly in the description.
    if let Some(d) = d {
        let stage_wide = method_setting(d, true);
        if !(stage_wide.logging_level.is_absent()
            && stage_wide.caching_enabled.is_absent()
            && stage_wide.cache_data_encrypted.is_absent())
        {
            s.method_settings.push(stage_wide);
        }
    }
    method_settings(get("MethodSettings"), &mut s);
    s
}

fn aggregation_source(s: &Node, organization: bool) -> AggregationSource {
    AggregationSource {
        all_regions: at(s, &["AllAwsRegions"]),
        regions: values(s.get("AwsRegions")),
        organization,
        pos: s.pos,
    }
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

fn load_balancer(p: &Node) -> LoadBalancer {
    let mut lb = LoadBalancer {
        name: at(p, &["Name"]),
        lb_type: at(p, &["Type"]),
        scheme: at(p, &["Scheme"]),
        ..LoadBalancer::default()
    };
    let attrs = p.get("LoadBalancerAttributes");
    if let Some(u) = not_enumerable(attrs) {
        lb.attributes_unknown = Some(u);
        return lb;
    }
    for a in items(attrs) {
        let v = a.get("Value");
        match a.get("Key").and_then(Node::as_str) {
            Some("access_logs.s3.enabled") => lb.access_logs = value(v),
            Some("deletion_protection.enabled") => lb.deletion_protection = value(v),
            Some("routing.http.drop_invalid_header_fields.enabled") => {
                lb.drop_invalid_header_fields = value(v)
            }
            Some("routing.http.desync_mitigation_mode") => lb.desync_mitigation_mode = value(v),
            Some(_) => {}
            None => {
                lb.attributes_unknown.get_or_insert((
                    "an attribute whose key is not statically known".into(),
                    a.pos,
                ));
            }
        }
    }
    lb
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use wasp_model::{guardduty_feature as gd, Kind, Link, Model, Value};

    use super::super::{load, parse, CfnOptions};

    fn model(text: &str) -> Model {
        let doc = parse(text).expect("parses");
        let l = load(Path::new("t.yaml"), &doc, &CfnOptions::default());
        assert!(l.errors.is_empty(), "{:?}", l.errors);
        l.model
    }

    fn kind<'m>(m: &'m Model, id: &str) -> &'m Kind {
        &m.get(id).expect("resource").kind
    }

    #[test]
    fn trail_reads_selectors_and_its_bucket() {
        let m = model(
            r#"
Parameters:
  Selectors: {Type: String}
Resources:
  Bucket: {Type: AWS::S3::Bucket}
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: !Ref Bucket
      AdvancedEventSelectors:
        - Name: s3
          FieldSelectors:
            - {Field: eventCategory, Equals: [Data]}
            - {Field: resources.ARN, StartsWith: ["arn:aws:s3:::data/"]}
  Unknown:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      EventSelectors: !Ref Selectors
"#,
        );
        let Kind::Trail(t) = kind(&m, "Trail") else {
            panic!()
        };
        assert!(matches!(&t.s3_bucket, Some(Link::Address(a, _)) if a == "Bucket"));
        let sel = &t.advanced_event_selectors[0];
        assert_eq!(sel.field_selectors.len(), 2);
        assert!(sel.field("resources.arn").unwrap().other_operators);
        assert!(t.selectors_unknown.is_none());
        let Kind::Trail(u) = kind(&m, "Unknown") else {
            panic!()
        };
        assert!(u.selectors_unknown.is_some());
        assert!(matches!(&u.s3_bucket, Some(Link::Name(n, _)) if n == "logs"));
    }

    #[test]
    fn deployment_with_a_stage_name_is_a_stage() {
        let m = model(
            r#"
Resources:
  Api: {Type: AWS::ApiGateway::RestApi, Properties: {Name: a}}
  Deployment:
    Type: AWS::ApiGateway::Deployment
    Properties:
      RestApiId: !Ref Api
      StageName: prod
      StageDescription:
        LoggingLevel: INFO
        TracingEnabled: true
        MethodSettings:
          - {ResourcePath: /orders, HttpMethod: GET, CachingEnabled: true}
  Bare:
    Type: AWS::ApiGateway::Deployment
    Properties:
      RestApiId: !Ref Api
"#,
        );
        let Kind::ApiStage(s) = kind(&m, "Deployment") else {
            panic!()
        };
        assert!(s.rest);
        assert_eq!(s.stage_name.known().map(String::as_str), Some("prod"));
        assert_eq!(s.tracing, Value::Known(true, s.tracing.pos().unwrap()));
        assert_eq!(s.method_settings.len(), 2);
        assert!(s.method_settings[0].all_methods);
        assert!(!s.method_settings[1].all_methods);
        assert!(matches!(kind(&m, "Bare"), Kind::Other));
    }

    #[test]
    fn detector_features_override_legacy_data_sources() {
        let m = model(
            r#"
Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true
      DataSources:
        S3Logs: {Enable: true}
      Features:
        - {Name: S3_DATA_EVENTS, Status: DISABLED}
        - {Name: rds_login_events, Status: ENABLED}
"#,
        );
        let Kind::Detector(d) = kind(&m, "Detector") else {
            panic!()
        };
        assert_eq!(
            d.feature(gd::S3_DATA_EVENTS).unwrap().enabled.known(),
            Some(&false)
        );
        assert_eq!(
            d.feature(gd::RDS_LOGIN_EVENTS).unwrap().enabled.known(),
            Some(&true)
        );
        assert!(d.feature(gd::EKS_AUDIT_LOGS).is_none());
    }

    #[test]
    fn load_balancer_attributes_and_flow_logs() {
        let m = model(
            r#"
Parameters:
  Key: {Type: String}
Resources:
  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      LoadBalancerAttributes:
        - {Key: access_logs.s3.enabled, Value: "true"}
        - {Key: routing.http.desync_mitigation_mode, Value: monitor}
        - {Key: !Ref Key, Value: "true"}
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  Log:
    Type: AWS::EC2::FlowLog
    Properties: {ResourceType: VPC, ResourceId: !Ref Vpc, TrafficType: REJECT}
"#,
        );
        let Kind::LoadBalancer(lb) = kind(&m, "Lb") else {
            panic!()
        };
        assert_eq!(lb.access_logs.known(), Some(&true));
        assert_eq!(
            lb.desync_mitigation_mode.known().map(String::as_str),
            Some("monitor")
        );
        assert!(lb.attributes_unknown.is_some());
        assert_eq!(lb.is_application().known(), Some(&true));
        let Kind::Vpc(v) = kind(&m, "Vpc") else {
            panic!()
        };
        assert_eq!(v.flow_logs.len(), 1);
        assert_eq!(
            v.flow_logs[0].traffic_type.known().map(String::as_str),
            Some("REJECT")
        );
        assert!(matches!(kind(&m, "Log"), Kind::FlowLog(_)));
    }
}
