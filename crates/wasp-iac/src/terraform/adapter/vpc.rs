//! Terraform adapters of Amazon VPC (and AWS Network Firewall).

use wasp_core::Pos;
use wasp_model::{
    normalize_protocol, value, FirewallPolicy, FlowLog, Kind, KindTag, Link, NaclEntry, NetworkAcl,
    Node, Subnet, Value, Vpc, VpcEndpoint,
};

use super::{blocks, policy_doc, string_list, unknown_block, Index, RawRes};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_vpc" | "aws_default_vpc" => Kind::Vpc(Box::new(Vpc {
            cidr: value(b.get("cidr_block")),
            enable_dns_support: value(b.get("enable_dns_support")),
            enable_dns_hostnames: value(b.get("enable_dns_hostnames")),
            default: rtype == "aws_default_vpc",
            flow_logs: Vec::new(),
        })),
        "aws_flow_log" => Kind::FlowLog(Box::new(flow_log(b, b.pos))),
        "aws_network_acl" | "aws_default_network_acl" => {
            let mut acl = NetworkAcl::default();
            for (key, egress) in [("ingress", false), ("egress", true)] {
                for e in blocks(b, key) {
                    if e.is_unknown() {
                        acl.entries_unknown
                            .get_or_insert((unknown_block(e, key, plan), e.pos));
                        continue;
                    }
                    let mut entry = nacl_entry(e, "rule_no", "action");
                    entry.egress = Value::Known(egress, e.pos);
                    acl.entries.push(entry);
                }
            }
            Kind::NetworkAcl(Box::new(acl))
        }
        "aws_subnet" => Kind::Subnet(Box::new(Subnet {
            map_public_ip: value(b.get("map_public_ip_on_launch")),
        })),
        "aws_vpc_endpoint" => Kind::VpcEndpoint(Box::new(VpcEndpoint {
            endpoint_type: value(b.get("vpc_endpoint_type")),
            service_name: value(b.get("service_name")),
            policy: policy_doc("endpoint policy", b.get("policy")),
        })),
        "aws_networkfirewall_firewall_policy" => {
            Kind::FirewallPolicy(Box::new(firewall_policy(b, plan)))
        }
        _ => return None,
    };
    Some(kind)
}

/// Joins a sub-resource of this service into the resource it configures; `false` when the type
/// is not one of its own.
pub(super) fn join(r: &RawRes, ix: &Index, kinds: &mut [Kind]) -> bool {
    let b = &r.body;
    match r.rtype.as_str() {
        "aws_flow_log" => {
            if let Some(i) = ix.find(b.get("vpc_id"), KindTag::Vpc, kinds) {
                if let Kind::Vpc(v) = &mut kinds[i] {
                    v.flow_logs.push(flow_log(b, r.pos));
                }
            }
        }
        "aws_network_acl_rule" => {
            if let Some(i) = ix.find(b.get("network_acl_id"), KindTag::NetworkAcl, kinds) {
                if let Kind::NetworkAcl(acl) = &mut kinds[i] {
                    let mut entry = nacl_entry(b, "rule_number", "rule_action");
                    entry.pos = r.pos;
                    entry.egress = value::<bool>(b.get("egress")).or_default_known(false);
                    acl.entries.push(entry);
                }
            }
        }
        "aws_vpc_endpoint_policy" => {
            if let Some(i) = ix.find(b.get("vpc_endpoint_id"), KindTag::VpcEndpoint, kinds) {
                if let (Kind::VpcEndpoint(e), Some(d)) = (
                    &mut kinds[i],
                    policy_doc("endpoint policy", b.get("policy")),
                ) {
                    e.policy = Some(d);
                }
            }
        }
        _ => return false,
    }
    true
}

/// The flow log an `aws_flow_log` resource describes.
fn flow_log(b: &Node, pos: Pos) -> FlowLog {
    let resource = [
        "vpc_id",
        "subnet_id",
        "eni_id",
        "transit_gateway_id",
        "transit_gateway_attachment_id",
    ]
    .iter()
    .find_map(|k| b.get(k).filter(|n| !n.is_null()))
    .map(Link::from_node);
    FlowLog {
        traffic_type: value(b.get("traffic_type")),
        destination_type: value(b.get("log_destination_type")),
        resource,
        pos,
    }
}

fn nacl_entry(e: &Node, number: &str, action: &str) -> NaclEntry {
    NaclEntry {
        egress: Value::Absent,
        rule_number: value(e.get(number)),
        action: value::<String>(e.get(action)).map(|s| s.to_ascii_lowercase()),
        protocol: value::<String>(e.get("protocol")).map(|s| normalize_protocol(&s)),
        from_port: value(e.get("from_port")),
        to_port: value(e.get("to_port")),
        cidr_ipv4: value(e.get("cidr_block")),
        cidr_ipv6: value(e.get("ipv6_cidr_block")),
        pos: e.pos,
    }
}

fn firewall_policy(b: &Node, plan: bool) -> FirewallPolicy {
    let fp = blocks(b, "firewall_policy").first().copied();
    let mut f = FirewallPolicy {
        pos: fp.map(|n| n.pos),
        ..FirewallPolicy::default()
    };
    let Some(fp) = fp else {
        return f;
    };
    if fp.is_unknown() {
        let reason = unknown_block(fp, "firewall_policy", plan);
        f.stateless_default_actions
            .push(Value::Unknown(reason.clone().into(), fp.pos));
        f.rule_groups_unknown = Some((reason, fp.pos));
        return f;
    }
    f.stateless_default_actions =
        string_list(fp.get("stateless_default_actions")).unwrap_or_default();
    f.stateless_fragment_default_actions =
        string_list(fp.get("stateless_fragment_default_actions")).unwrap_or_default();
    for key in [
        "stateless_rule_group_reference",
        "stateful_rule_group_reference",
    ] {
        for r in blocks(fp, key) {
            if r.is_unknown() {
                f.rule_groups_unknown
                    .get_or_insert((unknown_block(r, key, plan), r.pos));
            } else {
                f.rule_groups += 1;
            }
        }
    }
    f
}
