//! CloudFormation resources (resolved properties) into typed model kinds.
//!
//! Resources that refer to another one to configure it (`AWS::S3::BucketPolicy`,
//! `AWS::EC2::SecurityGroupIngress`, `AWS::IAM::Policy`, listener rules) are joined into
//! their target in a second pass.

use std::collections::{BTreeSet, HashMap};

use wasp_core::{FileRef, Pos};
use wasp_model::{
    items, path, value, ApiStage, BlockDevice, Bucket, Compute, Database, FromNode, Function, Kind,
    KmsKey, Link, Listener, ListenerAction, ManagedPolicy, Metadata, Model, Node, PolicyDoc,
    Principal, PublicAccessBlock, Resource, SecurityGroup, SgRule, Table, Trail, Value, Volume, V,
};

/// One resource of a template after intrinsic resolution.
pub struct Raw {
    pub address: String,
    pub source_type: String,
    pub pos: Pos,
    pub props: Node,
    pub metadata: Option<Node>,
    pub refs: BTreeSet<String>,
}

/// The properties whose adapter reads `${Name}` placeholders for deploy-time parts of a
/// `Fn::Sub` or `Fn::Join` (see the [`super::resolve`] module docs), by resource type and path
/// of keys below `Properties`. Any other property built from deploy-time values stays unknown.
///
/// - managed policy ARNs: AWS managed policies are recognised by the name after
///   `:iam::aws:policy/`, whatever the partition (`arn:${AWS::Partition}:...`);
/// - user data: the secret scan reads the literal text around `${AWS::Region}` or
///   `${Db.Endpoint.Address}`, and takes a placeholder for an expansion, never a secret.
pub const PLACEHOLDER_PROPERTIES: &[(&str, &[&str])] = &[
    ("AWS::IAM::Role", &["ManagedPolicyArns"]),
    ("AWS::IAM::User", &["ManagedPolicyArns"]),
    ("AWS::IAM::Group", &["ManagedPolicyArns"]),
    ("AWS::EC2::Instance", &["UserData"]),
    (
        "AWS::EC2::LaunchTemplate",
        &["LaunchTemplateData", "UserData"],
    ),
    ("AWS::AutoScaling::LaunchConfiguration", &["UserData"]),
];

/// Something one resource contributes to another.
pub(super) enum Join {
    BucketPolicy(PolicyDoc),
    Ingress(SgRule),
    Egress(SgRule),
    Policy(PolicyDoc),
    ListenerActions(Vec<ListenerAction>),
    /// Any other change, applied to the target's kind.
    Apply(Box<dyn FnOnce(&mut Kind)>),
}

/// What an area's adapter may use: the resource being adapted, and joins into others.
pub(super) struct AreaCx<'a> {
    pub address: &'a str,
    pub pos: Pos,
    joins: &'a mut Vec<(Option<To>, Join, Pos)>,
}

impl AreaCx<'_> {
    /// Applies `f` to the resource that `target` names (`!Ref X`, `!GetAtt X.Attr`, or a
    /// physical name), after every resource has been adapted.
    pub fn join(&mut self, target: Option<&Node>, f: impl FnOnce(&mut Kind) + 'static) {
        self.joins
            .push((self::target(target), Join::Apply(Box::new(f)), self.pos));
    }
}

/// Reads a typed value at a path of keys below `node`.
pub(super) fn at<T: FromNode>(node: &Node, keys: &[&str]) -> Value<T> {
    value(path(Some(node), keys))
}

