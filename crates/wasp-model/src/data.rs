//! Data at rest and in transit: stores, queues, streams, CDN, certificates (SEC07, SEC08, SEC09).

use serde::Serialize;
use wasp_core::Pos;

use crate::resources::PolicyDoc;
use crate::value::Value;

/// CloudFront distribution.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Distribution {
    /// Viewer protocol policy of the default and of each ordered cache behavior:
    /// `allow-all`, `redirect-to-https`, `https-only`.
    pub viewer_protocol_policies: Vec<Value<String>>,
    /// The viewer certificate is the default `*.cloudfront.net` one.
    pub default_certificate: Value<bool>,
    /// Security policy for viewers: `TLSv1`, `TLSv1_2016`, `TLSv1.1_2016`, `TLSv1.2_2018`,
    /// `TLSv1.2_2019`, `TLSv1.2_2021`, ...
    pub minimum_protocol_version: Value<String>,
    /// Where the viewer certificate is configured, if it is.
    #[serde(skip)]
    pub viewer_certificate_pos: Option<Pos>,
    pub origins: Vec<Origin>,
    pub default_root_object: Value<String>,
    /// Standard logging to an S3 bucket (`Logging`, `logging_config`) is configured.
    pub logging: Value<bool>,
}

/// An origin of a CloudFront distribution.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Origin {
    pub id: Value<String>,
    /// A custom origin (`CustomOriginConfig`): any HTTP server, S3 website endpoint included.
    pub custom: bool,
    /// An S3 REST origin (`S3OriginConfig`).
    pub s3: bool,
    /// Custom origins: `http-only`, `match-viewer`, `https-only`.
    pub protocol_policy: Value<String>,
    /// Custom origins: the SSL/TLS protocols CloudFront may use with the origin. Empty when not
    /// set; an unknown list is one unknown item.
    pub ssl_protocols: Vec<Value<String>>,
    /// S3 origins: an origin access identity (legacy) or an origin access control is set.
    pub access_identity: Value<String>,
    pub access_control: Value<String>,
    #[serde(skip)]
    pub pos: Pos,
}

/// EFS file system.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct FileSystem {
    pub encrypted: Value<bool>,
    pub kms_key: Value<String>,
    /// The file system policy, set on the file system or by a policy resource.
    pub policy: Option<PolicyDoc>,
}

/// ElastiCache replication group (Redis OSS / Valkey).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct CacheGroup {
    /// `redis`, `valkey` (absent: redis).
    pub engine: Value<String>,
    pub engine_version: Value<String>,
    pub at_rest_encryption: Value<bool>,
    pub transit_encryption: Value<bool>,
    /// An AUTH token is set.
    pub auth_token: Value<bool>,
    /// User groups (RBAC) are associated.
    pub user_groups: Value<bool>,
    pub kms_key: Value<String>,
    /// Days automatic snapshots are kept; 0 turns them off.
    pub snapshot_retention: Value<i64>,
}

/// Redshift provisioned cluster.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Warehouse {
    pub encrypted: Value<bool>,
    pub kms_key: Value<String>,
    pub publicly_accessible: Value<bool>,
    /// Name of the cluster parameter group, or a reference to it.
    pub parameter_group: Value<String>,
    pub enhanced_vpc_routing: Value<bool>,
}

/// What a [`ParameterGroup`] configures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParameterGroupKind {
    /// RDS DB instances.
    #[default]
    Db,
    /// RDS / Aurora DB clusters.
    DbCluster,
    /// Redshift clusters.
    Redshift,
}

/// A parameter group: RDS DB and cluster parameter groups, Redshift cluster parameter groups.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ParameterGroup {
    #[serde(rename = "group_kind")]
    pub kind: ParameterGroupKind,
    pub name: Value<String>,
    /// `postgres16`, `aurora-mysql8.0`, `redshift-1.0`, ...
    pub family: Value<String>,
    /// Parameters by name, as written.
    #[serde(serialize_with = "crate::json::named")]
    pub parameters: Vec<(String, Value<String>)>,
    /// The parameters cannot be enumerated statically (the reason).
    #[serde(serialize_with = "crate::json::reason")]
    pub parameters_unknown: Option<(String, Pos)>,
}

impl ParameterGroup {
    /// The value of a parameter (names compared case-insensitively).
    pub fn parameter(&self, name: &str) -> Option<&Value<String>> {
        self.parameters
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }
}

/// OpenSearch Service or Elasticsearch domain.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct SearchDomain {
    pub name: Value<String>,
    /// `OpenSearch_2.11`, `Elasticsearch_7.10`, or an Elasticsearch version (`7.10`).
    pub engine_version: Value<String>,
    pub encryption_at_rest: Value<bool>,
    pub kms_key: Value<String>,
    pub node_to_node_encryption: Value<bool>,
    pub enforce_https: Value<bool>,
    /// `Policy-Min-TLS-1-0-2019-07`, `Policy-Min-TLS-1-2-2019-07`, `Policy-Min-TLS-1-2-PFS-2023-10`.
    pub tls_policy: Value<String>,
    /// Subnets are set (the domain is in a VPC).
    pub in_vpc: Value<bool>,
    /// Fine-grained access control is enabled.
    pub fine_grained_access: Value<bool>,
    pub access_policy: Option<PolicyDoc>,
}

/// SNS topic.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Topic {
    pub name: Value<String>,
    pub kms_key: Value<String>,
    pub policy: Option<PolicyDoc>,
}

