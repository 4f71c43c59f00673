//! CloudFormation adapters, Network and compute: VPC layers, traffic control, containers, build (SEC05, SEC06).

use wasp_model::{
    items, normalize_protocol, path, value, BuildProject, BuildVariable, Container, EcrRepository,
    EcsCluster, EcsService, EksCluster, FirewallPolicy, FunctionUrl, Kind, LambdaPermission,
    NaclEntry, Node, RegistryScanRule, RegistryScanning, Subnet, TaskDefinition, TransitGateway,
    Value, VpcEndpoint, WebAclAssociation, V,
};

use super::adapt::{at, compute, policy_doc, AreaCx};

/// Adapts a resource of this area; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, cx: &mut AreaCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::AutoScaling::LaunchConfiguration" => {
            let mut c = compute(p);
            c.associate_public_ip = at(p, &["AssociatePublicIpAddress"]);
            Kind::LaunchConfiguration(Box::new(c))
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
        "AWS::WAFv2::WebACLAssociation" | "AWS::WAFRegional::WebACLAssociation" => {
            let arn = p.get("ResourceArn");
            Kind::WebAclAssociation(Box::new(WebAclAssociation {
                resource_arn: value(arn),
                target: arn.and_then(|n| match &n.v {
                    V::Ref(r) => Some(r.target.to_string()),
                    _ => None,
                }),
            }))
        }
        "AWS::EKS::Cluster" => Kind::EksCluster(Box::new(eks_cluster(p))),
        "AWS::ECS::TaskDefinition" => Kind::TaskDefinition(Box::new(task_definition(p))),
        "AWS::ECS::Cluster" => {
            let mut insights = Value::Absent;
            for s in items(p.get("ClusterSettings")) {
                if s.is_unknown() {
                    insights = value(Some(s));
                } else if s.get("Name").and_then(Node::as_str) == Some("containerInsights") {
                    insights = at(s, &["Value"]);
                }
            }
            if let Some(n) = p.get("ClusterSettings").filter(|n| n.is_unknown()) {
                insights = value(Some(n));
            }
            Kind::EcsCluster(Box::new(EcsCluster {
                container_insights: insights,
            }))
        }
        "AWS::ECR::Repository" => Kind::EcrRepository(Box::new(EcrRepository {
            name: at(p, &["RepositoryName"]),
            scan_on_push: at(p, &["ImageScanningConfiguration", "ScanOnPush"]),
            tag_mutability: at(p, &["ImageTagMutability"]),
            policy: p
                .get("RepositoryPolicyText")
                .filter(|n| !n.is_null())
                .map(|_| policy_doc(p, "RepositoryPolicyText", "repository policy", None)),
        })),
        "AWS::ECR::RegistryScanningConfiguration" => {
            let mut s = RegistryScanning {
                scan_type: at(p, &["ScanType"]),
                ..RegistryScanning::default()
            };
            match p.get("Rules") {
                Some(n) if n.is_unknown() || matches!(n.v, V::Ref(_)) => {
                    s.rules_unknown = Some((unknown_reason(n), n.pos));
                }
                rules => {
                    for r in items(rules) {
                        s.rules.push(RegistryScanRule {
                            frequency: at(r, &["ScanFrequency"]),
                            filters: items(r.get("RepositoryFilters"))
                                .iter()
                                .map(|f| {
                                    if f.is_unknown() {
                                        value(Some(f))
                                    } else {
                                        at(f, &["Filter"])
                                    }
                                })
                                .collect(),
                        });
                    }
                }
            }
            Kind::RegistryScanning(Box::new(s))
        }
        "AWS::CodeBuild::Project" => Kind::BuildProject(Box::new(build_project(p))),
        "AWS::EC2::TransitGateway" => Kind::TransitGateway(Box::new(TransitGateway {
            auto_accept_shared_attachments: at(p, &["AutoAcceptSharedAttachments"]),
        })),
        "AWS::ECS::Service" => Kind::EcsService(Box::new(EcsService {
            assign_public_ip: at::<String>(
                p,
                &[
                    "NetworkConfiguration",
                    "AwsvpcConfiguration",
                    "AssignPublicIp",
                ],
            )
            .map(|s| s.eq_ignore_ascii_case("enabled")),
        })),
        "AWS::NetworkFirewall::FirewallPolicy" => {
            Kind::FirewallPolicy(Box::new(firewall_policy(p.get("FirewallPolicy"))))
        }
        "AWS::Lambda::Url" => Kind::FunctionUrl(Box::new(FunctionUrl {
            auth_type: at(p, &["AuthType"]),
        })),
        "AWS::Lambda::Permission" => Kind::LambdaPermission(Box::new(LambdaPermission {
            principal: at(p, &["Principal"]),
            action: at(p, &["Action"]),
            source_arn: at(p, &["SourceArn"]),
            source_account: at(p, &["SourceAccount"]),
            principal_org_id: at(p, &["PrincipalOrgID"]),
            function_url_auth_type: at(p, &["FunctionUrlAuthType"]),
        })),
        _ => return None,
    };
    Some(kind)
}

fn lower(v: Value<String>) -> Value<String> {
    v.map(|s| s.to_ascii_lowercase())
}

fn unknown_reason(n: &Node) -> String {
    match value::<Node>(Some(n)) {
        Value::Unknown(r, _) => r.to_string(),
        _ => "not known statically".into(),
    }
}

