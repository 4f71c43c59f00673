//! Network and compute: VPC layers, traffic control, containers, build (SEC05, SEC06).

use crate::resources::PolicyDoc;
use crate::value::Value;
use serde::Serialize;
use wasp_core::Pos;

/// An IP protocol as rules name it, in one spelling: `-1` (all), `tcp`, `udp`, `icmp`,
/// `icmpv6`, or the protocol number for the others.
pub fn normalize_protocol(p: &str) -> String {
    let p = p.trim().to_ascii_lowercase();
    match p.as_str() {
        "all" | "-1" => "-1".into(),
        "6" => "tcp".into(),
        "17" => "udp".into(),
        "1" => "icmp".into(),
        "58" => "icmpv6".into(),
        _ => p,
    }
}

/// A network ACL (`AWS::EC2::NetworkAcl` with its `AWS::EC2::NetworkAclEntry` resources,
/// `aws_network_acl`, `aws_default_network_acl`, `aws_network_acl_rule`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct NetworkAcl {
    pub entries: Vec<NaclEntry>,
    /// Entries come from a source that cannot be enumerated statically: the reason.
    #[serde(serialize_with = "crate::json::reason")]
    pub entries_unknown: Option<(String, Pos)>,
}

/// One numbered rule of a network ACL. Rules are evaluated in rule-number order; the first
/// that matches decides.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct NaclEntry {
    pub egress: Value<bool>,
    pub rule_number: Value<i64>,
    /// `allow` or `deny`, lower-cased.
    pub action: Value<String>,
    /// See [`normalize_protocol`].
    pub protocol: Value<String>,
    pub from_port: Value<i64>,
    pub to_port: Value<i64>,
    pub cidr_ipv4: Value<String>,
    pub cidr_ipv6: Value<String>,
    #[serde(skip)]
    pub pos: Pos,
}

/// A VPC subnet.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Subnet {
    /// Instances launched into it get a public IPv4 address (default false).
    pub map_public_ip: Value<bool>,
}

/// A VPC endpoint.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct VpcEndpoint {
    /// `Gateway` (the default), `Interface`, `GatewayLoadBalancer`, `Resource`,
    /// `ServiceNetwork`.
    pub endpoint_type: Value<String>,
    pub service_name: Value<String>,
    /// The endpoint policy; none means full access.
    pub policy: Option<PolicyDoc>,
}

/// The association of a web ACL with a regional resource (`AWS::WAFv2::WebACLAssociation`,
/// `aws_wafv2_web_acl_association`, and their WAF Classic regional forms).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct WebAclAssociation {
    /// The protected resource's ARN as written: a reference is unknown with the reason.
    pub resource_arn: Value<String>,
    /// Address of the resource of the same template or configuration that `resource_arn`
    /// refers to, when it refers to one.
    pub target: Option<String>,
}

/// An Amazon EKS cluster.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct EksCluster {
    /// Kubernetes version (`1.31`); absent means the latest EKS offers.
    pub version: Value<String>,
    /// The public API server endpoint is enabled (default true).
    pub endpoint_public: Value<bool>,
    /// CIDR blocks allowed to reach the public endpoint; `None` when not set (default
    /// `0.0.0.0/0`). An unknown list is one unknown item.
    pub public_access_cidrs: Option<Vec<Value<String>>>,
    /// Where the endpoint settings are written, when they are.
    #[serde(skip)]
    pub endpoint_pos: Option<Pos>,
    /// KMS key of the envelope encryption of Kubernetes secrets (`EncryptionConfig` with
    /// resource `secrets`); absent when not configured.
    pub secrets_kms_key: Value<String>,
    /// Control plane log types enabled (`api`, `audit`, `authenticator`, `controllerManager`,
    /// `scheduler`); `None` when logging is not configured. An unknown list is one unknown item.
    pub log_types: Option<Vec<Value<String>>>,
    #[serde(skip)]
    pub log_types_pos: Option<Pos>,
}

/// An Amazon ECS task definition.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct TaskDefinition {
    /// `bridge` (the default on EC2), `awsvpc`, `host`, `none`.
    pub network_mode: Value<String>,
    /// `host` or `task`; absent: each task has its own namespace.
    pub pid_mode: Value<String>,
    pub containers: Vec<Container>,
    /// Container definitions that cannot be read statically: the reason.
    #[serde(serialize_with = "crate::json::reason")]
    pub containers_unknown: Option<(String, Pos)>,
}

/// A container definition of a task definition.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Container {
    pub name: Value<String>,
    pub privileged: Value<bool>,
    /// `user`, `uid`, `user:group`, `uid:gid`, ...; absent: the image's `USER`.
    pub user: Value<String>,
    pub readonly_root_filesystem: Value<bool>,
    /// Plain environment variables (not `secrets`), name → value.
    #[serde(serialize_with = "crate::json::named")]
    pub environment: Vec<(String, Value<String>)>,
    #[serde(skip)]
    pub pos: Pos,
}

