use std::path::Path;

use wasp_core::Pos;
use wasp_model::{Kind, Model, Value, V};

use super::*;

fn load_text(text: &str, params: &[(&str, &str)]) -> CfnLoad {
    let doc = parse(text).expect("parses");
    assert!(is_template(&doc));
    let opts = CfnOptions {
        params: params
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    };
    load(Path::new("t.yaml"), &doc, &opts)
}

fn model(text: &str) -> Model {
    let l = load_text(text, &[]);
    assert!(l.errors.is_empty(), "{:?}", l.errors);
    l.model
}

fn bucket<'m>(m: &'m Model, id: &str) -> &'m wasp_model::Bucket {
    match &m.get(id).expect("resource").kind {
        Kind::Bucket(b) => b,
        k => panic!("not a bucket: {k:?}"),
    }
}

#[test]
fn short_and_long_forms_resolve_alike() {
    let m = model(
        r#"
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env: {Type: String, Default: prod}
  Algo: {Type: String}
Mappings:
  Enc: {prod: {Alg: "aws:kms"}, dev: {Alg: AES256}}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: {"Fn::Equals": [{"Ref": Env}, dev]}
Resources:
  Short:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "${Env}-${AWS::Region}-data"
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: !FindInMap [Enc, !Ref Env, Alg]
      VersioningConfiguration:
        Status: !If [IsProd, Enabled, Suspended]
  Long:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: {"Fn::Join": ["-", [{"Ref": Env}, "logs"]]}
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: {"Ref": Algo}
      VersioningConfiguration:
        Status: {"Fn::If": [IsDev, Enabled, Suspended]}
  OnlyDev:
    Type: AWS::S3::Bucket
    Condition: IsDev
"#,
    );
    let s = bucket(&m, "Short");
    assert!(s.name.is_unknown(), "pseudo parameter makes it unknown");
    assert_eq!(s.sse_algorithm.known().map(String::as_str), Some("aws:kms"));
    assert_eq!(s.versioning.known(), Some(&true));
    let l = bucket(&m, "Long");
    assert_eq!(l.name.known().map(String::as_str), Some("prod-logs"));
    match &l.sse_algorithm {
        Value::Unknown(reason, pos) => {
            assert!(
                reason.contains("parameter `Algo` has no default"),
                "{reason}"
            );
            assert_eq!(pos.line, 29);
        }
        v => panic!("{v:?}"),
    }
    assert_eq!(l.versioning.known(), Some(&false));
    assert!(
        m.get("OnlyDev").is_none(),
        "statically false condition is not scanned"
    );
}

#[test]
fn params_override_defaults() {
    let l = load_text(
        "Parameters:\n  Env: {Type: String, Default: prod}\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Condition: IsDev\nConditions:\n  IsDev: !Equals [!Ref Env, dev]\n",
        &[("Env", "dev")],
    );
    assert!(l.model.get("B").is_some());
}

#[test]
fn every_short_tag_parses() {
    let text = r#"
Resources:
  R:
    Type: AWS::S3::Bucket
    Properties:
      A: !Base64 x
      B: !Cidr [10.0.0.0/16, 4, 8]
      C: !GetAZs ""
      D: !ImportValue shared
      E: !Select [1, !Split [",", "a,b,c"]]
      F: !Sub ["${X}-y", {X: z}]
      G: !GetAtt [R, Arn]
      H: !GetAtt R.Arn
      I: !And [!Equals [a, a], !Not [!Equals [a, b]], !Or [!Equals [a, b], !Equals [c, c]]]
      J: !Transform {Name: M}
      K: !Condition C1
      L: !Join ["", [a, b]]
      M: !Ref AWS::NoValue
Conditions:
  C1: !Equals [a, a]
"#;
    let doc = parse(text).unwrap();
    let l = load(Path::new("t.yaml"), &doc, &CfnOptions::default());
    let r = l.model.get("R").unwrap();
    assert!(r.refs.contains("R"));
    // Inspect the resolved properties through a fresh context.
    let top = doc.as_map().unwrap();
    let mut ctx = resolve::Context::new(top, &CfnOptions::default());
    let props = ctx
        .resolve(
            doc.get("Resources")
                .unwrap()
                .get("R")
                .unwrap()
                .get("Properties")
                .unwrap(),
        )
        .unwrap();
    assert_eq!(props.get("A").unwrap().as_str(), Some("eA=="));
    assert!(props.get("B").unwrap().is_unknown());
    assert!(props.get("C").unwrap().is_unknown());
    assert!(props.get("D").unwrap().is_unknown());
    assert_eq!(props.get("E").unwrap().as_str(), Some("b"));
    assert_eq!(props.get("F").unwrap().as_str(), Some("z-y"));
    assert!(matches!(&props.get("G").unwrap().v, V::Ref(r) if r.attr.as_deref() == Some("Arn")));
    assert!(matches!(&props.get("H").unwrap().v, V::Ref(r) if &*r.target == "R"));
    assert_eq!(props.get("I").unwrap().v, V::Bool(true));
    assert!(props.get("J").unwrap().is_unknown());
    assert_eq!(props.get("L").unwrap().as_str(), Some("ab"));
    assert!(
        props.get("M").is_none(),
        "AWS::NoValue removes the property"
    );
}

