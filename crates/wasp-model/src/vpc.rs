//! Amazon VPC: VPCs and their flow logs, network ACLs, subnets, endpoints, Network Firewall
//! policies.

use serde::Serialize;
use wasp_core::Pos;

use crate::shared::{Link, PolicyDoc};
use crate::value::Value;

/// A VPC, with the flow logs that capture its traffic joined in.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Vpc {
    pub cidr: Value<String>,
    /// Defaults to true.
    pub enable_dns_support: Value<bool>,
    /// Defaults to false (true for the default VPC).
    pub enable_dns_hostnames: Value<bool>,
    /// The account's default VPC (`aws_default_vpc`).
    pub default: bool,
    /// Flow logs attached to the VPC itself.
    pub flow_logs: Vec<FlowLog>,
}

/// A VPC flow log (`AWS::EC2::FlowLog`, `aws_flow_log`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct FlowLog {
    /// `ALL`, `ACCEPT` or `REJECT`. Not set for transit gateway flow logs, which log all.
    pub traffic_type: Value<String>,
    /// `cloud-watch-logs` (the default), `s3` or `kinesis-data-firehose`.
    pub destination_type: Value<String>,
    /// What the flow log is attached to.
    pub resource: Option<Link>,
    #[serde(skip)]
    pub pos: Pos,
}

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
