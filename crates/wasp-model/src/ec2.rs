//! Amazon EC2: security groups, instances and launch templates, EBS volumes and snapshots,
//! transit gateways.

use serde::Serialize;
use wasp_core::Pos;

use crate::value::Value;

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

/// A transit gateway.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct TransitGateway {
    /// `enable` or `disable` (the default): accept attachment requests from other accounts
    /// without review.
    pub auto_accept_shared_attachments: Value<String>,
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
