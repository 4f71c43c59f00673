//! Terraform adapters, Network and compute: VPC layers, traffic control, containers, build (SEC05, SEC06).

use wasp_core::Pos;
use wasp_model::{
    items, normalize_protocol, value, BlockDevice, BuildProject, BuildVariable, Compute, Container,
    EcrRepository, EcsCluster, EcsService, EksCluster, FirewallPolicy, FunctionUrl, Kind, KindTag,
    LambdaPermission, NaclEntry, NetworkAcl, Node, RegistryScanRule, RegistryScanning, SsmDocument,
    Subnet, TaskDefinition, TransitGateway, Value, VpcEndpoint, WebAclAssociation, V,
};

use super::adapter::{blocks, metadata, policy_doc, vbool, vstr, Index, RawRes};
use super::eval::{restamp, why};

/// Adapts a resource of this area; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, plan: bool) -> Option<Kind> {
    let kind = match rtype {
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
        "aws_wafv2_web_acl_association" | "aws_wafregional_web_acl_association" => {
            let arn = b.get("resource_arn");
            Kind::WebAclAssociation(Box::new(WebAclAssociation {
                resource_arn: value(arn),
                target: arn.and_then(|n| match &n.v {
                    V::Ref(r) => Some(r.target.to_string()),
                    _ => None,
                }),
            }))
        }
        "aws_eks_cluster" => Kind::EksCluster(Box::new(eks_cluster(b))),
        "aws_ecs_task_definition" => Kind::TaskDefinition(Box::new(task_definition(b))),
        "aws_ecs_cluster" => {
            let mut insights = Value::Absent;
            for s in blocks(b, "setting") {
                if s.is_unknown() {
                    insights = Value::Unknown(why(s).into(), s.pos);
                } else if s.get("name").and_then(Node::as_str) == Some("containerInsights") {
                    insights = value(s.get("value"));
                }
            }
            Kind::EcsCluster(Box::new(EcsCluster {
                container_insights: insights,
            }))
        }
        "aws_ecr_repository" => Kind::EcrRepository(Box::new(EcrRepository {
            name: value(b.get("name")),
            scan_on_push: vbool(b, &["image_scanning_configuration", "scan_on_push"]),
            tag_mutability: value(b.get("image_tag_mutability")),
            policy: None,
        })),
        "aws_ecr_registry_scanning_configuration" => {
            let mut s = RegistryScanning {
                scan_type: value(b.get("scan_type")),
                ..RegistryScanning::default()
            };
            for r in blocks(b, "rule") {
                if r.is_unknown() {
                    s.rules_unknown
                        .get_or_insert((unknown_block(r, "rule", plan), r.pos));
                    continue;
                }
                s.rules.push(RegistryScanRule {
                    frequency: value(r.get("scan_frequency")),
                    filters: blocks(r, "repository_filter")
                        .into_iter()
                        .map(|f| {
                            if f.is_unknown() {
                                Value::Unknown(why(f).into(), f.pos)
                            } else {
                                value(f.get("filter"))
                            }
                        })
                        .collect(),
                });
            }
            Kind::RegistryScanning(Box::new(s))
        }
        "aws_codebuild_project" => Kind::BuildProject(Box::new(build_project(b, plan))),
        "aws_ssm_document" => {
            let mut d = SsmDocument::default();
            if let Some(perm) = b.get("permissions").filter(|n| !n.is_null()) {
                let shares = match perm.get("type") {
                    Some(t) => value::<String>(Some(t)).map(|t| t.eq_ignore_ascii_case("share")),
                    None if perm.contains_unknown() => Value::Unknown(why(perm).into(), perm.pos),
                    None => Value::Known(false, perm.pos),
                };
                match shares {
                    Value::Known(true, _) => match value::<String>(perm.get("account_ids")) {
                        Value::Known(ids, p) => {
                            for id in ids.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                                d.shared_with.push(Value::Known(id.to_string(), p));
                            }
                        }
                        Value::Absent => {}
                        u => d.shared_with.push(u),
                    },
                    Value::Unknown(r, p) => d.shared_with.push(Value::Unknown(r, p)),
                    _ => {}
                }
            }
            Kind::SsmDocument(Box::new(d))
        }
        "aws_ec2_transit_gateway" => Kind::TransitGateway(Box::new(TransitGateway {
            auto_accept_shared_attachments: value(b.get("auto_accept_shared_attachments")),
        })),
        "aws_ecs_service" => Kind::EcsService(Box::new(EcsService {
            assign_public_ip: vbool(b, &["network_configuration", "assign_public_ip"]),
        })),
        "aws_networkfirewall_firewall_policy" => {
            Kind::FirewallPolicy(Box::new(firewall_policy(b, plan)))
        }
        "aws_lambda_function_url" => Kind::FunctionUrl(Box::new(FunctionUrl {
            auth_type: value(b.get("authorization_type")),
        })),
        "aws_lambda_permission" => Kind::LambdaPermission(Box::new(LambdaPermission {
            principal: value(b.get("principal")),
            action: value(b.get("action")),
            source_arn: value(b.get("source_arn")),
            source_account: value(b.get("source_account")),
            principal_org_id: value(b.get("principal_org_id")),
            function_url_auth_type: value(b.get("function_url_auth_type")),
        })),
        _ => return None,
    };
    Some(kind)
}

