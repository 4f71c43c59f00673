//! Terraform adapters of Amazon EC2 (and EBS, Auto Scaling launch configurations).

use wasp_core::Pos;
use wasp_model::{
    value, BlockDevice, Compute, EbsDefaultEncryption, Kind, KindTag, Metadata, Node, Ref,
    SecurityGroup, SgRule, Snapshot, TransitGateway, Value, Volume, V,
};

use super::{blocks, dig, vbool, vstr, Index, RawRes};
use crate::terraform::eval::why;

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_security_group" | "aws_default_security_group" => {
            let mut sg = SecurityGroup {
                name: value(b.get("name")),
                vpc_id: value(b.get("vpc_id")),
                is_default: rtype == "aws_default_security_group",
                ..SecurityGroup::default()
            };
            add_sg_blocks(&mut sg, b, "ingress", plan);
            add_sg_blocks(&mut sg, b, "egress", plan);
            Kind::SecurityGroup(Box::new(sg))
        }
        "aws_ebs_volume" => Kind::Volume(Box::new(Volume {
            encrypted: value(b.get("encrypted")),
            kms_key: value(b.get("kms_key_id")),
        })),
        "aws_instance" => {
            let mut c = Compute {
                metadata: metadata(b),
                associate_public_ip: value(b.get("associate_public_ip_address")),
                instance_profile: value(b.get("iam_instance_profile")),
                user_data: plan_user_data(value(b.get("user_data")), plan)
                    .or(decoded(value(b.get("user_data_base64")))),
                launch_template: vstr(b, &["launch_template", "id"])
                    .or(vstr(b, &["launch_template", "name"])),
                monitoring: value(b.get("monitoring")),
                ..Compute::default()
            };
            for k in ["root_block_device", "ebs_block_device"] {
                for d in blocks(b, k) {
                    c.block_devices.push(BlockDevice {
                        encrypted: vbool(d, &["encrypted"]),
                        pos: d.pos,
                    });
                }
            }
            Kind::Instance(Box::new(c))
        }
        "aws_launch_template" => {
            let mut c = Compute {
                metadata: metadata(b),
                associate_public_ip: vbool(
                    b,
                    &["network_interfaces", "associate_public_ip_address"],
                ),
                instance_profile: vstr(b, &["iam_instance_profile", "name"])
                    .or(vstr(b, &["iam_instance_profile", "arn"])),
                // A launch template's user data is base64-encoded.
                user_data: decoded(value(b.get("user_data"))),
                monitoring: vbool(b, &["monitoring", "enabled"]),
                ..Compute::default()
            };
            // Instance-store mappings (`virtual_name`, no `ebs` block) are not EBS volumes.
            for d in blocks(b, "block_device_mappings")
                .into_iter()
                .filter(|d| d.get("ebs").is_some())
            {
                c.block_devices.push(BlockDevice {
                    encrypted: vbool(d, &["ebs", "encrypted"]),
                    pos: d.pos,
                });
            }
            Kind::LaunchTemplate(Box::new(c))
        }
        "aws_launch_configuration" => {
            let mut c = Compute {
                metadata: metadata(b),
                associate_public_ip: value(b.get("associate_public_ip_address")),
                instance_profile: value(b.get("iam_instance_profile")),
                user_data: plan_user_data(value(b.get("user_data")), plan)
                    .or(decoded(value(b.get("user_data_base64")))),
                monitoring: value(b.get("enable_monitoring")),
                ..Compute::default()
            };
            for k in ["root_block_device", "ebs_block_device"] {
                for d in blocks(b, k) {
                    c.block_devices.push(BlockDevice {
                        encrypted: vbool(d, &["encrypted"]),
                        pos: d.pos,
                    });
                }
            }
            Kind::LaunchConfiguration(Box::new(c))
        }
        "aws_ec2_transit_gateway" => Kind::TransitGateway(Box::new(TransitGateway {
            auto_accept_shared_attachments: value(b.get("auto_accept_shared_attachments")),
        })),
        "aws_ebs_snapshot" => Kind::Snapshot(Box::new(Snapshot {
            source: value(b.get("volume_id")),
            ..Snapshot::default()
        })),
        "aws_ebs_snapshot_copy" => Kind::Snapshot(Box::new(Snapshot {
            encrypted: value(b.get("encrypted")),
            source: value(b.get("source_snapshot_id")),
            source_encrypted: None,
        })),
        "aws_ebs_snapshot_import" => Kind::Snapshot(Box::new(Snapshot {
            encrypted: value(b.get("encrypted")),
            ..Snapshot::default()
        })),
        "aws_ebs_encryption_by_default" => {
            Kind::EbsDefaultEncryption(Box::new(EbsDefaultEncryption {
                enabled: value(b.get("enabled")),
            }))
        }
        _ => return None,
    };
    Some(kind)
}

