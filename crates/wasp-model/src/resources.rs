//! The normalized AWS resources controls are written against.
//!
//! Each kind holds only what controls need, as [`Value`]s: absent (service default), known,
//! or unknown with the reason. Source adapters (CloudFormation, Terraform, later AWS Config)
//! fill them; controls never see a file format.

use serde::Serialize;
use wasp_core::Pos;

use crate::node::Node;
use crate::value::Value;

/// A policy document attached to something (inline policy, bucket policy, trust policy...).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PolicyDoc {
    /// Name of an inline policy, the managed policy's address, or a fixed label
    /// (`bucket policy`, `trust policy`).
    pub name: String,
    pub document: Value<Node>,
    #[serde(skip)]
    pub pos: Pos,
    /// Address of the resource that defines this document when it was joined in from another
    /// resource (`AWS::IAM::Policy`, `aws_iam_role_policy_attachment` of an `aws_iam_policy`);
    /// `None` when this resource defines it. Controls on document content check a document once,
    /// where it is defined; analyses of a principal use all of them.
    pub joined_from: Option<String>,
}

/// S3 bucket, with its split-out Terraform sub-resources and CloudFormation bucket policy joined in.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Bucket {
    pub name: Value<String>,
    /// Default encryption algorithm: `AES256`, `aws:kms`, `aws:kms:dsse`.
    pub sse_algorithm: Value<String>,
    pub kms_key: Value<String>,
    pub public_access_block: Option<PublicAccessBlock>,
    pub policy: Option<PolicyDoc>,
    /// Canned ACL (`private`, `public-read`, ...).
    pub acl: Value<String>,
    /// Grants to the AllUsers / AuthenticatedUsers groups found in an explicit ACL policy.
    #[serde(serialize_with = "crate::json::count")]
    pub public_acl_grants: Vec<Pos>,
    pub versioning: Value<bool>,
    pub mfa_delete: Value<bool>,
    pub logging: Value<bool>,
    pub object_lock: Value<bool>,
    /// A lifecycle configuration with at least one rule.
    pub lifecycle: Value<bool>,
}

/// The four settings of an S3 public access block; absent ones default to false.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct PublicAccessBlock {
    pub block_public_acls: Value<bool>,
    pub ignore_public_acls: Value<bool>,
    pub block_public_policy: Value<bool>,
    pub restrict_public_buckets: Value<bool>,
    #[serde(skip)]
    pub pos: Pos,
}

/// One rule of a security group, ingress or egress.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct SgRule {
    /// `tcp`, `udp`, `icmp`, `-1` (all) or a protocol number, lower-cased.
    pub protocol: Value<String>,
    pub from_port: Value<i64>,
    pub to_port: Value<i64>,
    pub cidr_ipv4: Value<String>,
    pub cidr_ipv6: Value<String>,
    /// Source security group, prefix list: not the open internet.
    pub source_group: Value<String>,
    pub description: Value<String>,
    #[serde(skip)]
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct SecurityGroup {
    pub name: Value<String>,
    pub vpc_id: Value<String>,
    pub ingress: Vec<SgRule>,
    pub egress: Vec<SgRule>,
    /// Rules come from a source that cannot be enumerated statically (a `dynamic` block over
    /// an unknown collection): the reason.
    #[serde(serialize_with = "crate::json::reason")]
    pub rules_unknown: Option<(String, Pos)>,
    /// The default security group of a VPC (`aws_default_security_group`).
    pub is_default: bool,
    /// AWS adds its allow-all egress rule (IPv4, and IPv6 where the VPC has it): a
    /// CloudFormation group that declares no `SecurityGroupEgress`.
    pub implicit_egress_all: bool,
}