/// SQS queue.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Queue {
    pub name: Value<String>,
    pub kms_key: Value<String>,
    /// SSE-SQS (SQS managed keys); on by default for new queues.
    pub sqs_managed_sse: Value<bool>,
    pub policy: Option<PolicyDoc>,
}

/// Kinesis data stream.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Stream {
    /// `KMS` or `NONE`.
    pub encryption_type: Value<String>,
    pub kms_key: Value<String>,
    /// Where the encryption settings are written, if anywhere.
    #[serde(skip)]
    pub encryption_pos: Option<Pos>,
}

/// Kinesis Data Firehose delivery stream.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DeliveryStream {
    /// `DirectPut`, `KinesisStreamAsSource`, `MSKAsSource`, ...
    pub source: Value<String>,
    pub sse_enabled: Value<bool>,
    /// `AWS_OWNED_CMK` or `CUSTOMER_MANAGED_CMK`.
    pub key_type: Value<String>,
}

/// AWS Backup vault.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct BackupVault {
    pub name: Value<String>,
    pub kms_key: Value<String>,
    /// A vault lock is configured.
    pub lock: Value<bool>,
    pub lock_min_retention_days: Value<i64>,
}

/// ACM certificate.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Certificate {
    /// `RSA_2048`, `EC_prime256v1`, ...
    pub key_algorithm: Value<String>,
    /// `ENABLED` or `DISABLED`.
    pub transparency_logging: Value<String>,
    /// `DNS` or `EMAIL`.
    pub validation_method: Value<String>,
    /// Issued by a private CA (no validation, no transparency logs).
    pub private_ca: Value<String>,
    /// Imported (Terraform `private_key`): not issued by ACM.
    pub imported: bool,
}

/// API Gateway custom domain name (REST or HTTP/WebSocket).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ApiDomain {
    /// `TLS_1_0`, `TLS_1_2`, or an enhanced policy (`SecurityPolicy_TLS13_1_2_2021_06`).
    /// REST domains have one; HTTP/WebSocket (v2) domains one per domain name configuration
    /// (absent when not set).
    pub security_policies: Vec<Value<String>>,
    /// An HTTP/WebSocket API domain, whose only legacy policy is `TLS_1_2`.
    pub v2: bool,
}

/// DMS replication instance.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ReplicationInstance {
    pub publicly_accessible: Value<bool>,
    pub kms_key: Value<String>,
}

/// DMS endpoint.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DmsEndpoint {
    /// `source` or `target`.
    pub endpoint_type: Value<String>,
    /// `mysql`, `postgres`, `s3`, ...
    pub engine: Value<String>,
    /// `none`, `require`, `verify-ca`, `verify-full`.
    pub ssl_mode: Value<String>,
}

/// Amazon MQ broker.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Broker {
    pub publicly_accessible: Value<bool>,
    /// Encrypted with an AWS owned key (default true).
    pub use_aws_owned_key: Value<bool>,
    pub kms_key: Value<String>,
}

/// EBS snapshot (`aws_ebs_snapshot`, `aws_ebs_snapshot_copy`, `aws_ebs_snapshot_import`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Snapshot {
    /// Set on copies and imports; a snapshot of a volume takes the volume's encryption, a copy
    /// of an encrypted snapshot is encrypted whatever it says.
    pub encrypted: Value<bool>,
    /// The volume (of a snapshot) or the snapshot (of a copy) it is taken from, as written;
    /// absent for imports.
    pub source: Value<String>,
    /// Whether that source is encrypted, when it is in the same configuration.
    pub source_encrypted: Option<Value<bool>>,
}

/// The account and Region setting "encrypt new EBS volumes by default".
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct EbsDefaultEncryption {
    pub enabled: Value<bool>,
}

/// A classic load balancer (`AWS::ElasticLoadBalancing::LoadBalancer`, `aws_elb`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ClassicLoadBalancer {
    pub name: Value<String>,
    pub listeners: Vec<ClassicListener>,
    /// Listeners come from a source that cannot be enumerated statically (the reason).
    #[serde(serialize_with = "crate::json::reason")]
    pub listeners_unknown: Option<(String, Pos)>,
    /// SSL negotiation policies: policy name → predefined `Reference-Security-Policy`, or the
    /// protocols it enables (`Protocol-TLSv1`) when it lists attributes.
    pub ssl_policies: Vec<SslNegotiationPolicy>,
    /// Access logs to S3 are enabled.
    pub access_logging: Value<bool>,
    /// `monitor`, `defensive` (the default) or `strictest`.
    pub desync_mitigation_mode: Value<String>,
}

/// A listener of a classic load balancer.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ClassicListener {
    /// Front-end protocol: `HTTP`, `HTTPS`, `TCP`, `SSL`.
    pub protocol: Value<String>,
    pub port: Value<i64>,
    /// Names of the policies attached to the listener.
    pub policy_names: Vec<Value<String>>,
    #[serde(skip)]
    pub pos: Pos,
}

/// An SSL negotiation policy of a classic load balancer.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct SslNegotiationPolicy {
    pub name: Value<String>,
    /// `ELBSecurityPolicy-TLS-1-2-2017-01`, ...
    pub reference: Value<String>,
    /// Attributes set to true (`Protocol-TLSv1`, `Protocol-SSLv3`, cipher names).
    pub enabled: Vec<String>,
    #[serde(skip)]
    pub pos: Pos,
}

/// Amazon Macie for the account and Region (`AWS::Macie::Session`, `aws_macie2_account`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct MacieSession {
    /// `ENABLED` (the default) or `PAUSED`.
    pub status: Value<String>,
}
