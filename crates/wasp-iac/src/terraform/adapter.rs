//! Terraform resources (evaluated bodies or plan values) into the normalized model, joining the
//! sub-resources Terraform splits out (`aws_s3_bucket_versioning`, `aws_security_group_rule`,
//! `aws_iam_role_policy`, ...) into the resource they configure.

use std::collections::{BTreeSet, HashMap};

use wasp_core::{FileRef, Pos};
use wasp_model::{
    value, ApiStage, BlockDevice, Bucket, Compute, Database, Function, Kind, KindTag, KmsKey,
    Listener, ListenerAction, ManagedPolicy, Metadata, Model, Node, PolicyDoc, Principal,
    PublicAccessBlock, Resource, SecurityGroup, SgRule, SourceInfo, Table, Trail, Value, Volume, V,
};

use super::eval::why;
use super::policy::policy_value;

/// One Terraform resource instance before adaptation.
pub(crate) struct RawRes {
    pub address: String,
    pub rtype: String,
    pub file: FileRef,
    pub pos: Pos,
    /// The attributes: a map; nested blocks are sequences of maps.
    pub body: Node,
    pub refs: BTreeSet<String>,
}

/// Follows keys through nested blocks (a sequence of blocks counts as its first block).
/// An unknown on the way is returned itself.
pub(super) fn dig<'n>(n: &'n Node, keys: &[&str]) -> Option<&'n Node> {
    let mut cur = n;
    for k in keys {
        if let V::Seq(s) = &cur.v {
            cur = s.first()?;
        }
        match &cur.v {
            V::Unknown(_) | V::Ref(_) => return Some(cur),
            V::Map(m) => cur = m.get(k)?,
            _ => return None,
        }
    }
    Some(cur)
}

/// The blocks of type `k`: each item of a sequence, or a single map; unknown yields itself.
pub(super) fn blocks<'n>(n: &'n Node, k: &str) -> Vec<&'n Node> {
    match n.get(k) {
        None => Vec::new(),
        Some(b) => match &b.v {
            V::Seq(s) => s.iter().collect(),
            V::Null => Vec::new(),
            _ => vec![b],
        },
    }
}

pub(super) fn vstr(n: &Node, keys: &[&str]) -> Value<String> {
    value(dig(n, keys))
}
pub(super) fn vbool(n: &Node, keys: &[&str]) -> Value<bool> {
    value(dig(n, keys))
}

/// "A block of this type is present": known true at the block, unknown if the block is.
pub(super) fn present(n: &Node, k: &str) -> Value<bool> {
    match blocks(n, k).first() {
        None => Value::Absent,
        Some(b) if b.is_unknown() => Value::Unknown(why(b).into(), b.pos),
        Some(b) => Value::Known(true, b.pos),
    }
}

/// A string value compared to `Enabled` (S3's status strings).
pub(super) fn enabled(n: Option<&Node>) -> Value<bool> {
    value::<String>(n).map(|s| s.eq_ignore_ascii_case("enabled"))
}

pub(super) fn policy_doc(name: &str, n: Option<&Node>) -> Option<PolicyDoc> {
    let document = policy_value(n);
    let pos = document.pos()?;
    Some(PolicyDoc {
        name: name.to_string(),
        document,
        pos,
        joined_from: None,
    })
}