/// `sam_function_globals`: the `Globals.Function` section of a SAM template, whose settings
/// apply to every `AWS::Serverless::Function` that does not set them itself.
pub fn adapt(file: FileRef, raws: Vec<Raw>, sam_function_globals: Option<&Node>) -> Model {
    let mut joins: Vec<(Option<To>, Join, Pos)> = Vec::new();
    let mut resources = Vec::with_capacity(raws.len());
    for raw in raws {
        let p = &raw.props;
        let kind = match raw.source_type.as_str() {
            "AWS::S3::Bucket" => Kind::Bucket(Box::new(bucket(p))),
            "AWS::S3::BucketPolicy" => {
                let doc = policy_doc(p, "PolicyDocument", "bucket policy", Some(&raw.address));
                joins.push((target(p.get("Bucket")), Join::BucketPolicy(doc), raw.pos));
                Kind::Other
            }
            "AWS::EC2::SecurityGroup" => Kind::SecurityGroup(Box::new(security_group(p))),
            "AWS::EC2::SecurityGroupIngress" => {
                // `GroupName` (default VPC): `!Ref` of a group returns its name there.
                let to = target(p.get("GroupId")).or_else(|| target(p.get("GroupName")));
                joins.push((to, Join::Ingress(sg_rule(p, raw.pos)), raw.pos));
                Kind::Other
            }
            "AWS::EC2::SecurityGroupEgress" => {
                let to = target(p.get("GroupId")).or_else(|| target(p.get("GroupName")));
                joins.push((to, Join::Egress(sg_rule(p, raw.pos)), raw.pos));
                Kind::Other
            }
            "AWS::IAM::Role" => Kind::Role(Box::new(principal(p, "RoleName", true))),
            "AWS::IAM::User" => Kind::User(Box::new(principal(p, "UserName", false))),
            "AWS::IAM::Group" => Kind::Group(Box::new(principal(p, "GroupName", false))),
            "AWS::IAM::ManagedPolicy" | "AWS::IAM::Policy" => {
                let name = p
                    .get("PolicyName")
                    .or_else(|| p.get("ManagedPolicyName"))
                    .and_then(Node::as_str)
                    .unwrap_or(&raw.address)
                    .to_string();
                let doc = policy_doc(p, "PolicyDocument", &name, None);
                let mut joined = doc.clone();
                joined.joined_from = Some(raw.address.clone());
                for key in ["Roles", "Users", "Groups"] {
                    for t in items(p.get(key)) {
                        joins.push((target(Some(t)), Join::Policy(joined.clone()), raw.pos));
                    }
                }
                Kind::ManagedPolicy(Box::new(ManagedPolicy {
                    document: Some(doc),
                }))
            }
            "AWS::IAM::RolePolicy" | "AWS::IAM::UserPolicy" | "AWS::IAM::GroupPolicy" => {
                let name = p
                    .get("PolicyName")
                    .and_then(Node::as_str)
                    .unwrap_or(&raw.address)
                    .to_string();
                let doc = policy_doc(p, "PolicyDocument", &name, None);
                let mut joined = doc.clone();
                joined.joined_from = Some(raw.address.clone());
                let key = match raw.source_type.as_str() {
                    "AWS::IAM::RolePolicy" => "RoleName",
                    "AWS::IAM::UserPolicy" => "UserName",
                    _ => "GroupName",
                };
                joins.push((target(p.get(key)), Join::Policy(joined), raw.pos));
                Kind::ManagedPolicy(Box::new(ManagedPolicy {
                    document: Some(doc),
                }))
            }
            "AWS::KMS::Key" => Kind::KmsKey(Box::new(KmsKey {
                rotation: at(p, &["EnableKeyRotation"]),
                key_spec: at(p, &["KeySpec"]),
                policy: p
                    .get("KeyPolicy")
                    .map(|_| policy_doc(p, "KeyPolicy", "key policy", None)),
                deletion_window: at(p, &["PendingWindowInDays"]),
            })),
            "AWS::CloudTrail::Trail" => Kind::Trail(Box::new(Trail {
                multi_region: at(p, &["IsMultiRegionTrail"]),
                log_file_validation: at(p, &["EnableLogFileValidation"]),
                kms_key: at(p, &["KMSKeyId"]),
                cloudwatch_logs_group: at(p, &["CloudWatchLogsLogGroupArn"]),
                is_logging: at(p, &["IsLogging"]),
                ..super::detection::trail(p)
            })),
            "AWS::EC2::Volume" => Kind::Volume(Box::new(Volume {
                encrypted: at(p, &["Encrypted"]),
                kms_key: at(p, &["KmsKeyId"]),
            })),
            "AWS::EC2::Instance" => Kind::Instance(Box::new(compute(p))),
            "AWS::EC2::LaunchTemplate" => {
                let data = p
                    .get("LaunchTemplateData")
                    .cloned()
                    .unwrap_or_else(|| Node::null(raw.pos));
                Kind::LaunchTemplate(Box::new(compute(&data)))
            }
            "AWS::RDS::DBInstance" => Kind::DbInstance(Box::new(database(p))),
            "AWS::RDS::DBCluster" => Kind::DbCluster(Box::new(database(p))),
            "AWS::Lambda::Function" => Kind::Function(Box::new(function(p, None))),
            "AWS::Serverless::Function" => {
                Kind::Function(Box::new(function(p, sam_function_globals)))
            }
            "AWS::ElasticLoadBalancingV2::Listener" => Kind::Listener(Box::new(Listener {
                protocol: at(p, &["Protocol"]),
                port: at(p, &["Port"]),
                ssl_policy: at(p, &["SslPolicy"]),
                default_actions: listener_actions(p.get("DefaultActions")),
                rule_actions: Vec::new(),
            })),
            "AWS::ElasticLoadBalancingV2::ListenerRule" => {
                let actions = listener_actions(p.get("Actions"));
                joins.push((
                    target(p.get("ListenerArn")),
                    Join::ListenerActions(actions),
                    raw.pos,
                ));
                Kind::Other
            }
            "AWS::DynamoDB::Table" | "AWS::Serverless::SimpleTable" => {
                Kind::Table(Box::new(Table {
                    sse_enabled: at(p, &["SSESpecification", "SSEEnabled"]),
                    kms_key: at(p, &["SSESpecification", "KMSMasterKeyId"]),
                    point_in_time_recovery: at(
                        p,
                        &[
                            "PointInTimeRecoverySpecification",
                            "PointInTimeRecoveryEnabled",
                        ],
                    ),
                    deletion_protection: at(p, &["DeletionProtectionEnabled"]),
                }))
            }
            "AWS::ApiGateway::Stage" | "AWS::Serverless::Api" => {
                Kind::ApiStage(Box::new(ApiStage {
                    access_logging: present(p.get("AccessLogSetting")),
                    tracing: at(p, &["TracingEnabled"]),
                    ..super::detection::rest_stage(p)
                }))
            }
            "AWS::ApiGatewayV2::Stage" | "AWS::Serverless::HttpApi" => {
                Kind::ApiStage(Box::new(ApiStage {
                    access_logging: present(p.get("AccessLogSettings")),
                    tracing: Value::Absent,
                    ..super::detection::v2_stage(p)
                }))
            }
            ty => {
                let mut cx = AreaCx {
                    address: &raw.address,
                    pos: raw.pos,
                    joins: &mut joins,
                };
                super::identity::adapt(ty, p, &mut cx)
                    .or_else(|| super::detection::adapt(ty, p, &mut cx))
                    .or_else(|| super::network::adapt(ty, p, &mut cx))
                    .or_else(|| super::data::adapt(ty, p, &mut cx))
                    .unwrap_or(Kind::Other)
            }
        };
        resources.push(Resource {
            address: raw.address,
            source_type: raw.source_type,
            source: &super::SOURCE,
            file: file.clone(),
            pos: raw.pos,
            kind,
            ignores: metadata_ignores(raw.metadata.as_ref()),
            refs: raw.refs,
            ids: Vec::new(),
        });
    }
    // Joins find their target by address or by physical name: both indexed, the first
    // resource of a name winning as a scan in template order would find it.
    let mut by_address: HashMap<String, usize> = HashMap::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for (i, r) in resources.iter().enumerate() {
        by_address.entry(r.address.clone()).or_insert(i);
        if let Some(n) = physical_name(&r.kind) {
            by_name.entry(n.to_string()).or_insert(i);
        }
    }
    for (to, join, _pos) in joins {
        let Some(to) = to else { continue };
        let found = match &to {
            To::Address(a) => by_address.get(a),
            To::Name(n) => by_name.get(n),
        };
        let Some(res) = found.map(|&i| &mut resources[i]) else {
            continue;
        };
        match (&mut res.kind, join) {
            (Kind::Bucket(b), Join::BucketPolicy(doc)) => b.policy = Some(doc),
            (Kind::SecurityGroup(g), Join::Ingress(r)) => g.ingress.push(r),
            (Kind::SecurityGroup(g), Join::Egress(r)) => g.egress.push(r),
            (Kind::Role(p) | Kind::User(p) | Kind::Group(p), Join::Policy(doc)) => {
                p.policies.push(doc)
            }
            (Kind::Listener(l), Join::ListenerActions(a)) => l.rule_actions.extend(a),
            (kind, Join::Apply(f)) => f(kind),
            _ => {}
        }
    }
    Model::new(resources, Vec::new())
}