/// Reads a list of strings: `None` when absent; an unknown list is one unknown item.
fn string_list(n: Option<&Node>) -> Option<Vec<Value<String>>> {
    let n = n.filter(|n| !n.is_null())?;
    if n.is_unknown() || matches!(n.v, V::Ref(_)) {
        return Some(vec![value(Some(n))]);
    }
    Some(items(Some(n)).iter().map(|i| value(Some(i))).collect())
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

fn eks_cluster(p: &Node) -> EksCluster {
    let vpc = p.get("ResourcesVpcConfig");
    let mut secrets_kms_key = Value::Absent;
    for c in items(p.get("EncryptionConfig")) {
        if c.is_unknown() {
            secrets_kms_key = value(Some(c));
            continue;
        }
        let resources = string_list(c.get("Resources")).unwrap_or_default();
        let secrets = resources
            .iter()
            .any(|r| r.known().is_some_and(|s| s == "secrets"));
        if let Some(u) = resources.iter().find(|r| r.is_unknown()) {
            if secrets_kms_key.is_absent() {
                secrets_kms_key = u.clone();
            }
        }
        if secrets {
            secrets_kms_key = at(c, &["Provider", "KeyArn"]);
        }
    }
    let logging = path(p.get("Logging"), &["ClusterLogging", "EnabledTypes"]);
    let log_types = logging.map(|l| {
        if l.is_unknown() || matches!(l.v, V::Ref(_)) {
            vec![value(Some(l))]
        } else {
            items(Some(l))
                .iter()
                .map(|t| {
                    if t.is_unknown() {
                        value(Some(t))
                    } else {
                        at(t, &["Type"])
                    }
                })
                .collect()
        }
    });
    EksCluster {
        version: at(p, &["Version"]),
        endpoint_public: vpc
            .map(|v| at(v, &["EndpointPublicAccess"]))
            .unwrap_or_default(),
        public_access_cidrs: vpc.and_then(|v| string_list(path(Some(v), &["PublicAccessCidrs"]))),
        endpoint_pos: vpc.map(|v| v.pos),
        secrets_kms_key,
        log_types,
        log_types_pos: logging.map(|l| l.pos),
    }
}

fn task_definition(p: &Node) -> TaskDefinition {
    let mut td = TaskDefinition {
        network_mode: at(p, &["NetworkMode"]),
        pid_mode: at(p, &["PidMode"]),
        ..TaskDefinition::default()
    };
    match p.get("ContainerDefinitions") {
        Some(n) if n.is_unknown() || matches!(n.v, V::Ref(_)) => {
            td.containers_unknown = Some((unknown_reason(n), n.pos));
        }
        defs => {
            for c in items(defs) {
                if c.as_map().is_none() {
                    td.containers_unknown = Some((unknown_reason(c), c.pos));
                    continue;
                }
                td.containers.push(Container {
                    name: at(c, &["Name"]),
                    privileged: at(c, &["Privileged"]),
                    user: at(c, &["User"]),
                    readonly_root_filesystem: at(c, &["ReadonlyRootFilesystem"]),
                    environment: name_values(c.get("Environment"), "Name", "Value"),
                    pos: c.pos,
                });
            }
        }
    }
    td
}

/// `[{Name, Value}]` pairs; an unknown list or item becomes a `*` entry with the reason.
fn name_values(n: Option<&Node>, name: &str, val: &str) -> Vec<(String, Value<String>)> {
    let mut out = Vec::new();
    if let Some(n) = n.filter(|n| n.is_unknown() || matches!(n.v, V::Ref(_))) {
        out.push(("*".to_string(), value(Some(n))));
        return out;
    }
    for e in items(n) {
        match e.get(name).and_then(Node::as_str) {
            Some(k) => out.push((k.to_string(), at(e, &[val]))),
            None => out.push((
                "*".to_string(),
                Value::Unknown(unknown_reason(e).into(), e.pos),
            )),
        }
    }
    out
}

fn build_project(p: &Node) -> BuildProject {
    let env = p.get("Environment");
    let mut b = BuildProject {
        privileged_mode: env.map(|e| at(e, &["PrivilegedMode"])).unwrap_or_default(),
        s3_logs_encryption_disabled: at(p, &["LogsConfig", "S3Logs", "EncryptionDisabled"]),
        ..BuildProject::default()
    };
    match path(env, &["EnvironmentVariables"]) {
        Some(n) if n.is_unknown() || matches!(n.v, V::Ref(_)) => {
            b.environment_unknown = Some((unknown_reason(n), n.pos));
        }
        vars => {
            for v in items(vars) {
                if v.as_map().is_none() {
                    b.environment_unknown = Some((unknown_reason(v), v.pos));
                    continue;
                }
                b.environment.push(BuildVariable {
                    name: at(v, &["Name"]),
                    var_type: at(v, &["Type"]),
                    value: at(v, &["Value"]),
                    pos: v.pos,
                });
            }
        }
    }
    let mut sources = vec![p.get("Source")];
    sources.extend(items(p.get("SecondarySources")).iter().map(Some));
    for s in sources.into_iter().flatten() {
        b.source_locations.push(at(s, &["Location"]));
    }
    let mut artifacts = vec![p.get("Artifacts")];
    artifacts.extend(items(p.get("SecondaryArtifacts")).iter().map(Some));
    for a in artifacts.into_iter().flatten() {
        b.artifacts_encryption_disabled
            .push(at(a, &["EncryptionDisabled"]));
    }
    b
}