/// IAM role, user or group: the principal's own policies joined in.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Principal {
    pub name: Value<String>,
    /// Trust policy (roles only).
    pub trust_policy: Option<PolicyDoc>,
    /// Inline policies, and customer-managed policies of the same template attached to it.
    pub policies: Vec<PolicyDoc>,
    /// Managed policy ARNs attached by reference (AWS-managed or outside the template). From
    /// CloudFormation, a known ARN may hold `${Name}` placeholders for the parts known only at
    /// deploy time (`arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess`): match it on the
    /// parts that matter, never as a whole.
    pub managed_policy_arns: Vec<Value<String>>,
    pub permissions_boundary: Value<String>,
    /// Users: a console password (login profile) is configured.
    pub login_profile: Value<bool>,
    /// Users: the initial console password as the source writes it (`LoginProfile.Password`).
    pub login_password: Value<String>,
    /// Users: the generated console password is kept unencrypted in the deployment state
    /// (Terraform login profile without `pgp_key`).
    pub login_password_in_state: Value<bool>,
    /// Users: the groups they belong to (`Groups`, group memberships joined in).
    pub groups: Vec<crate::identity::Link>,
    /// Managed policies of the same template or module attached by reference
    /// (`ManagedPolicyArns: [!Ref P]`), when not joined in as documents.
    pub managed_policy_refs: Vec<crate::identity::Link>,
    /// The permissions boundary when it is a policy of the same template or module.
    pub permissions_boundary_ref: Option<crate::identity::Link>,
}

/// A customer managed IAM policy (`AWS::IAM::ManagedPolicy`, `aws_iam_policy`) or a standalone
/// inline policy resource (`AWS::IAM::Policy`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ManagedPolicy {
    pub document: Option<PolicyDoc>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct KmsKey {
    pub rotation: Value<bool>,
    /// `SYMMETRIC_DEFAULT`, `RSA_2048`, `HMAC_256`, ...
    pub key_spec: Value<String>,
    pub policy: Option<PolicyDoc>,
    /// Waiting period, in days, before a key scheduled for deletion is deleted (7-30, default 30).
    pub deletion_window: Value<i64>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Trail {
    pub multi_region: Value<bool>,
    pub log_file_validation: Value<bool>,
    pub kms_key: Value<String>,
    pub cloudwatch_logs_group: Value<String>,
    pub is_logging: Value<bool>,
    /// The bucket the trail delivers its log files to.
    pub s3_bucket: Option<Link>,
    /// Events of global services (IAM, STS, CloudFront). Defaults to true.
    pub include_global_service_events: Value<bool>,
    /// SNS topic notified of each log file delivery.
    pub sns_topic: Value<String>,
    pub event_selectors: Vec<EventSelector>,
    pub advanced_event_selectors: Vec<AdvancedEventSelector>,
    /// Selectors come from a source that cannot be enumerated statically (the reason).
    #[serde(serialize_with = "crate::json::reason")]
    pub selectors_unknown: Option<(String, Pos)>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Volume {
    pub encrypted: Value<bool>,
    pub kms_key: Value<String>,
}

/// Instance metadata service settings (instance or launch template).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Metadata {
    /// `required` (IMDSv2 only) or `optional`.
    pub http_tokens: Value<String>,
    /// `enabled` or `disabled`.
    pub http_endpoint: Value<String>,
    /// Network hops a metadata response may travel (`HttpPutResponseHopLimit`).
    pub hop_limit: Value<i64>,
    #[serde(skip)]
    pub pos: Option<Pos>,
}

/// A block device of an instance or launch template.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct BlockDevice {
    pub encrypted: Value<bool>,
    #[serde(skip)]
    pub pos: Pos,
}

/// EC2 instance or launch template: the same compute settings.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Compute {
    pub metadata: Metadata,
    pub associate_public_ip: Value<bool>,
    pub instance_profile: Value<String>,
    /// The user data as text (decoded from base64). From CloudFormation, known text may hold
    /// `${Name}` placeholders for the parts known only at deploy time (`Fn::Sub`, `Fn::Join`).
    pub user_data: Value<String>,
    pub block_devices: Vec<BlockDevice>,
    /// An instance launched from a launch template inherits what it does not set.
    pub launch_template: Value<String>,
    /// Detailed (one-minute) CloudWatch monitoring. Defaults: off for instances and launch
    /// templates, on for launch configurations.
    pub monitoring: Value<bool>,
}

