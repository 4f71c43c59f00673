//! Network and compute adapters: joins, unknowns and plan values for both source formats.

use std::path::{Path, PathBuf};

use wasp_iac::cfn::{self, CfnOptions};
use wasp_iac::terraform::{load_dirs, load_plan, TfOptions};
use wasp_model::{Kind, Model, Resource, Value};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/terraform/network")
        .join(name)
}

fn terraform(name: &str) -> Model {
    let mut loads = load_dirs(&[fixture(name)], &TfOptions::default());
    assert_eq!(loads.len(), 1);
    let l = loads.remove(0);
    assert!(l.errors.is_empty(), "{:?}", l.errors);
    l.model
}

fn cloudformation(text: &str) -> Model {
    let doc = cfn::parse(text).expect("parses");
    let l = cfn::load(Path::new("t.yaml"), &doc, &CfnOptions::default());
    assert!(l.errors.is_empty(), "{:?}", l.errors);
    l.model
}

fn res<'a>(m: &'a Model, addr: &str) -> &'a Resource {
    m.get(addr).unwrap_or_else(|| {
        let all: Vec<_> = m.resources.iter().map(|r| r.address.as_str()).collect();
        panic!("no resource `{addr}` in {all:?}")
    })
}

#[test]
fn terraform_unknown_sources_stay_unknown() {
    let m = terraform("unknowns");
    let Kind::TaskDefinition(t) = &res(&m, "aws_ecs_task_definition.from_var").kind else {
        panic!("not a task definition")
    };
    assert!(t.containers.is_empty());
    assert!(t.containers_unknown.is_some());

    let Kind::TaskDefinition(t) = &res(&m, "aws_ecs_task_definition.env_from_var").kind else {
        panic!("not a task definition")
    };
    assert_eq!(t.containers.len(), 1);
    let (name, value) = &t.containers[0].environment[0];
    assert_eq!(name, "*");
    assert!(value.is_unknown());

    let Kind::TaskDefinition(t) = &res(&m, "aws_ecs_task_definition.bad_json").kind else {
        panic!("not a task definition")
    };
    let (reason, _) = t.containers_unknown.as_ref().expect("unknown");
    assert!(reason.contains("not valid JSON"), "{reason}");

    let Kind::NetworkAcl(acl) = &res(&m, "aws_network_acl.dynamic").kind else {
        panic!("not a network ACL")
    };
    assert!(acl.entries.is_empty());
    assert!(acl.entries_unknown.is_some());
}

#[test]
fn terraform_sub_resources_join() {
    let m = terraform("joins");
    let Kind::EcrRepository(r) = &res(&m, "aws_ecr_repository.app").kind else {
        panic!("not a repository")
    };
    assert!(r.policy.is_some(), "policy joined by repository name");

    let Kind::NetworkAcl(acl) = &res(&m, "aws_network_acl.acl").kind else {
        panic!("not a network ACL")
    };
    assert_eq!(acl.entries.len(), 2);
    let inbound = acl
        .entries
        .iter()
        .find(|e| e.egress.known() == Some(&false))
        .expect("inbound entry (egress defaults to false)");
    assert_eq!(inbound.protocol.known().map(String::as_str), Some("tcp"));
    assert_eq!(inbound.action.known().map(String::as_str), Some("deny"));
    let outbound = acl
        .entries
        .iter()
        .find(|e| e.egress.known() == Some(&true))
        .expect("outbound entry");
    assert_eq!(outbound.protocol.known().map(String::as_str), Some("-1"));

    let Kind::WebAclAssociation(a) = &res(&m, "aws_wafv2_web_acl_association.web").kind else {
        panic!("not an association")
    };
    assert_eq!(a.target.as_deref(), Some("aws_lb.web"));

    let Kind::LaunchConfiguration(c) = &res(&m, "aws_launch_configuration.lc").kind else {
        panic!("not a launch configuration")
    };
    assert_eq!(
        c.user_data.known().map(String::as_str),
        Some("echo hello"),
        "user_data_base64 decoded"
    );
    assert_eq!(c.monitoring.known(), Some(&false));
    assert_eq!(c.block_devices.len(), 1);
}