/// Joins a sub-resource of this service into the resource it configures; `false` when the type
/// is not one of its own.
pub(super) fn join(r: &RawRes, ix: &Index, kinds: &mut [Kind]) -> bool {
    let b = &r.body;
    let t = r.rtype.as_str();
    match t {
        "aws_security_group_rule" => {
            let Some(i) = ix.find(b.get("security_group_id"), KindTag::SecurityGroup, kinds) else {
                return true;
            };
            let Kind::SecurityGroup(sg) = &mut kinds[i] else {
                return true;
            };
            let rules = sg_rules(b, r.pos);
            match b.get("type").and_then(|t| t.as_str()) {
                Some("ingress") => sg.ingress.extend(rules),
                Some("egress") => sg.egress.extend(rules),
                _ => {
                    sg.rules_unknown
                        .get_or_insert((format!("rule `{}` of unknown type", r.address), r.pos));
                }
            }
        }
        "aws_vpc_security_group_ingress_rule" | "aws_vpc_security_group_egress_rule" => {
            let Some(i) = ix.find(b.get("security_group_id"), KindTag::SecurityGroup, kinds) else {
                return true;
            };
            let Kind::SecurityGroup(sg) = &mut kinds[i] else {
                return true;
            };
            let rules = sg_rules(b, r.pos);
            if t.ends_with("ingress_rule") {
                sg.ingress.extend(rules);
            } else {
                sg.egress.extend(rules);
            }
        }
        "aws_ebs_snapshot" | "aws_ebs_snapshot_copy" => {
            let (key, tag) = if r.rtype == "aws_ebs_snapshot" {
                ("volume_id", KindTag::Volume)
            } else {
                ("source_snapshot_id", KindTag::Snapshot)
            };
            let inherited = ix
                .find(b.get(key), tag, kinds)
                .and_then(|j| match &kinds[j] {
                    Kind::Volume(v) => Some(v.encrypted.clone()),
                    Kind::Snapshot(s) => snapshot_encrypted(s),
                    _ => None,
                });
            if let (Some(enc), Some(i)) = (inherited, own(r, ix, KindTag::Snapshot, kinds)) {
                if let Kind::Snapshot(s) = &mut kinds[i] {
                    s.source_encrypted = Some(enc);
                }
            }
        }
        _ => return false,
    }
    true
}

fn lower(v: Value<String>) -> Value<String> {
    v.map(|s| {
        let s = s.to_ascii_lowercase();
        if s == "all" {
            "-1".to_string()
        } else {
            s
        }
    })
}

/// Rules from one ingress/egress block or rule resource: one per source.
fn sg_rules(b: &Node, pos: Pos) -> Vec<SgRule> {
    let protocol = lower(value(b.get("protocol").or_else(|| b.get("ip_protocol"))));
    let base = SgRule {
        protocol,
        from_port: value(b.get("from_port")),
        to_port: value(b.get("to_port")),
        description: value(b.get("description")),
        pos,
        ..SgRule::default()
    };
    let mut out = Vec::new();
    let mut each = |k: &str, f: &dyn Fn(&mut SgRule, Value<String>)| {
        for item in wasp_model::items(b.get(k)) {
            let mut r = base.clone();
            f(&mut r, value(Some(item)));
            out.push(r);
        }
    };
    each("cidr_blocks", &|r, v| r.cidr_ipv4 = v);
    each("cidr_ipv4", &|r, v| r.cidr_ipv4 = v);
    each("ipv6_cidr_blocks", &|r, v| r.cidr_ipv6 = v);
    each("cidr_ipv6", &|r, v| r.cidr_ipv6 = v);
    for k in [
        "security_groups",
        "source_security_group_id",
        "referenced_security_group_id",
        "prefix_list_ids",
        "prefix_list_id",
    ] {
        each(k, &|r, v| r.source_group = v);
    }
    if let Some(s) = b.get("self") {
        if s.as_bool() == Some(true) {
            let mut r = base.clone();
            r.source_group = Value::Known("self".into(), s.pos);
            out.push(r);
        }
    }
    if out.is_empty() {
        out.push(base);
    }
    out
}

fn add_sg_blocks(sg: &mut SecurityGroup, body: &Node, key: &str, plan: bool) {
    for b in blocks(body, key) {
        if b.is_unknown() {
            if !plan {
                sg.rules_unknown.get_or_insert((why(b), b.pos));
            } else if sg.rules_unknown.is_none() {
                sg.rules_unknown = Some((format!("`{key}` known only after apply"), b.pos));
            }
            continue;
        }
        let rules = sg_rules(b, b.pos);
        if key == "ingress" {
            sg.ingress.extend(rules);
        } else {
            sg.egress.extend(rules);
        }
    }
}

fn metadata(body: &Node) -> Metadata {
    let pos = blocks(body, "metadata_options").first().map(|b| b.pos);
    Metadata {
        http_tokens: vstr(body, &["metadata_options", "http_tokens"]),
        http_endpoint: vstr(body, &["metadata_options", "http_endpoint"]),
        hop_limit: value(dig(
            body,
            &["metadata_options", "http_put_response_hop_limit"],
        )),
        pos,
    }
}

/// Base64 user data (launch templates, `user_data_base64`) decoded, when it decodes to text.
fn decoded(v: Value<String>) -> Value<String> {
    match v {
        Value::Known(s, pos) => match crate::base64::decode(s.trim()) {
            Some(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Value::Known(text, pos),
                Err(_) => Value::Known(s, pos),
            },
            None => Value::Known(s, pos),
        },
        other => other,
    }
}

/// `user_data` of instances and launch configurations: a plan holds only its SHA-1 hash.
fn plan_user_data(v: Value<String>, plan: bool) -> Value<String> {
    match v {
        Value::Known(s, pos)
            if plan && s.len() == 40 && s.bytes().all(|b| b.is_ascii_hexdigit()) =>
        {
            Value::Unknown("the plan holds only a hash of the user data".into(), pos)
        }
        other => other,
    }
}

/// The encryption a snapshot has for certain, if known from this configuration.
fn snapshot_encrypted(s: &Snapshot) -> Option<Value<bool>> {
    match (&s.encrypted, &s.source_encrypted) {
        (Value::Known(true, _), _) => Some(s.encrypted.clone()),
        (_, Some(v)) => Some(v.clone()),
        _ => None,
    }
}

/// The index of the resource `r` itself.
fn own(r: &RawRes, ix: &Index, tag: KindTag, kinds: &[Kind]) -> Option<usize> {
    let me = Node::new(
        r.pos,
        V::Ref(Ref {
            target: r.address.as_str().into(),
            attr: None,
        }),
    );
    ix.find(Some(&me), tag, kinds)
}
