//! CloudFormation adapters of Amazon EC2 (and EBS, Auto Scaling launch configurations).

use wasp_core::Pos;
use wasp_model::{
    items, value, BlockDevice, Compute, Kind, Metadata, Node, SecurityGroup, SgRule,
    TransitGateway, Value, Volume,
};

use super::{at, target, Join, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::EC2::SecurityGroup" => Kind::SecurityGroup(Box::new(security_group(p))),
        "AWS::EC2::SecurityGroupIngress" => {
            // `GroupName` (default VPC): `!Ref` of a group returns its name there.
            let to = target(p.get("GroupId")).or_else(|| target(p.get("GroupName")));
            cx.joins
                .push((to, Join::Ingress(sg_rule(p, cx.pos)), cx.pos));
            Kind::Other
        }
        "AWS::EC2::SecurityGroupEgress" => {
            let to = target(p.get("GroupId")).or_else(|| target(p.get("GroupName")));
            cx.joins
                .push((to, Join::Egress(sg_rule(p, cx.pos)), cx.pos));
            Kind::Other
        }
        "AWS::EC2::Volume" => Kind::Volume(Box::new(Volume {
            encrypted: at(p, &["Encrypted"]),
            kms_key: at(p, &["KmsKeyId"]),
        })),
        "AWS::EC2::Instance" => Kind::Instance(Box::new(compute(p))),
        "AWS::EC2::LaunchTemplate" => {
            let data = p
                .get("LaunchTemplateData")
                .cloned()
                .unwrap_or_else(|| Node::null(cx.pos));
            Kind::LaunchTemplate(Box::new(compute(&data)))
        }
        "AWS::AutoScaling::LaunchConfiguration" => {
            let mut c = compute(p);
            c.associate_public_ip = at(p, &["AssociatePublicIpAddress"]);
            Kind::LaunchConfiguration(Box::new(c))
        }
        "AWS::EC2::TransitGateway" => Kind::TransitGateway(Box::new(TransitGateway {
            auto_accept_shared_attachments: at(p, &["AutoAcceptSharedAttachments"]),
        })),
        _ => return None,
    };
    Some(kind)
}

fn security_group(p: &Node) -> SecurityGroup {
    let mut g = SecurityGroup {
        name: at(p, &["GroupName"]),
        vpc_id: at(p, &["VpcId"]),
        // Without egress rules in `SecurityGroupEgress`, EC2 keeps its allow-all egress rule.
        implicit_egress_all: p
            .get("SecurityGroupEgress")
            .is_none_or(|n| n.is_null() || n.as_seq().is_some_and(<[Node]>::is_empty)),
        ..SecurityGroup::default()
    };
    for (key, list) in [
        ("SecurityGroupIngress", &mut g.ingress),
        ("SecurityGroupEgress", &mut g.egress),
    ] {
        let node = p.get(key);
        if let Some(n) = node.filter(|n| n.is_unknown()) {
            g.rules_unknown = Some((
                n.first_unknown()
                    .map(|(r, _)| r.to_string())
                    .unwrap_or_default(),
                n.pos,
            ));
            continue;
        }
        for r in items(node) {
            list.push(sg_rule(r, r.pos));
        }
    }
    g
}

fn sg_rule(r: &Node, pos: Pos) -> SgRule {
    SgRule {
        protocol: at::<String>(r, &["IpProtocol"]).map(|s| s.to_ascii_lowercase()),
        from_port: at(r, &["FromPort"]),
        to_port: at(r, &["ToPort"]),
        cidr_ipv4: at(r, &["CidrIp"]),
        cidr_ipv6: at(r, &["CidrIpv6"]),
        source_group: at::<String>(r, &["SourceSecurityGroupId"])
            .or(at(r, &["SourceSecurityGroupName"]))
            .or(at(r, &["SourcePrefixListId"]))
            .or(at(r, &["DestinationSecurityGroupId"]))
            .or(at(r, &["DestinationPrefixListId"])),
        description: at(r, &["Description"]),
        pos,
    }
}

fn compute(p: &Node) -> Compute {
    let md = p.get("MetadataOptions");
    let public_ip = items(p.get("NetworkInterfaces"))
        .iter()
        .map(|ni| at::<bool>(ni, &["AssociatePublicIpAddress"]))
        .fold(Value::Absent, |acc, v| match (&acc, &v) {
            (Value::Known(true, _), _) => acc,
            (_, Value::Known(true, _)) | (Value::Absent, _) => v,
            _ => acc,
        });
    let user_data = match at::<String>(p, &["UserData"]) {
        Value::Known(s, pos) => match crate::base64::decode(&s) {
            Some(bytes) => Value::Known(String::from_utf8_lossy(&bytes).into_owned(), pos),
            None => Value::Known(s, pos),
        },
        other => other,
    };
    Compute {
        metadata: Metadata {
            http_tokens: md.map(|m| at(m, &["HttpTokens"])).unwrap_or_default(),
            http_endpoint: md.map(|m| at(m, &["HttpEndpoint"])).unwrap_or_default(),
            hop_limit: md
                .map(|m| at(m, &["HttpPutResponseHopLimit"]))
                .unwrap_or_default(),
            pos: md.map(|m| m.pos),
        },
        associate_public_ip: public_ip,
        // A name on instances and launch configurations, `{Name}` or `{Arn}` in launch templates.
        instance_profile: match p.get("IamInstanceProfile") {
            Some(n) if n.as_map().is_some() => at(n, &["Name"]).or(at(n, &["Arn"])),
            n => value(n),
        },
        user_data,
        block_devices: items(p.get("BlockDeviceMappings"))
            .iter()
            .filter(|b| b.get("Ebs").is_some())
            .map(|b| BlockDevice {
                encrypted: at(b, &["Ebs", "Encrypted"]),
                pos: b.pos,
            })
            .collect(),
        launch_template: at(p, &["LaunchTemplate", "LaunchTemplateId"])
            .or(at(p, &["LaunchTemplate", "LaunchTemplateName"])),
        // `Monitoring` is a boolean on instances, `{Enabled}` in launch template data, and
        // `InstanceMonitoring` on launch configurations.
        monitoring: match p.get("Monitoring") {
            Some(m) if m.as_map().is_some() => at(m, &["Enabled"]),
            m => value(m),
        }
        .or(at(p, &["InstanceMonitoring"])),
    }
}