/// Joins a sub-resource of this area into the resource it configures; `false` when the type
/// is not one of its own.
pub(super) fn join(r: &RawRes, ix: &Index, kinds: &mut [Kind]) -> bool {
    let b = &r.body;
    match r.rtype.as_str() {
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
        "aws_ecr_repository_policy" => {
            if let Some(i) = ix.find(b.get("repository"), KindTag::EcrRepository, kinds) {
                if let (Kind::EcrRepository(e), Some(d)) = (
                    &mut kinds[i],
                    policy_doc("repository policy", b.get("policy")),
                ) {
                    e.policy = Some(d);
                }
            }
        }
        _ => return false,
    }
    true
}

/// Base64 user data (launch templates, `user_data_base64`) decoded, when it decodes to text.
pub(super) fn decoded(v: Value<String>) -> Value<String> {
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
pub(super) fn plan_user_data(v: Value<String>, plan: bool) -> Value<String> {
    match v {
        Value::Known(s, pos)
            if plan && s.len() == 40 && s.bytes().all(|b| b.is_ascii_hexdigit()) =>
        {
            Value::Unknown("the plan holds only a hash of the user data".into(), pos)
        }
        other => other,
    }
}

fn unknown_block(b: &Node, key: &str, plan: bool) -> String {
    if plan {
        format!("`{key}` known only after apply")
    } else {
        why(b)
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

/// A JSON document given as a tree (`jsonencode`) or as a string (heredoc, `file`).
fn json_tree(n: &Node) -> Result<Node, (String, Pos)> {
    match &n.v {
        V::Seq(_) | V::Map(_) => Ok(n.clone()),
        V::Str(s) => match crate::json::parse(s) {
            Ok(doc) => Ok(restamp(doc, n.pos)),
            Err(e) => Err((format!("not valid JSON: {}", e.message), n.pos)),
        },
        _ => Err((why(n), n.pos)),
    }
}

/// A list of strings: `None` when absent; an unknown list is one unknown item.
fn string_list(n: Option<&Node>) -> Option<Vec<Value<String>>> {
    let n = n.filter(|n| !n.is_null())?;
    if n.is_unknown() || matches!(n.v, V::Ref(_)) {
        return Some(vec![Value::Unknown(why(n).into(), n.pos)]);
    }
    Some(items(Some(n)).iter().map(|i| value(Some(i))).collect())
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

fn eks_cluster(b: &Node) -> EksCluster {
    let vpc = blocks(b, "vpc_config").first().copied();
    let mut secrets_kms_key = Value::Absent;
    for c in blocks(b, "encryption_config") {
        if c.is_unknown() {
            secrets_kms_key = Value::Unknown(why(c).into(), c.pos);
            continue;
        }
        let resources = string_list(c.get("resources")).unwrap_or_default();
        if let Some(u) = resources.iter().find(|r| r.is_unknown()) {
            if secrets_kms_key.is_absent() {
                secrets_kms_key = u.clone();
            }
        }
        if resources
            .iter()
            .any(|r| r.known().is_some_and(|s| s == "secrets"))
        {
            secrets_kms_key = vstr(c, &["provider", "key_arn"]);
        }
    }
    let logging = b.get("enabled_cluster_log_types").filter(|n| !n.is_null());
    EksCluster {
        version: value(b.get("version")),
        endpoint_public: vpc
            .map(|v| vbool(v, &["endpoint_public_access"]))
            .unwrap_or_default(),
        public_access_cidrs: vpc.and_then(|v| string_list(v.get("public_access_cidrs"))),
        endpoint_pos: vpc.map(|v| v.pos),
        secrets_kms_key,
        log_types: string_list(logging),
        log_types_pos: logging.map(|l| l.pos),
    }
}

fn task_definition(b: &Node) -> TaskDefinition {
    let mut td = TaskDefinition {
        network_mode: value(b.get("network_mode")),
        pid_mode: value(b.get("pid_mode")),
        ..TaskDefinition::default()
    };
    let Some(defs) = b.get("container_definitions").filter(|n| !n.is_null()) else {
        return td;
    };
    let tree = match json_tree(defs) {
        Ok(t) => t,
        Err(u) => {
            td.containers_unknown = Some(u);
            return td;
        }
    };
    if tree.is_unknown() || matches!(tree.v, V::Ref(_)) {
        td.containers_unknown = Some((why(&tree), tree.pos));
        return td;
    }
    for c in items(Some(&tree)) {
        if c.as_map().is_none() {
            td.containers_unknown = Some((why(c), c.pos));
            continue;
        }
        let mut environment = Vec::new();
        match c.get("environment") {
            Some(n) if n.is_unknown() || matches!(n.v, V::Ref(_)) => {
                environment.push(("*".to_string(), Value::Unknown(why(n).into(), n.pos)));
            }
            env => {
                for e in items(env) {
                    match e.get("name").and_then(Node::as_str) {
                        Some(k) => environment.push((k.to_string(), value(e.get("value")))),
                        None => environment
                            .push(("*".to_string(), Value::Unknown(why(e).into(), e.pos))),
                    }
                }
            }
        }
        td.containers.push(Container {
            name: value(c.get("name")),
            privileged: value(c.get("privileged")),
            user: value(c.get("user")),
            readonly_root_filesystem: value(c.get("readonlyRootFilesystem")),
            environment,
            pos: c.pos,
        });
    }
    td
}

fn build_project(b: &Node, plan: bool) -> BuildProject {
    let env = blocks(b, "environment").first().copied();
    let mut p = BuildProject {
        privileged_mode: env
            .map(|e| vbool(e, &["privileged_mode"]))
            .unwrap_or_default(),
        s3_logs_encryption_disabled: vbool(b, &["logs_config", "s3_logs", "encryption_disabled"]),
        ..BuildProject::default()
    };
    if let Some(env) = env {
        if env.is_unknown() {
            p.environment_unknown = Some((unknown_block(env, "environment", plan), env.pos));
        } else {
            for v in blocks(env, "environment_variable") {
                if v.is_unknown() {
                    p.environment_unknown
                        .get_or_insert((unknown_block(v, "environment_variable", plan), v.pos));
                    continue;
                }
                p.environment.push(BuildVariable {
                    name: value(v.get("name")),
                    var_type: value(v.get("type")),
                    value: value(v.get("value")),
                    pos: v.pos,
                });
            }
        }
    }
    for k in ["source", "secondary_sources"] {
        for s in blocks(b, k) {
            p.source_locations.push(vstr(s, &["location"]));
        }
    }
    for k in ["artifacts", "secondary_artifacts"] {
        for a in blocks(b, k) {
            p.artifacts_encryption_disabled
                .push(vbool(a, &["encryption_disabled"]));
        }
    }
    p
}