/// What a configuring resource points at: another resource of the template by logical id
/// (`!Ref X`, `!GetAtt X.Attr`), or a resource by its physical name (`Bucket: my-bucket`).
pub(super) enum To {
    Address(String),
    Name(String),
}

fn target(node: Option<&Node>) -> Option<To> {
    let node = node?;
    match &node.v {
        V::Ref(r) => Some(To::Address(r.target.to_string())),
        V::Str(s) => Some(To::Name(s.to_string())),
        _ => None,
    }
}

/// The statically known physical name of a resource that other resources may name.
fn physical_name(kind: &Kind) -> Option<&str> {
    let v = match kind {
        Kind::Bucket(b) => &b.name,
        Kind::SecurityGroup(g) => &g.name,
        Kind::Role(p) | Kind::User(p) | Kind::Group(p) => &p.name,
        _ => return None,
    };
    v.known().map(String::as_str)
}

/// Present (and not null) → known true at its position; absent → absent.
pub(super) fn present(node: Option<&Node>) -> Value<bool> {
    match node {
        None => Value::Absent,
        Some(n) if n.is_null() => Value::Absent,
        Some(n) if n.is_unknown() => value(Some(n)),
        Some(n) => Value::Known(true, n.pos),
    }
}

pub(super) fn policy_doc(p: &Node, key: &str, name: &str, joined_from: Option<&str>) -> PolicyDoc {
    let node = p.get(key);
    PolicyDoc {
        name: name.to_string(),
        document: policy_value(node),
        pos: node.map(|n| n.pos).unwrap_or(p.pos),
        joined_from: joined_from.map(str::to_string),
    }
}