/// RDS DB instance or Aurora/RDS cluster.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Database {
    pub engine: Value<String>,
    pub storage_encrypted: Value<bool>,
    pub kms_key: Value<String>,
    pub publicly_accessible: Value<bool>,
    pub deletion_protection: Value<bool>,
    pub backup_retention: Value<i64>,
    pub iam_auth: Value<bool>,
    /// Instances of a cluster take encryption from the cluster.
    pub cluster: Value<String>,
    pub engine_version: Value<String>,
    pub auto_minor_version_upgrade: Value<bool>,
    pub copy_tags_to_snapshot: Value<bool>,
    /// The DB parameter group (instances) or DB cluster parameter group (clusters): its name,
    /// or a reference to it.
    pub parameter_group: Value<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Function {
    pub runtime: Value<String>,
    /// Environment variables, name → value.
    #[serde(serialize_with = "crate::json::named")]
    pub environment: Vec<(String, Value<String>)>,
    pub in_vpc: Value<bool>,
    pub role: Value<String>,
    pub kms_key: Value<String>,
    pub code_signing: Value<String>,
    /// SAM `FunctionUrlConfig.AuthType`: a function URL declared on the function itself.
    pub url_auth_type: Value<String>,
}

/// A load balancer listener action.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListenerAction {
    /// `forward`, `redirect`, `fixed-response`, `authenticate-oidc`, ...
    pub kind: Value<String>,
    /// For redirects: the target protocol (`HTTPS`, `#{protocol}`).
    pub redirect_protocol: Value<String>,
    #[serde(skip)]
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Listener {
    /// `HTTP`, `HTTPS`, `TCP`, `TLS`, `UDP`, `TCP_UDP`, `GENEVE`.
    pub protocol: Value<String>,
    pub port: Value<i64>,
    pub ssl_policy: Value<String>,
    pub default_actions: Vec<ListenerAction>,
    /// Actions of listener rules attached to this listener.
    pub rule_actions: Vec<ListenerAction>,
}

/// DynamoDB table.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Table {
    pub sse_enabled: Value<bool>,
    pub kms_key: Value<String>,
    pub point_in_time_recovery: Value<bool>,
    pub deletion_protection: Value<bool>,
}

/// API Gateway REST or HTTP API stage (or an API whose stage is implicit, as in SAM).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ApiStage {
    pub access_logging: Value<bool>,
    pub tracing: Value<bool>,
    /// A REST API stage (API Gateway v1); false for HTTP and WebSocket API stages (v2).
    pub rest: bool,
    pub stage_name: Value<String>,
    /// The API the stage belongs to.
    pub api: Option<Link>,
    /// REST: a cache cluster is provisioned for the stage. Defaults to false.
    pub cache_cluster: Value<bool>,
    /// REST: method settings, with `aws_api_gateway_method_settings` joined in; v2: the
    /// default route settings, as one setting for all routes.
    pub method_settings: Vec<MethodSetting>,
    /// Method settings come from a source that cannot be enumerated statically (the reason).
    #[serde(serialize_with = "crate::json::reason")]
    pub method_settings_unknown: Option<(String, Pos)>,
}

/// Declares [`Kind`] (one variant per normalized resource type, holding its struct),
/// [`KindTag`] (the same names without data) and [`Kind::tag`], from one list.
#[allow(unused_imports)]
use crate::{data::*, detection::*, identity::*, network::*};

