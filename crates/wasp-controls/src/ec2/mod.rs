//! Amazon EC2: security groups, instances, launch templates, EBS volumes.

pub mod ebs_default_encryption_disabled;
pub mod ebs_snapshot_unencrypted;
pub mod ebs_unencrypted;
pub mod ebs_volume_not_encrypted_with_cmk;
pub mod imdsv2_not_required;
pub mod instance_public_ip;
pub mod sg_admin_ports_open_to_internet;
pub mod sg_all_traffic_open_to_internet;
pub mod sg_database_ports_open_to_internet;
// Network and compute area.
pub mod default_security_group_has_rules;
pub mod instance_without_instance_profile;
pub mod metadata_hop_limit_above_one;
pub mod sg_nonweb_ports_open_to_internet;
pub mod sg_rule_without_description;
pub mod sg_unrestricted_egress;
pub mod transit_gateway_auto_accepts_attachments;
pub mod user_data_secret;

use wasp_model::{Compute, Kind, Resource, SecurityGroup, SgRule, Value};

use crate::helpers::{fail, is_world, unknown};
use crate::Outcome;

pub(crate) fn group(res: &Resource) -> Option<&SecurityGroup> {
    match &res.kind {
        Kind::SecurityGroup(g) => Some(g),
        _ => None,
    }
}

/// The compute settings of an instance, launch template or launch configuration. An instance
/// launched from a launch template that does not set `setting` itself takes it from the
/// template, which is judged on its own: `None` then.
pub(crate) fn compute<T>(
    res: &Resource,
    setting: impl Fn(&Compute) -> &Value<T>,
) -> Option<&Compute> {
    match &res.kind {
        Kind::Instance(c) => {
            (c.launch_template.is_absent() || !setting(c).is_absent()).then_some(&**c)
        }
        Kind::LaunchTemplate(c) | Kind::LaunchConfiguration(c) => Some(c),
        _ => None,
    }
}

/// Does an ingress rule open to the whole internet? `Err` when the source is not known.
fn open_to_world(r: &SgRule) -> Result<Option<&'static str>, Outcome> {
    for (v, label) in [(&r.cidr_ipv4, "0.0.0.0/0"), (&r.cidr_ipv6, "::/0")] {
        match v {
            Value::Known(c, _) if is_world(c) => return Ok(Some(label)),
            Value::Unknown(reason, p) => {
                return Err(unknown(format!("rule source: {reason}"), Some(*p)))
            }
            _ => {}
        }
    }
    Ok(None)
}

/// Checks every ingress rule of a group against `hits`, which says what an open rule exposes
/// (`None` when the rule is fine). One outcome per rule open to the internet, `Pass` if none.
pub(crate) fn check_ingress(
    res: &Resource,
    hits: impl Fn(&SgRule) -> Result<Option<String>, Outcome>,
) -> Vec<Outcome> {
    let Some(g) = group(res) else {
        return vec![];
    };
    let mut out = Vec::new();
    for rule in &g.ingress {
        let world = match open_to_world(rule) {
            Ok(Some(w)) => w,
            Ok(None) => continue,
            Err(u) => {
                // Only matters if the ports would be a hit.
                if matches!(hits(rule), Ok(Some(_)) | Err(_)) {
                    out.push(u);
                }
                continue;
            }
        };
        match hits(rule) {
            Ok(Some(what)) => {
                out.push(fail(format!("ingress from {world} {what}"), Some(rule.pos)))
            }
            Ok(None) => {}
            Err(u) => out.push(u),
        }
    }
    if let Some((reason, pos)) = &g.rules_unknown {
        out.push(unknown(format!("rules: {reason}"), Some(*pos)));
    }
    if out.is_empty() {
        out.push(Outcome::Pass);
    }
    out
}

/// The port range and protocol of a rule: `Ok(None)` for all traffic.
pub(crate) fn port_range(r: &SgRule) -> Result<Option<(String, i64, i64)>, Outcome> {
    let proto = match &r.protocol {
        Value::Known(p, _) => p.clone(),
        Value::Absent => "-1".to_string(),
        Value::Unknown(reason, p) => return Err(unknown(format!("protocol: {reason}"), Some(*p))),
    };
    if proto == "-1" || proto == "all" {
        return Ok(None);
    }
    let port = |v: &Value<i64>, default: i64| match v {
        Value::Known(n, _) => Ok(*n),
        Value::Absent => Ok(default),
        Value::Unknown(reason, p) => Err(unknown(format!("port: {reason}"), Some(*p))),
    };
    let from = port(&r.from_port, 0)?;
    let to = port(&r.to_port, 65535)?;
    // ICMP uses the port fields for type/code; -1 means all.
    if from == -1 && to == -1 && (proto == "tcp" || proto == "udp" || proto == "6" || proto == "17")
    {
        return Ok(Some((proto, 0, 65535)));
    }
    Ok(Some((proto, from, to)))
}

/// Named ports a rule exposes (TCP only).
pub(crate) fn exposed(r: &SgRule, ports: &[(i64, &str)]) -> Result<Option<String>, Outcome> {
    let Some((proto, from, to)) = port_range(r)? else {
        let names: Vec<String> = ports.iter().map(|(p, n)| format!("{n} ({p})")).collect();
        return Ok(Some(format!(
            "allows all traffic, including {}",
            names.join(", ")
        )));
    };
    if !(proto == "tcp" || proto == "6") {
        return Ok(None);
    }
    let hit: Vec<String> = ports
        .iter()
        .filter(|(p, _)| (from..=to).contains(p))
        .map(|(p, n)| format!("{n} ({p})"))
        .collect();
    Ok((!hit.is_empty()).then(|| format!("exposes {}", hit.join(", "))))
}
