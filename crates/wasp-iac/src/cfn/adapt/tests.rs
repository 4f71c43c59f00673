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
fn topic_and_queue_policies_join_their_targets() {
    let m = model(
        r#"
Resources:
  T: {Type: AWS::SNS::Topic}
  Q: {Type: AWS::SQS::Queue}
  TP:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: [!Ref T]
      PolicyDocument: {Statement: [{Effect: Allow, Principal: "*", Action: sns:Publish, Resource: "*"}]}
  QP:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Q]
      PolicyDocument: '{"Statement": []}'
"#,
    );
    let Kind::Topic(t) = kind(&m, "T") else {
        panic!()
    };
    assert_eq!(
        t.policy.as_ref().unwrap().joined_from.as_deref(),
        Some("TP")
    );
    let Kind::Queue(q) = kind(&m, "Q") else {
        panic!()
    };
    assert!(q.policy.as_ref().unwrap().document.known().is_some());
}

#[test]
fn distribution_without_viewer_certificate_uses_the_default_one() {
    let m = model(
        r#"
Resources:
  D:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Origins:
          - {Id: a, DomainName: a.example.com, CustomOriginConfig: {OriginProtocolPolicy: https-only}}
          - {Id: b, DomainName: b.s3.amazonaws.com, S3OriginConfig: {}}
        DefaultCacheBehavior: {TargetOriginId: a, ViewerProtocolPolicy: allow-all}
"#,
    );
    let Kind::Distribution(d) = kind(&m, "D") else {
        panic!()
    };
    assert!(d.default_certificate.is_absent() && d.viewer_certificate_pos.is_none());
    assert_eq!(d.viewer_protocol_policies.len(), 1);
    assert!(d.origins[0].custom && !d.origins[0].s3);
    assert!(d.origins[1].s3 && d.origins[1].access_identity.is_absent());
}

#[test]
fn classic_negotiation_policies_attach_by_name_and_port() {
    let m = model(
        r#"
Resources:
  LB:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Policies:
        - PolicyName: p
          PolicyType: SSLNegotiationPolicyType
          LoadBalancerPorts: ["443"]
          Attributes: [{Name: Reference-Security-Policy, Value: ELBSecurityPolicy-TLS-1-2-2017-01}]
        - {PolicyName: s, PolicyType: LBCookieStickinessPolicyType}
      Listeners:
        - {LoadBalancerPort: "443", InstancePort: "80", Protocol: https}
        - {LoadBalancerPort: "8443", InstancePort: "80", Protocol: SSL, PolicyNames: [s]}
"#,
    );
    let Kind::ClassicLoadBalancer(lb) = kind(&m, "LB") else {
        panic!()
    };
    assert_eq!(lb.ssl_policies.len(), 1);
    assert_eq!(
        lb.listeners[0].protocol.known().map(String::as_str),
        Some("HTTPS")
    );
    assert_eq!(lb.listeners[0].policy_names.len(), 1);
    assert_eq!(lb.listeners[1].policy_names.len(), 1);
}

#[test]
fn parameter_groups_keep_their_parameters() {
    let m = model(
        r#"
Resources:
  R:
    Type: AWS::Redshift::ClusterParameterGroup
    Properties:
      ParameterGroupFamily: redshift-1.0
      Parameters: [{ParameterName: require_ssl, ParameterValue: "true"}]
  P:
    Type: AWS::RDS::DBParameterGroup
    Properties:
      Family: postgres16
      Parameters: {rds.force_ssl: 1}
"#,
    );
    let Kind::ParameterGroup(r) = kind(&m, "R") else {
        panic!()
    };
    assert!(matches!(r.parameter("REQUIRE_SSL"), Some(Value::Known(v, _)) if v == "true"));
    let Kind::ParameterGroup(p) = kind(&m, "P") else {
        panic!()
    };
    assert!(matches!(p.parameter("rds.force_ssl"), Some(Value::Known(v, _)) if v == "1"));
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
