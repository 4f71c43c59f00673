//! The normalized AWS resources controls are written against.
//!
//! Each kind holds only what controls need, as [`Value`](crate::Value)s: absent (service
//! default), known, or unknown with the reason. Source adapters (CloudFormation, Terraform, later
//! AWS Config) fill them; controls never see a file format.

use serde::Serialize;

use crate::{
    accessanalyzer::*, acm::*, apigateway::*, backup::*, cloudfront::*, cloudtrail::*,
    codebuild::*, cognito::*, config::*, dms::*, dynamodb::*, ec2::*, ecr::*, ecs::*, efs::*,
    eks::*, elasticache::*, elb::*, firehose::*, guardduty::*, iam::*, kinesis::*, kms::*,
    lambda::*, logs::*, macie::*, mq::*, opensearch::*, rds::*, redshift::*, s3::*, secrets::*,
    securityhub::*, sns::*, sqs::*, ssm::*, vpc::*, waf::*,
};

/// Declares [`Kind`] (one variant per normalized resource type, holding its struct),
/// [`KindTag`] (the same names without data) and [`Kind::tag`], from one list.
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
    // [identity kinds]
    AccessAnalyzer(AccessAnalyzer),
    AccessKey(AccessKey),
    AccountPasswordPolicy(AccountPasswordPolicy),
    Secret(Secret),
    SsmParameter(SsmParameter),
    UserPool(UserPool),
    IdentityPool(IdentityPool),
    OidcProvider(OidcProvider),
    // [detection kinds]
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
    // [network and compute kinds]
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
    // [data kinds]
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