#[test]
fn joins_bucket_policy_and_sg_rules_and_iam_policies() {
    let m = model(
        r#"
Resources:
  B:
    Type: AWS::S3::Bucket
  BP:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref B
      PolicyDocument: {Statement: [{Effect: Deny, Principal: "*", Action: "s3:*", Resource: "*", Condition: {Bool: {"aws:SecureTransport": false}}}]}
  SG:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
  In:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !GetAtt SG.GroupId
      IpProtocol: tcp
      FromPort: 22
      ToPort: 22
      CidrIp: 0.0.0.0/0
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {Statement: []}
  Pol:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: p
      PolicyDocument: {Statement: []}
      Roles: [!Ref Role]
"#,
    );
    assert!(bucket(&m, "B").policy.is_some());
    match &m.get("SG").unwrap().kind {
        Kind::SecurityGroup(g) => {
            assert_eq!(g.ingress.len(), 1);
            assert_eq!(g.ingress[0].from_port.known(), Some(&22));
            assert_eq!(g.ingress[0].pos, Pos::new(14, 3), "the ingress resource");
        }
        k => panic!("{k:?}"),
    }
    match &m.get("Role").unwrap().kind {
        Kind::Role(r) => {
            assert_eq!(r.policies.len(), 1);
            assert_eq!(r.policies[0].joined_from.as_deref(), Some("Pol"));
        }
        k => panic!("{k:?}"),
    }
}

#[test]
fn sam_functions_take_globals() {
    let m = model(
        r#"
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: python3.7
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
  Own:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
  T:
    Type: AWS::Serverless::SimpleTable
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
  Http:
    Type: AWS::Serverless::HttpApi
"#,
    );
    let rt = |id: &str| match &m.get(id).unwrap().kind {
        Kind::Function(f) => f.runtime.known().cloned(),
        _ => None,
    };
    assert_eq!(rt("Fn").as_deref(), Some("python3.7"));
    assert_eq!(rt("Own").as_deref(), Some("python3.12"));
    assert!(matches!(m.get("T").unwrap().kind, Kind::Table(_)));
    assert!(matches!(m.get("Api").unwrap().kind, Kind::ApiStage(_)));
    assert!(matches!(m.get("Http").unwrap().kind, Kind::ApiStage(_)));
}

#[test]
fn shape_errors_are_reported_and_the_rest_loads() {
    let l = load_text(
        "Resources:\n  Bad: 3\n  NoType: {Properties: {}}\n  Ok:\n    Type: AWS::S3::Bucket\n  Dangling:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref Nowhere\n",
        &[],
    );
    assert!(l.model.get("Ok").is_some());
    let msgs: Vec<_> = l.errors.iter().map(|e| e.to_string()).collect();
    assert!(
        msgs.iter()
            .any(|m| m.contains("t.yaml:2:8") && m.contains("`Bad` must be a mapping")),
        "{msgs:?}"
    );
    assert!(
        msgs.iter().any(|m| m.contains("`NoType` has no `Type`")),
        "{msgs:?}"
    );
    assert!(msgs.iter().any(|m| m.contains("`Nowhere`")), "{msgs:?}");
}

#[test]
fn json_templates_load_with_positions() {
    let m = model("{\n \"Resources\": {\n  \"V\": {\n   \"Type\": \"AWS::EC2::Volume\",\n   \"Properties\": {\"Encrypted\": false}\n  }\n }\n}");
    let r = m.get("V").unwrap();
    assert_eq!(r.pos, Pos::new(3, 3));
    match &r.kind {
        Kind::Volume(v) => assert_eq!(v.encrypted, Value::Known(false, Pos::new(5, 32))),
        k => panic!("{k:?}"),
    }
}