/// A policy document may be written as a JSON string; parse it then.
fn policy_value(node: Option<&Node>) -> Value<Node> {
    match node {
        Some(n) => match &n.v {
            V::Str(s) => match crate::json::parse(s) {
                Ok(mut doc) => {
                    reposition(&mut doc, n.pos);
                    Value::Known(doc, n.pos)
                }
                Err(e) => Value::Unknown(format!("policy is not valid JSON: {e}").into(), n.pos),
            },
            _ => value(Some(n)),
        },
        None => Value::Absent,
    }
}

/// Positions inside an embedded JSON string are relative to the string; point them at it.
fn reposition(node: &mut Node, pos: Pos) {
    node.pos = pos;
    match &mut node.v {
        V::Seq(s) => s.iter_mut().for_each(|n| reposition(n, pos)),
        V::Map(m) => m.entries.iter_mut().for_each(|e| {
            e.key_pos = pos;
            reposition(&mut e.value, pos)
        }),
        _ => {}
    }
}

fn bucket(p: &Node) -> Bucket {
    let rules = items(path(
        Some(p),
        &["BucketEncryption", "ServerSideEncryptionConfiguration"],
    ));
    let first = rules.first();
    let sse_algorithm = match first {
        Some(r) if r.is_unknown() => value(Some(r)),
        Some(r) => at(r, &["ServerSideEncryptionByDefault", "SSEAlgorithm"]),
        None => Value::Absent,
    };
    let kms_key = first
        .map(|r| at(r, &["ServerSideEncryptionByDefault", "KMSMasterKeyID"]))
        .unwrap_or_default();
    let public_access_block = p
        .get("PublicAccessBlockConfiguration")
        .map(|c| PublicAccessBlock {
            block_public_acls: at(c, &["BlockPublicAcls"]),
            ignore_public_acls: at(c, &["IgnorePublicAcls"]),
            block_public_policy: at(c, &["BlockPublicPolicy"]),
            restrict_public_buckets: at(c, &["RestrictPublicBuckets"]),
            pos: c.pos,
        });
    let versioning = match p.get("VersioningConfiguration") {
        None => Value::Absent,
        Some(v) => at::<String>(v, &["Status"]).map(|s| s == "Enabled"),
    };
    Bucket {
        name: at(p, &["BucketName"]),
        sse_algorithm,
        kms_key,
        public_access_block,
        policy: None,
        acl: at::<String>(p, &["AccessControl"]).map(|a| canned_acl(&a)),
        public_acl_grants: Vec::new(),
        versioning,
        mfa_delete: Value::Absent,
        logging: present(p.get("LoggingConfiguration")),
        object_lock: at(p, &["ObjectLockEnabled"]),
        lifecycle: lifecycle_rules(p.get("LifecycleConfiguration")),
    }
}

/// A lifecycle configuration with at least one rule: known true; an empty one: known false.
fn lifecycle_rules(cfg: Option<&Node>) -> Value<bool> {
    let Some(cfg) = cfg.filter(|c| !c.is_null()) else {
        return Value::Absent;
    };
    match path(Some(cfg), &["Rules"]) {
        Some(r) if r.is_unknown() || matches!(r.v, V::Ref(_)) => value(Some(r)),
        Some(r) => Value::Known(!items(Some(r)).is_empty(), cfg.pos),
        None => Value::Known(false, cfg.pos),
    }
}