macro_rules! kinds {
    ($($(#[$doc:meta])* $name:ident($ty:ty)),* $(,)?) => {
        /// The kinds of resource the model knows.
        #[derive(Debug, Clone, PartialEq)]
        pub enum Kind {
            $($(#[$doc])* $name(Box<$ty>),)*
            /// A type the model does not normalize (yet). Counted, never checked.
            Other,
        }

        /// Cheap tag of a [`Kind`], for "which kinds does this control apply to".
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum KindTag {
            $($name,)*
            Other,
        }

        impl Kind {
            pub fn tag(&self) -> KindTag {
                match self {
                    $(Kind::$name(_) => KindTag::$name,)*
                    Kind::Other => KindTag::Other,
                }
            }
        }

        impl Kind {
            /// A kind with every field at its default (absent, empty); `Other` for `Other`.
            pub fn default_of(tag: KindTag) -> Kind {
                match tag {
                    $(KindTag::$name => Kind::$name(Box::default()),)*
                    KindTag::Other => Kind::Other,
                }
            }
        }

        impl KindTag {
            /// Every kind, in declaration order.
            pub const ALL: &'static [KindTag] = &[$(KindTag::$name,)* KindTag::Other];

            /// The kind's name in snake case (`bucket`, `db_instance`), as the JSON view of
            /// the model and custom controls spell it.
            pub fn name(self) -> &'static str {
                static NAMES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
                    [$(stringify!($name),)* "Other"]
                        .iter()
                        .map(|n| crate::json::snake_case(n))
                        .collect()
                });
                NAMES.get(self as usize).map_or("other", String::as_str)
            }

            /// The kind of a snake-case name (see [`KindTag::name`]).
            pub fn from_name(name: &str) -> Option<KindTag> {
                KindTag::ALL.iter().copied().find(|k| k.name() == name)
            }
        }

        /// `{"kind": "<name>", ...the kind's fields}`.
        impl Serialize for Kind {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    $(Kind::$name(v) => crate::json::Tagged {
                        kind: KindTag::$name.name(),
                        fields: &**v,
                    }
                    .serialize(s),)*
                    Kind::Other => crate::json::Tagged {
                        kind: KindTag::Other.name(),
                        fields: &crate::json::NoFields {},
                    }
                    .serialize(s),
                }
            }
        }
    };
}

kinds! {
    Bucket(Bucket),
    SecurityGroup(SecurityGroup),
    Role(Principal),
    User(Principal),
    Group(Principal),
    ManagedPolicy(ManagedPolicy),
    KmsKey(KmsKey),
    Trail(Trail),
    Volume(Volume),
    Instance(Compute),
    LaunchTemplate(Compute),
    DbInstance(Database),
    DbCluster(Database),
    Function(Function),
    Listener(Listener),
    Table(Table),
    ApiStage(ApiStage),
    // [identity kinds] (structs in identity.rs)
    AccessAnalyzer(AccessAnalyzer),
    AccessKey(AccessKey),
    AccountPasswordPolicy(AccountPasswordPolicy),
    Secret(Secret),
    SsmParameter(SsmParameter),
    UserPool(UserPool),
    IdentityPool(IdentityPool),
    OidcProvider(OidcProvider),
    // [detection kinds] (structs in detection.rs)
    ConfigRecorder(ConfigRecorder),
    ConfigDeliveryChannel(ConfigDeliveryChannel),
    ConfigAggregator(ConfigAggregator),
    Detector(Detector),
    SecurityHub(SecurityHub),
    HubStandard(HubStandard),
    Vpc(Vpc),
    FlowLog(FlowLog),
    LoadBalancer(LoadBalancer),
    LogGroup(LogGroup),
    WebAcl(WebAcl),
    // [network and compute kinds] (structs in network.rs)
    LaunchConfiguration(Compute),
    NetworkAcl(NetworkAcl),
    Subnet(Subnet),
    VpcEndpoint(VpcEndpoint),
    WebAclAssociation(WebAclAssociation),
    EksCluster(EksCluster),
    TaskDefinition(TaskDefinition),
    EcsCluster(EcsCluster),
    EcrRepository(EcrRepository),
    RegistryScanning(RegistryScanning),
    BuildProject(BuildProject),
    SsmDocument(SsmDocument),
    TransitGateway(TransitGateway),
    EcsService(EcsService),
    FirewallPolicy(FirewallPolicy),
    FunctionUrl(FunctionUrl),
    LambdaPermission(LambdaPermission),
    // [data kinds] (structs in data.rs)
    MacieSession(MacieSession),
    Distribution(Distribution),
    FileSystem(FileSystem),
    CacheGroup(CacheGroup),
    Warehouse(Warehouse),
    ParameterGroup(ParameterGroup),
    SearchDomain(SearchDomain),
    Topic(Topic),
    Queue(Queue),
    Stream(Stream),
    DeliveryStream(DeliveryStream),
    BackupVault(BackupVault),
    Certificate(Certificate),
    ApiDomain(ApiDomain),
    ReplicationInstance(ReplicationInstance),
    DmsEndpoint(DmsEndpoint),
    Broker(Broker),
    Snapshot(Snapshot),
    EbsDefaultEncryption(EbsDefaultEncryption),
    ClassicLoadBalancer(ClassicLoadBalancer),
}