#[test]
fn terraform_plan_values_adapt() {
    let path = fixture("plan/plan.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let doc = wasp_iac::json::parse(&text).unwrap();
    let l = load_plan(&path, &doc);
    assert!(l.errors.is_empty(), "{:?}", l.errors);
    let m = &l.model;

    let Kind::TaskDefinition(t) = &res(m, "aws_ecs_task_definition.app").kind else {
        panic!("not a task definition")
    };
    assert_eq!(t.containers.len(), 1);
    assert_eq!(t.containers[0].privileged.known(), Some(&true));
    assert!(t.pid_mode.is_absent());

    let Kind::WebAclAssociation(a) = &res(m, "aws_wafv2_web_acl_association.web").kind else {
        panic!("not an association")
    };
    assert_eq!(
        a.target.as_deref(),
        Some("aws_lb.web"),
        "known after apply, joined by the configuration's reference"
    );

    let Kind::NetworkAcl(acl) = &res(m, "aws_network_acl.acl").kind else {
        panic!("not a network ACL")
    };
    assert_eq!(acl.entries.len(), 1);
    assert_eq!(acl.entries[0].from_port.known(), Some(&22));

    let Kind::Instance(c) = &res(m, "aws_instance.app").kind else {
        panic!("not an instance")
    };
    assert!(
        c.user_data.is_unknown(),
        "a plan holds only the hash of user data"
    );
}

#[test]
fn cloudformation_joins_and_defaults() {
    let m = cloudformation(
        r#"
AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    FunctionUrlConfig:
      AuthType: NONE
Resources:
  Acl:
    Type: AWS::EC2::NetworkAcl
    Properties:
      VpcId: vpc-12345678
  Entry:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: !Ref Acl
      RuleNumber: 100
      Protocol: 17
      RuleAction: ALLOW
      CidrBlock: 0.0.0.0/0
      PortRange: {From: 53, To: 53}
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: no egress declared
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        IamInstanceProfile:
          Arn: arn:aws:iam::111122223333:instance-profile/app
        Monitoring:
          Enabled: true
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      Version: "1.31"
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-1]
        PublicAccessCidrs: [203.0.113.0/24]
      EncryptionConfig:
        - Resources: [secrets]
          Provider: {KeyArn: arn:aws:kms:eu-west-1:111122223333:key/abc}
      Logging:
        ClusterLogging:
          EnabledTypes: [{Type: audit}]
  Function:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: index.handler
      CodeUri: src/
"#,
    );
    let Kind::NetworkAcl(acl) = &res(&m, "Acl").kind else {
        panic!("not a network ACL")
    };
    assert_eq!(acl.entries.len(), 1);
    let e = &acl.entries[0];
    assert_eq!(e.protocol.known().map(String::as_str), Some("udp"));
    assert_eq!(e.action.known().map(String::as_str), Some("allow"));
    assert!(e.egress.is_absent());
    assert_eq!(e.to_port.known(), Some(&53));

    let Kind::SecurityGroup(g) = &res(&m, "Group").kind else {
        panic!("not a security group")
    };
    assert!(g.implicit_egress_all);

    let Kind::LaunchTemplate(c) = &res(&m, "Template").kind else {
        panic!("not a launch template")
    };
    assert!(c.instance_profile.known().is_some());
    assert_eq!(c.monitoring.known(), Some(&true));

    let Kind::EksCluster(k) = &res(&m, "Cluster").kind else {
        panic!("not a cluster")
    };
    assert!(k.endpoint_public.is_absent());
    assert_eq!(k.public_access_cidrs.as_ref().map(Vec::len), Some(1));
    assert!(k.secrets_kms_key.known().is_some());
    let types: Vec<_> = k
        .log_types
        .iter()
        .flatten()
        .filter_map(Value::known)
        .collect();
    assert_eq!(types, ["audit"]);

    let Kind::Function(f) = &res(&m, "Function").kind else {
        panic!("not a function")
    };
    assert_eq!(
        f.url_auth_type.known().map(String::as_str),
        Some("NONE"),
        "from SAM Globals"
    );
}