/// CloudFormation's canned ACL names (`PublicRead`) in the S3 API form (`public-read`).
fn canned_acl(cfn: &str) -> String {
    let mut out = String::with_capacity(cfn.len() + 4);
    for (i, c) in cfn.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

fn security_group(p: &Node) -> SecurityGroup {
    let mut g = SecurityGroup {
        name: at(p, &["GroupName"]),
        vpc_id: at(p, &["VpcId"]),
        // Without egress rules in `SecurityGroupEgress`, EC2 keeps its allow-all egress rule.
        implicit_egress_all: p
            .get("SecurityGroupEgress")
            .is_none_or(|n| n.is_null() || n.as_seq().is_some_and(<[Node]>::is_empty)),
        ..SecurityGroup::default()
    };
    for (key, list) in [
        ("SecurityGroupIngress", &mut g.ingress),
        ("SecurityGroupEgress", &mut g.egress),
    ] {
        let node = p.get(key);
        if let Some(n) = node.filter(|n| n.is_unknown()) {
            g.rules_unknown = Some((
                n.first_unknown()
                    .map(|(r, _)| r.to_string())
                    .unwrap_or_default(),
                n.pos,
            ));
            continue;
        }
        for r in items(node) {
            list.push(sg_rule(r, r.pos));
        }
    }
    g
}

fn sg_rule(r: &Node, pos: Pos) -> SgRule {
    SgRule {
        protocol: at::<String>(r, &["IpProtocol"]).map(|s| s.to_ascii_lowercase()),
        from_port: at(r, &["FromPort"]),
        to_port: at(r, &["ToPort"]),
        cidr_ipv4: at(r, &["CidrIp"]),
        cidr_ipv6: at(r, &["CidrIpv6"]),
        source_group: at::<String>(r, &["SourceSecurityGroupId"])
            .or(at(r, &["SourceSecurityGroupName"]))
            .or(at(r, &["SourcePrefixListId"]))
            .or(at(r, &["DestinationSecurityGroupId"]))
            .or(at(r, &["DestinationPrefixListId"])),
        description: at(r, &["Description"]),
        pos,
    }
}

fn principal(p: &Node, name_key: &str, is_role: bool) -> Principal {
    let mut policies = Vec::new();
    for pol in items(p.get("Policies")) {
        let name = pol
            .get("PolicyName")
            .and_then(Node::as_str)
            .unwrap_or("inline policy")
            .to_string();
        policies.push(policy_doc(pol, "PolicyDocument", &name, None));
    }
    Principal {
        name: at(p, &[name_key]),
        trust_policy: is_role
            .then(|| policy_doc(p, "AssumeRolePolicyDocument", "trust policy", None)),
        policies,
        managed_policy_arns: items(p.get("ManagedPolicyArns"))
            .iter()
            .filter(|n| !matches!(n.v, V::Ref(_)))
            .map(|n| value(Some(n)))
            .collect(),
        managed_policy_refs: items(p.get("ManagedPolicyArns"))
            .iter()
            .filter(|n| matches!(n.v, V::Ref(_)))
            .map(Link::from_node)
            .collect(),
        permissions_boundary: at(p, &["PermissionsBoundary"]),
        permissions_boundary_ref: p
            .get("PermissionsBoundary")
            .filter(|n| matches!(n.v, V::Ref(_)))
            .map(Link::from_node),
        login_profile: present(p.get("LoginProfile")),
        login_password: at(p, &["LoginProfile", "Password"]),
        login_password_in_state: Value::Absent,
        groups: items(p.get("Groups")).iter().map(Link::from_node).collect(),
    }
}

pub(super) fn compute(p: &Node) -> Compute {
    let md = p.get("MetadataOptions");
    let public_ip = items(p.get("NetworkInterfaces"))
        .iter()
        .map(|ni| at::<bool>(ni, &["AssociatePublicIpAddress"]))
        .fold(Value::Absent, |acc, v| match (&acc, &v) {
            (Value::Known(true, _), _) => acc,
            (_, Value::Known(true, _)) | (Value::Absent, _) => v,
            _ => acc,
        });
    let user_data = match at::<String>(p, &["UserData"]) {
        Value::Known(s, pos) => match crate::base64::decode(&s) {
            Some(bytes) => Value::Known(String::from_utf8_lossy(&bytes).into_owned(), pos),
            None => Value::Known(s, pos),
        },
        other => other,
    };
    Compute {
        metadata: Metadata {
            http_tokens: md.map(|m| at(m, &["HttpTokens"])).unwrap_or_default(),
            http_endpoint: md.map(|m| at(m, &["HttpEndpoint"])).unwrap_or_default(),
            hop_limit: md
                .map(|m| at(m, &["HttpPutResponseHopLimit"]))
                .unwrap_or_default(),
            pos: md.map(|m| m.pos),
        },
        associate_public_ip: public_ip,
        // A name on instances and launch configurations, `{Name}` or `{Arn}` in launch templates.
        instance_profile: match p.get("IamInstanceProfile") {
            Some(n) if n.as_map().is_some() => at(n, &["Name"]).or(at(n, &["Arn"])),
            n => value(n),
        },
        user_data,
        block_devices: items(p.get("BlockDeviceMappings"))
            .iter()
            .filter(|b| b.get("Ebs").is_some())
            .map(|b| BlockDevice {
                encrypted: at(b, &["Ebs", "Encrypted"]),
                pos: b.pos,
            })
            .collect(),
        launch_template: at(p, &["LaunchTemplate", "LaunchTemplateId"])
            .or(at(p, &["LaunchTemplate", "LaunchTemplateName"])),
        // `Monitoring` is a boolean on instances, `{Enabled}` in launch template data, and
        // `InstanceMonitoring` on launch configurations.
        monitoring: match p.get("Monitoring") {
            Some(m) if m.as_map().is_some() => at(m, &["Enabled"]),
            m => value(m),
        }
        .or(at(p, &["InstanceMonitoring"])),
    }
}

fn database(p: &Node) -> Database {
    Database {
        engine: at(p, &["Engine"]),
        storage_encrypted: at(p, &["StorageEncrypted"]),
        kms_key: at(p, &["KmsKeyId"]),
        publicly_accessible: at(p, &["PubliclyAccessible"]),
        deletion_protection: at(p, &["DeletionProtection"]),
        backup_retention: at(p, &["BackupRetentionPeriod"]),
        iam_auth: at(p, &["EnableIAMDatabaseAuthentication"]),
        cluster: at(p, &["DBClusterIdentifier"]),
        engine_version: at(p, &["EngineVersion"]),
        auto_minor_version_upgrade: at(p, &["AutoMinorVersionUpgrade"]),
        copy_tags_to_snapshot: at(p, &["CopyTagsToSnapshot"]),
        parameter_group: at::<String>(p, &["DBParameterGroupName"])
            .or(at(p, &["DBClusterParameterGroupName"])),
    }
}

fn function(p: &Node, globals: Option<&Node>) -> Function {
    let env = p
        .get("Environment")
        .or_else(|| globals.and_then(|g| g.get("Environment")));
    let environment = path(env, &["Variables"])
        .and_then(Node::as_map)
        .map(|m| {
            m.entries
                .iter()
                .map(|e| (e.key.to_string(), value(Some(&e.value))))
                .collect()
        })
        .unwrap_or_default();
    let get = |key: &str| p.get(key).or_else(|| globals.and_then(|g| g.get(key)));
    Function {
        runtime: value(get("Runtime")),
        environment,
        in_vpc: present(get("VpcConfig")),
        role: value(get("Role")),
        kms_key: value(get("KmsKeyArn")),
        code_signing: value(get("CodeSigningConfigArn")),
        url_auth_type: value(path(get("FunctionUrlConfig"), &["AuthType"])),
    }
}

fn listener_actions(node: Option<&Node>) -> Vec<ListenerAction> {
    items(node)
        .iter()
        .map(|a| ListenerAction {
            kind: at::<String>(a, &["Type"]).map(|s| s.to_ascii_lowercase()),
            redirect_protocol: at(a, &["RedirectConfig", "Protocol"]),
            pos: a.pos,
        })
        .collect()
}

/// `Metadata: {wasp: {ignore: [{id: WASP-S3-001, reason: "..."}]}}` (also `ignore: [ID, ...]`).
fn metadata_ignores(meta: Option<&Node>) -> Vec<wasp_model::Ignore> {
    items(path(meta, &["wasp", "ignore"]))
        .iter()
        .filter_map(|i| {
            let (control, reason) = match i.as_str() {
                Some(id) => (id.to_string(), String::new()),
                None => (
                    i.get("id")?.as_str()?.to_string(),
                    i.get("reason")
                        .and_then(Node::as_str)
                        .unwrap_or("")
                        .to_string(),
                ),
            };
            Some(wasp_model::Ignore {
                control,
                reason,
                pos: i.pos,
            })
        })
        .collect()
}
