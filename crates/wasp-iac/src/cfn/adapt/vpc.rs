//! CloudFormation adapters of Amazon VPC (and AWS Network Firewall).

use wasp_model::{
    items, normalize_protocol, value, FirewallPolicy, FlowLog, Kind, Link, NaclEntry, Node, Subnet,
    Value, Vpc, VpcEndpoint, V,
};

use super::{at, policy_doc, string_list, unknown_reason, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::EC2::VPC" => Kind::Vpc(Box::new(Vpc {
            cidr: at(p, &["CidrBlock"]),
            enable_dns_support: at(p, &["EnableDnsSupport"]),
            enable_dns_hostnames: at(p, &["EnableDnsHostnames"]),
            default: false,
            flow_logs: Vec::new(),
        })),
        "AWS::EC2::FlowLog" => {
            let log = FlowLog {
                traffic_type: at(p, &["TrafficType"]),
                destination_type: at(p, &["LogDestinationType"]),
                resource: p.get("ResourceId").map(Link::from_node),
                pos: cx.pos,
            };
            // Only a flow log of a VPC resolves to a VPC of the template.
            let joined = log.clone();
            cx.join(p.get("ResourceId"), move |k| {
                if let Kind::Vpc(v) = k {
                    v.flow_logs.push(joined);
                }
            });
            Kind::FlowLog(Box::new(log))
        }
        "AWS::EC2::NetworkAcl" => Kind::NetworkAcl(Box::default()),
        "AWS::EC2::NetworkAclEntry" => {
            let entry = NaclEntry {
                egress: at(p, &["Egress"]),
                rule_number: at(p, &["RuleNumber"]),
                action: lower(at(p, &["RuleAction"])),
                protocol: at::<String>(p, &["Protocol"]).map(|s| normalize_protocol(&s)),
                from_port: at(p, &["PortRange", "From"]),
                to_port: at(p, &["PortRange", "To"]),
                cidr_ipv4: at(p, &["CidrBlock"]),
                cidr_ipv6: at(p, &["Ipv6CidrBlock"]),
                pos: cx.pos,
            };
            cx.join(p.get("NetworkAclId"), move |k| {
                if let Kind::NetworkAcl(acl) = k {
                    acl.entries.push(entry);
                }
            });
            Kind::Other
        }
        "AWS::EC2::Subnet" => Kind::Subnet(Box::new(Subnet {
            map_public_ip: at(p, &["MapPublicIpOnLaunch"]),
        })),
        "AWS::EC2::VPCEndpoint" => Kind::VpcEndpoint(Box::new(VpcEndpoint {
            endpoint_type: at(p, &["VpcEndpointType"]),
            service_name: at(p, &["ServiceName"]),
            policy: p
                .get("PolicyDocument")
                .filter(|n| !n.is_null())
                .map(|_| policy_doc(p, "PolicyDocument", "endpoint policy", None)),
        })),
        "AWS::NetworkFirewall::FirewallPolicy" => {
            Kind::FirewallPolicy(Box::new(firewall_policy(p.get("FirewallPolicy"))))
        }
        _ => return None,
    };
    Some(kind)
}

fn lower(v: Value<String>) -> Value<String> {
    v.map(|s| s.to_ascii_lowercase())
}

fn firewall_policy(fp: Option<&Node>) -> FirewallPolicy {
    let mut f = FirewallPolicy {
        pos: fp.map(|n| n.pos),
        ..FirewallPolicy::default()
    };
    let Some(fp) = fp else {
        return f;
    };
    if fp.is_unknown() || matches!(fp.v, V::Ref(_)) {
        f.rule_groups_unknown = Some((unknown_reason(fp), fp.pos));
        f.stateless_default_actions.push(value(Some(fp)));
        return f;
    }
    f.stateless_default_actions =
        string_list(fp.get("StatelessDefaultActions")).unwrap_or_default();
    f.stateless_fragment_default_actions =
        string_list(fp.get("StatelessFragmentDefaultActions")).unwrap_or_default();
    for key in [
        "StatelessRuleGroupReferences",
        "StatefulRuleGroupReferences",
    ] {
        match fp.get(key) {
            Some(n) if n.is_unknown() || matches!(n.v, V::Ref(_)) => {
                f.rule_groups_unknown = Some((unknown_reason(n), n.pos));
            }
            refs => f.rule_groups += items(refs).len(),
        }
    }
    f
}