pub(super) fn lower(v: Value<String>) -> Value<String> {
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

pub(super) fn metadata(body: &Node) -> Metadata {
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

fn principal(body: &Node, plan: bool) -> Principal {
    let mut p = Principal {
        name: value(body.get("name")),
        trust_policy: policy_doc("trust policy", body.get("assume_role_policy")),
        permissions_boundary: value(body.get("permissions_boundary")),
        ..Principal::default()
    };
    for b in blocks(body, "inline_policy") {
        if b.is_unknown() {
            if !plan {
                p.policies.push(PolicyDoc {
                    name: "inline_policy".into(),
                    document: Value::Unknown(why(b).into(), b.pos),
                    pos: b.pos,
                    joined_from: None,
                });
            }
            continue;
        }
        let name = b
            .get("name")
            .and_then(|n| n.as_str())
            .unwrap_or("inline_policy")
            .to_string();
        if let Some(d) = policy_doc(&name, b.get("policy")) {
            p.policies.push(d);
        }
    }
    if let Some(arns) = body.get("managed_policy_arns") {
        if !(plan && arns.contains_unknown()) {
            for a in wasp_model::items(Some(arns)) {
                if matches!(a.v, V::Ref(_)) {
                    p.managed_policy_refs.push(wasp_model::Link::from_node(a));
                } else {
                    p.managed_policy_arns.push(value(Some(a)));
                }
            }
        }
    }
    p.permissions_boundary_ref = body
        .get("permissions_boundary")
        .filter(|n| matches!(n.v, V::Ref(_)))
        .map(wasp_model::Link::from_node);
    p
}

/// The normalized kind of one resource from its own attributes (before joins).
fn own_kind(rtype: &str, b: &Node, plan: bool) -> Kind {
    match rtype {
        "aws_s3_bucket" => {
            let mut k = Bucket {
                name: value(b.get("bucket")),
                acl: value(b.get("acl")),
                sse_algorithm: vstr(
                    b,
                    &[
                        "server_side_encryption_configuration",
                        "rule",
                        "apply_server_side_encryption_by_default",
                        "sse_algorithm",
                    ],
                ),
                kms_key: vstr(
                    b,
                    &[
                        "server_side_encryption_configuration",
                        "rule",
                        "apply_server_side_encryption_by_default",
                        "kms_master_key_id",
                    ],
                ),
                versioning: vbool(b, &["versioning", "enabled"]),
                mfa_delete: vbool(b, &["versioning", "mfa_delete"]),
                logging: present(b, "logging"),
                policy: policy_doc("bucket policy", b.get("policy")),
                object_lock: value::<bool>(b.get("object_lock_enabled")).or(enabled(dig(
                    b,
                    &["object_lock_configuration", "object_lock_enabled"],
                ))),
                lifecycle: lifecycle_rules(b, "lifecycle_rule", b.pos),
                ..Bucket::default()
            };
            k.public_acl_grants = public_grants(blocks(b, "grant"));
            Kind::Bucket(Box::new(k))
        }
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
        "aws_iam_role" => Kind::Role(Box::new(principal(b, plan))),
        "aws_iam_user" => Kind::User(Box::new(principal(b, plan))),
        "aws_iam_group" => Kind::Group(Box::new(principal(b, plan))),
        "aws_iam_policy"
        | "aws_iam_role_policy"
        | "aws_iam_user_policy"
        | "aws_iam_group_policy" => {
            let name = b.get("name").and_then(|n| n.as_str()).unwrap_or("policy");
            Kind::ManagedPolicy(Box::new(ManagedPolicy {
                document: policy_doc(name, b.get("policy")),
            }))
        }
        "aws_kms_key" => Kind::KmsKey(Box::new(KmsKey {
            rotation: value(b.get("enable_key_rotation")),
            key_spec: value(b.get("customer_master_key_spec")).or(value(b.get("key_spec"))),
            policy: policy_doc("key policy", b.get("policy")),
            deletion_window: value(b.get("deletion_window_in_days")),
        })),
        "aws_cloudtrail" => Kind::Trail(Box::new(Trail {
            multi_region: value(b.get("is_multi_region_trail")),
            log_file_validation: value(b.get("enable_log_file_validation")),
            kms_key: value(b.get("kms_key_id")),
            cloudwatch_logs_group: value(b.get("cloud_watch_logs_group_arn")),
            is_logging: value(b.get("enable_logging")),
            ..super::detection::trail(b)
        })),
        "aws_ebs_volume" => Kind::Volume(Box::new(Volume {
            encrypted: value(b.get("encrypted")),
            kms_key: value(b.get("kms_key_id")),
        })),
        "aws_instance" => {
            let mut c = Compute {
                metadata: metadata(b),
                associate_public_ip: value(b.get("associate_public_ip_address")),
                instance_profile: value(b.get("iam_instance_profile")),
                user_data: super::network::plan_user_data(value(b.get("user_data")), plan)
                    .or(super::network::decoded(value(b.get("user_data_base64")))),
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
                user_data: super::network::decoded(value(b.get("user_data"))),
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
        "aws_db_instance" | "aws_rds_cluster" => {
            let db = Database {
                engine: value(b.get("engine")),
                storage_encrypted: value(b.get("storage_encrypted")),
                kms_key: value(b.get("kms_key_id")),
                publicly_accessible: value(b.get("publicly_accessible")),
                deletion_protection: value(b.get("deletion_protection")),
                backup_retention: value(b.get("backup_retention_period")),
                iam_auth: value(b.get("iam_database_authentication_enabled")),
                cluster: value(b.get("cluster_identifier")).filter_cluster(rtype),
                engine_version: value(b.get("engine_version")),
                auto_minor_version_upgrade: value(b.get("auto_minor_version_upgrade")),
                copy_tags_to_snapshot: value(b.get("copy_tags_to_snapshot")),
                parameter_group: value::<String>(b.get("parameter_group_name"))
                    .or(value(b.get("db_cluster_parameter_group_name"))),
            };
            if rtype == "aws_db_instance" {
                Kind::DbInstance(Box::new(db))
            } else {
                Kind::DbCluster(Box::new(db))
            }
        }
        "aws_lambda_function" => {
            let mut f = Function {
                runtime: value(b.get("runtime")),
                role: value(b.get("role")),
                kms_key: value(b.get("kms_key_arn")),
                code_signing: value(b.get("code_signing_config_arn")),
                ..Function::default()
            };
            match dig(b, &["environment", "variables"]) {
                Some(Node { v: V::Map(m), .. }) => {
                    for e in &m.entries {
                        f.environment
                            .push((e.key.to_string(), value(Some(&e.value))));
                    }
                }
                Some(n) if n.contains_unknown() => {
                    f.environment
                        .push(("*".into(), Value::Unknown(why(n).into(), n.pos)));
                }
                _ => {}
            }
            f.in_vpc = match dig(b, &["vpc_config", "subnet_ids"]) {
                None => Value::Absent,
                Some(n) => match &n.v {
                    V::Seq(s) => Value::Known(!s.is_empty(), n.pos),
                    V::Unknown(_) | V::Ref(_) => Value::Unknown(why(n).into(), n.pos),
                    _ => Value::Absent,
                },
            };
            Kind::Function(Box::new(f))
        }
        "aws_lb_listener" | "aws_alb_listener" => Kind::Listener(Box::new(Listener {
            protocol: value(b.get("protocol")),
            port: value(b.get("port")),
            ssl_policy: value(b.get("ssl_policy")),
            default_actions: actions(blocks(b, "default_action")),
            rule_actions: Vec::new(),
        })),
        "aws_dynamodb_table" => Kind::Table(Box::new(Table {
            sse_enabled: vbool(b, &["server_side_encryption", "enabled"]),
            kms_key: vstr(b, &["server_side_encryption", "kms_key_arn"]),
            point_in_time_recovery: vbool(b, &["point_in_time_recovery", "enabled"]),
            deletion_protection: value(b.get("deletion_protection_enabled")),
        })),
        "aws_api_gateway_stage" => Kind::ApiStage(Box::new(ApiStage {
            access_logging: present(b, "access_log_settings"),
            tracing: value(b.get("xray_tracing_enabled")),
            ..super::detection::rest_stage(b)
        })),
        "aws_apigatewayv2_stage" => Kind::ApiStage(Box::new(ApiStage {
            access_logging: present(b, "access_log_settings"),
            tracing: Value::Absent,
            ..super::detection::v2_stage(b)
        })),
        t => super::identity::own_kind(t, b, plan)
            .or_else(|| super::detection::own_kind(t, b, plan))
            .or_else(|| super::network::own_kind(t, b, plan))
            .or_else(|| super::data::own_kind(t, b, plan))
            .unwrap_or(Kind::Other),
    }
}

trait ClusterFilter {
    fn filter_cluster(self, rtype: &str) -> Self;
}
impl ClusterFilter for Value<String> {
    fn filter_cluster(self, rtype: &str) -> Self {
        if rtype == "aws_db_instance" {
            self
        } else {
            Value::Absent
        }
    }
}

fn actions(bs: Vec<&Node>) -> Vec<ListenerAction> {
    bs.into_iter()
        .map(|a| ListenerAction {
            kind: vstr(a, &["type"]),
            redirect_protocol: vstr(a, &["redirect", "protocol"]),
            pos: a.pos,
        })
        .collect()
}

/// Lifecycle rules (`lifecycle_rule` of `aws_s3_bucket`, `rule` of
/// `aws_s3_bucket_lifecycle_configuration`): known true when there is at least one.
fn lifecycle_rules(b: &Node, key: &str, pos: Pos) -> Value<bool> {
    match blocks(b, key).first() {
        None => Value::Absent,
        Some(r) if r.is_unknown() => Value::Unknown(why(r).into(), r.pos),
        Some(r) => Value::Known(true, if r.pos.is_known() { r.pos } else { pos }),
    }
}

fn public_grants(grants: Vec<&Node>) -> Vec<Pos> {
    let mut out = Vec::new();
    for g in grants {
        let uri = dig(g, &["uri"])
            .or_else(|| dig(g, &["grantee", "uri"]))
            .and_then(|u| u.as_str());
        if uri.is_some_and(|u| u.ends_with("/AllUsers") || u.ends_with("/AuthenticatedUsers")) {
            out.push(g.pos);
        }
    }
    out
}

/// Lookup tables for joins.
pub(crate) struct Index {
    by_addr: HashMap<String, usize>,
    by_name: HashMap<(KindTag, String), usize>,
}

impl Index {
    /// The index of the resource of kind `tag` that `n` refers to (by reference or name).
    pub(super) fn find(&self, n: Option<&Node>, tag: KindTag, kinds: &[Kind]) -> Option<usize> {
        let n = n?;
        let i = match &n.v {
            V::Ref(r) => *self.by_addr.get(&*r.target)?,
            V::Str(s) => *self.by_name.get(&(tag, s.to_string()))?,
            _ => return None,
        };
        (kinds[i].tag() == tag).then_some(i)
    }
}

/// Adapts resources into a model.
pub(crate) fn adapt(raw: Vec<RawRes>, source: &'static SourceInfo, files: Vec<FileRef>) -> Model {
    let plan = source == &super::PLAN_SOURCE;
    let mut kinds: Vec<Kind> = raw
        .iter()
        .map(|r| own_kind(&r.rtype, &r.body, plan))
        .collect();
    let mut ix = Index {
        by_addr: HashMap::new(),
        by_name: HashMap::new(),
    };
    for (i, r) in raw.iter().enumerate() {
        ix.by_addr.insert(r.address.clone(), i);
        let name = match &kinds[i] {
            Kind::Bucket(b) => b.name.known().cloned(),
            Kind::Role(p) | Kind::User(p) | Kind::Group(p) => p.name.known().cloned(),
            // [names of other kinds that sub-resources may name]
            Kind::ConfigRecorder(c) => c.name.known().cloned(),
            Kind::EcrRepository(r) => r.name.known().cloned(),
            Kind::Secret(s) => s.name.known().cloned(),
            Kind::SearchDomain(d) => d.name.known().cloned(),
            Kind::BackupVault(v) => v.name.known().cloned(),
            Kind::ClassicLoadBalancer(l) => l.name.known().cloned(),
            _ => None,
        };
        if let Some(n) = name {
            ix.by_name.entry((kinds[i].tag(), n)).or_insert(i);
        }
    }
    for r in &raw {
        join(r, &ix, &mut kinds);
    }
    Model::new(
        raw.into_iter()
            .zip(kinds)
            .map(|(r, kind)| Resource {
                address: r.address,
                source_type: r.rtype,
                source,
                file: r.file,
                pos: r.pos,
                kind,
                refs: r.refs,
                ids: Vec::new(),
                ignores: Vec::new(),
            })
            .collect(),
        files,
    )
}

fn bucket_mut(kinds: &mut [Kind], i: usize) -> &mut Bucket {
    match &mut kinds[i] {
        Kind::Bucket(b) => b,
        _ => unreachable!("index checked by tag"),
    }
}

pub(super) fn set<T>(slot: &mut Value<T>, v: Value<T>) {
    if !v.is_absent() {
        *slot = v;
    }
}

/// Joins one sub-resource into the resource it configures.
fn join(r: &RawRes, ix: &Index, kinds: &mut [Kind]) {
    let b = &r.body;
    let t = r.rtype.as_str();
    if let Some(rest) = t.strip_prefix("aws_s3_bucket_") {
        let Some(i) = ix.find(b.get("bucket"), KindTag::Bucket, kinds) else {
            return;
        };
        let k = bucket_mut(kinds, i);
        match rest {
            "server_side_encryption_configuration" => {
                set(
                    &mut k.sse_algorithm,
                    vstr(
                        b,
                        &[
                            "rule",
                            "apply_server_side_encryption_by_default",
                            "sse_algorithm",
                        ],
                    ),
                );
                set(
                    &mut k.kms_key,
                    vstr(
                        b,
                        &[
                            "rule",
                            "apply_server_side_encryption_by_default",
                            "kms_master_key_id",
                        ],
                    ),
                );
            }
            "versioning" => {
                let st = dig(b, &["versioning_configuration", "status"]);
                set(&mut k.versioning, enabled(st));
                set(
                    &mut k.mfa_delete,
                    enabled(dig(b, &["versioning_configuration", "mfa_delete"])),
                );
            }
            "public_access_block" => {
                k.public_access_block = Some(PublicAccessBlock {
                    block_public_acls: value(b.get("block_public_acls")),
                    ignore_public_acls: value(b.get("ignore_public_acls")),
                    block_public_policy: value(b.get("block_public_policy")),
                    restrict_public_buckets: value(b.get("restrict_public_buckets")),
                    pos: r.pos,
                });
            }
            "logging" => {
                let tb = b.get("target_bucket");
                k.logging = match tb {
                    Some(n) if n.is_unknown() => Value::Unknown(why(n).into(), n.pos),
                    Some(n) => Value::Known(true, n.pos),
                    None => Value::Known(true, r.pos),
                };
            }
            "policy" => {
                if let Some(d) = policy_doc("bucket policy", b.get("policy")) {
                    k.policy = Some(d);
                }
            }
            "acl" => {
                set(&mut k.acl, value(b.get("acl")));
                let mut grants = Vec::new();
                for acp in blocks(b, "access_control_policy") {
                    grants.extend(blocks(acp, "grant"));
                }
                k.public_acl_grants.extend(public_grants(grants));
            }
            "lifecycle_configuration" => {
                k.lifecycle = match lifecycle_rules(b, "rule", r.pos) {
                    Value::Absent => Value::Known(false, r.pos),
                    v => v,
                };
            }
            "object_lock_configuration" => {
                let v = enabled(b.get("object_lock_enabled"));
                k.object_lock = if v.is_absent() {
                    Value::Known(true, r.pos)
                } else {
                    v
                };
            }
            _ => {}
        }
        return;
    }
    match t {
        "aws_security_group_rule" => {
            let Some(i) = ix.find(b.get("security_group_id"), KindTag::SecurityGroup, kinds) else {
                return;
            };
            let Kind::SecurityGroup(sg) = &mut kinds[i] else {
                return;
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
                return;
            };
            let Kind::SecurityGroup(sg) = &mut kinds[i] else {
                return;
            };
            let rules = sg_rules(b, r.pos);
            if t.ends_with("ingress_rule") {
                sg.ingress.extend(rules);
            } else {
                sg.egress.extend(rules);
            }
        }
        "aws_iam_role_policy" | "aws_iam_user_policy" | "aws_iam_group_policy" => {
            let (key, tag) = principal_key(t);
            let Some(i) = ix.find(b.get(key), tag, kinds) else {
                return;
            };
            let name = b
                .get("name")
                .and_then(|n| n.as_str())
                .unwrap_or(&r.address)
                .to_string();
            if let (Some(mut d), Some(p)) =
                (policy_doc(&name, b.get("policy")), principal_mut(kinds, i))
            {
                d.joined_from = Some(r.address.clone());
                p.policies.push(d);
            }
        }
        "aws_iam_role_policy_attachment"
        | "aws_iam_user_policy_attachment"
        | "aws_iam_group_policy_attachment" => {
            let (key, tag) = principal_key(t);
            if let Some(i) = ix.find(b.get(key), tag, kinds) {
                attach(b.get("policy_arn"), ix, kinds, i);
            }
        }
        "aws_iam_policy_attachment" => {
            for (key, tag) in [
                ("roles", KindTag::Role),
                ("users", KindTag::User),
                ("groups", KindTag::Group),
            ] {
                for p in wasp_model::items(b.get(key)) {
                    if let Some(i) = ix.find(Some(p), tag, kinds) {
                        attach(b.get("policy_arn"), ix, kinds, i);
                    }
                }
            }
        }
        "aws_iam_user_login_profile" => {
            if let Some(i) = ix.find(b.get("user"), KindTag::User, kinds) {
                if let Some(p) = principal_mut(kinds, i) {
                    p.login_profile = Value::Known(true, r.pos);
                    // Without a PGP key the generated password is stored in plaintext in state.
                    p.login_password_in_state = match b.get("pgp_key") {
                        None => Value::Known(true, r.pos),
                        Some(k) if k.is_null() => Value::Known(true, r.pos),
                        Some(k) => Value::Known(false, k.pos),
                    };
                }
            }
        }
        "aws_kms_key_policy" => {
            if let Some(i) = ix.find(b.get("key_id"), KindTag::KmsKey, kinds) {
                if let (Kind::KmsKey(k), Some(d)) =
                    (&mut kinds[i], policy_doc("key policy", b.get("policy")))
                {
                    k.policy = Some(d);
                }
            }
        }
        "aws_lb_listener_rule" | "aws_alb_listener_rule" => {
            if let Some(i) = ix.find(b.get("listener_arn"), KindTag::Listener, kinds) {
                if let Kind::Listener(l) = &mut kinds[i] {
                    l.rule_actions.extend(actions(blocks(b, "action")));
                }
            }
        }
        _ => {
            let _ = super::identity::join(r, ix, kinds)
                || super::detection::join(r, ix, kinds)
                || super::network::join(r, ix, kinds)
                || super::data::join(r, ix, kinds);
        }
    }
}

fn principal_key(t: &str) -> (&'static str, KindTag) {
    if t.starts_with("aws_iam_role") {
        ("role", KindTag::Role)
    } else if t.starts_with("aws_iam_user") {
        ("user", KindTag::User)
    } else {
        ("group", KindTag::Group)
    }
}

fn principal_mut(kinds: &mut [Kind], i: usize) -> Option<&mut Principal> {
    match &mut kinds[i] {
        Kind::Role(p) | Kind::User(p) | Kind::Group(p) => Some(p),
        _ => None,
    }
}

/// A policy attachment: a managed policy of the same configuration joins its document; an ARN
/// goes to `managed_policy_arns`.
fn attach(arn: Option<&Node>, ix: &Index, kinds: &mut [Kind], i: usize) {
    let Some(arn) = arn else {
        return;
    };
    if let V::Ref(r) = &arn.v {
        if let Some(&pi) = ix.by_addr.get(&*r.target) {
            if let Kind::ManagedPolicy(mp) = &kinds[pi] {
                let doc = PolicyDoc {
                    name: r.target.to_string(),
                    document: mp
                        .document
                        .as_ref()
                        .map(|d| d.document.clone())
                        .unwrap_or(Value::Unknown("policy document not set".into(), arn.pos)),
                    pos: mp.document.as_ref().map_or(arn.pos, |d| d.pos),
                    joined_from: Some(r.target.to_string()),
                };
                if let Some(p) = principal_mut(kinds, i) {
                    p.policies.push(doc);
                }
                return;
            }
        }
    }
    if let Some(p) = principal_mut(kinds, i) {
        p.managed_policy_arns.push(value(Some(arn)));
    }
}