/// An Amazon ECS cluster.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct EcsCluster {
    /// The `containerInsights` setting: `enabled`, `enhanced`, `disabled`.
    pub container_insights: Value<String>,
}

/// An Amazon ECR private repository.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct EcrRepository {
    pub name: Value<String>,
    /// Basic scanning on push (default false).
    pub scan_on_push: Value<bool>,
    /// `MUTABLE` (the default), `IMMUTABLE`, `IMMUTABLE_WITH_EXCLUSION`,
    /// `MUTABLE_WITH_EXCLUSION`.
    pub tag_mutability: Value<String>,
    pub policy: Option<PolicyDoc>,
}

/// The registry-wide ECR scanning configuration (`AWS::ECR::RegistryScanningConfiguration`,
/// `aws_ecr_registry_scanning_configuration`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct RegistryScanning {
    /// `BASIC` or `ENHANCED`.
    pub scan_type: Value<String>,
    pub rules: Vec<RegistryScanRule>,
    /// Rules that cannot be read statically: the reason.
    #[serde(serialize_with = "crate::json::reason")]
    pub rules_unknown: Option<(String, Pos)>,
}

/// A rule of the registry scanning configuration.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct RegistryScanRule {
    /// `SCAN_ON_PUSH`, `CONTINUOUS_SCAN`, `MANUAL`.
    pub frequency: Value<String>,
    /// Repository name filters (wildcards `*`); an unknown list is one unknown item.
    pub filters: Vec<Value<String>>,
}

/// An AWS CodeBuild project.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct BuildProject {
    /// Docker daemon access inside the build container (default false).
    pub privileged_mode: Value<bool>,
    pub environment: Vec<BuildVariable>,
    /// Environment variables that cannot be read statically: the reason.
    #[serde(serialize_with = "crate::json::reason")]
    pub environment_unknown: Option<(String, Pos)>,
    /// Source locations (primary and secondary).
    pub source_locations: Vec<Value<String>>,
    /// `EncryptionDisabled` of the primary and secondary artifacts (default false).
    pub artifacts_encryption_disabled: Vec<Value<bool>>,
    /// `EncryptionDisabled` of the S3 build logs (default false).
    pub s3_logs_encryption_disabled: Value<bool>,
}

/// An environment variable of a build project.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct BuildVariable {
    pub name: Value<String>,
    /// `PLAINTEXT` (the default), `PARAMETER_STORE`, `SECRETS_MANAGER`.
    pub var_type: Value<String>,
    pub value: Value<String>,
    #[serde(skip)]
    pub pos: Pos,
}

/// An AWS Systems Manager document.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct SsmDocument {
    /// Account ids the document is shared with (`All` for public).
    pub shared_with: Vec<Value<String>>,
}

/// A Lambda function URL (`AWS::Lambda::Url`, `aws_lambda_function_url`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct FunctionUrl {
    /// `AWS_IAM` or `NONE`.
    pub auth_type: Value<String>,
}

/// A statement of a Lambda function's resource-based policy (`AWS::Lambda::Permission`,
/// `aws_lambda_permission`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct LambdaPermission {
    /// `*`, an account id or ARN, or a service principal (`s3.amazonaws.com`).
    pub principal: Value<String>,
    pub action: Value<String>,
    pub source_arn: Value<String>,
    pub source_account: Value<String>,
    pub principal_org_id: Value<String>,
    /// `NONE` or `AWS_IAM` for `lambda:InvokeFunctionUrl` permissions.
    pub function_url_auth_type: Value<String>,
}

/// A transit gateway.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct TransitGateway {
    /// `enable` or `disable` (the default): accept attachment requests from other accounts
    /// without review.
    pub auto_accept_shared_attachments: Value<String>,
}

/// An Amazon ECS service.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct EcsService {
    /// `awsvpc` tasks get a public IP address (default false).
    pub assign_public_ip: Value<bool>,
}

/// An AWS Network Firewall policy.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct FirewallPolicy {
    /// What the stateless engine does with full packets no stateless rule matched
    /// (`aws:pass`, `aws:drop`, `aws:forward_to_sfe`, custom actions). An unknown list is one
    /// unknown item.
    pub stateless_default_actions: Vec<Value<String>>,
    /// The same for fragmented packets.
    pub stateless_fragment_default_actions: Vec<Value<String>>,
    /// Stateless and stateful rule groups the policy references.
    pub rule_groups: usize,
    /// Rule group references that cannot be enumerated statically: the reason.
    #[serde(serialize_with = "crate::json::reason")]
    pub rule_groups_unknown: Option<(String, Pos)>,
    /// Where the policy settings are written.
    #[serde(skip)]
    pub pos: Option<Pos>,
}
