//! Terraform adapters, Data at rest and in transit: stores, queues, streams, CDN, certificates (SEC07, SEC08, SEC09).

use wasp_core::Pos;
use wasp_model::{
    items, value, ApiDomain, BackupVault, Broker, CacheGroup, Certificate, ClassicListener,
    ClassicLoadBalancer, DeliveryStream, Distribution, DmsEndpoint, EbsDefaultEncryption,
    FileSystem, Kind, KindTag, MacieSession, Node, Origin, ParameterGroup, ParameterGroupKind,
    Queue, Ref, ReplicationInstance, SearchDomain, Snapshot, SslNegotiationPolicy, Stream, Topic,
    Value, Warehouse, V,
};

use super::adapter::{blocks, dig, policy_doc, set, vbool, vstr, Index, RawRes};
use super::eval::why;

/// Adapts a resource of this area; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, plan: bool) -> Option<Kind> {
    let _ = plan;
    Some(match rtype {
        "aws_cloudfront_distribution" => Kind::Distribution(Box::new(distribution(b))),
        "aws_macie2_account" => Kind::MacieSession(Box::new(MacieSession {
            status: value(b.get("status")),
        })),
        "aws_efs_file_system" => Kind::FileSystem(Box::new(FileSystem {
            encrypted: value(b.get("encrypted")),
            kms_key: value(b.get("kms_key_id")),
            policy: None,
        })),
        "aws_elasticache_replication_group" => Kind::CacheGroup(Box::new(CacheGroup {
            engine: value(b.get("engine")),
            engine_version: value(b.get("engine_version")),
            at_rest_encryption: value(b.get("at_rest_encryption_enabled")),
            transit_encryption: value(b.get("transit_encryption_enabled")),
            auth_token: configured(b.get("auth_token")),
            user_groups: non_empty(b.get("user_group_ids")),
            kms_key: value(b.get("kms_key_id")),
            snapshot_retention: value(b.get("snapshot_retention_limit")),
        })),
        "aws_redshift_cluster" => Kind::Warehouse(Box::new(Warehouse {
            encrypted: value(b.get("encrypted")),
            kms_key: value(b.get("kms_key_id")),
            publicly_accessible: value(b.get("publicly_accessible")),
            parameter_group: value(b.get("cluster_parameter_group_name")),
            enhanced_vpc_routing: value(b.get("enhanced_vpc_routing")),
        })),
        "aws_redshift_parameter_group"
        | "aws_db_parameter_group"
        | "aws_rds_cluster_parameter_group" => {
            let mut g = ParameterGroup {
                kind: match rtype {
                    "aws_redshift_parameter_group" => ParameterGroupKind::Redshift,
                    "aws_rds_cluster_parameter_group" => ParameterGroupKind::DbCluster,
                    _ => ParameterGroupKind::Db,
                },
                name: value(b.get("name")),
                family: value(b.get("family")),
                ..ParameterGroup::default()
            };
            for p in blocks(b, "parameter") {
                match p.get("name").and_then(Node::as_str) {
                    Some(name) => g.parameters.push((name.to_string(), value(p.get("value")))),
                    None if p.contains_unknown() => {
                        g.parameters_unknown.get_or_insert((why(p), p.pos));
                    }
                    None => {}
                }
            }
            Kind::ParameterGroup(Box::new(g))
        }
        "aws_opensearch_domain" | "aws_elasticsearch_domain" => {
            let version = if rtype == "aws_opensearch_domain" {
                "engine_version"
            } else {
                "elasticsearch_version"
            };
            Kind::SearchDomain(Box::new(SearchDomain {
                name: value(b.get("domain_name")),
                engine_version: value(b.get(version)),
                encryption_at_rest: vbool(b, &["encrypt_at_rest", "enabled"]),
                kms_key: vstr(b, &["encrypt_at_rest", "kms_key_id"]),
                node_to_node_encryption: vbool(b, &["node_to_node_encryption", "enabled"]),
                enforce_https: vbool(b, &["domain_endpoint_options", "enforce_https"]),
                tls_policy: vstr(b, &["domain_endpoint_options", "tls_security_policy"]),
                in_vpc: non_empty(dig(b, &["vpc_options", "subnet_ids"])),
                fine_grained_access: vbool(b, &["advanced_security_options", "enabled"]),
                access_policy: policy_doc("access policy", b.get("access_policies")),
            }))
        }
        "aws_sns_topic" => Kind::Topic(Box::new(Topic {
            name: value(b.get("name")),
            kms_key: value(b.get("kms_master_key_id")),
            policy: policy_doc("topic policy", b.get("policy")),
        })),
        "aws_sqs_queue" => Kind::Queue(Box::new(Queue {
            name: value(b.get("name")),
            kms_key: value(b.get("kms_master_key_id")),
            sqs_managed_sse: value(b.get("sqs_managed_sse_enabled")),
            policy: policy_doc("queue policy", b.get("policy")),
        })),
        "aws_kinesis_stream" => Kind::Stream(Box::new(Stream {
            encryption_type: value(b.get("encryption_type")),
            kms_key: value(b.get("kms_key_id")),
            encryption_pos: b.get("encryption_type").map(|n| n.pos),
        })),
        "aws_kinesis_firehose_delivery_stream" => {
            let source = if !blocks(b, "kinesis_source_configuration").is_empty() {
                Value::Known("KinesisStreamAsSource".to_string(), b.pos)
            } else if !blocks(b, "msk_source_configuration").is_empty() {
                Value::Known("MSKAsSource".to_string(), b.pos)
            } else {
                Value::Absent
            };
            Kind::DeliveryStream(Box::new(DeliveryStream {
                source,
                sse_enabled: vbool(b, &["server_side_encryption", "enabled"]),
                key_type: vstr(b, &["server_side_encryption", "key_type"]),
            }))
        }
        "aws_backup_vault" => Kind::BackupVault(Box::new(BackupVault {
            name: value(b.get("name")),
            kms_key: value(b.get("kms_key_arn")),
            ..BackupVault::default()
        })),
        "aws_acm_certificate" => Kind::Certificate(Box::new(Certificate {
            key_algorithm: value(b.get("key_algorithm")),
            transparency_logging: vstr(
                b,
                &["options", "certificate_transparency_logging_preference"],
            ),
            validation_method: value(b.get("validation_method")),
            private_ca: value(b.get("certificate_authority_arn")),
            imported: b.get("private_key").is_some_and(|n| !n.is_null()),
        })),
        "aws_api_gateway_domain_name" => Kind::ApiDomain(Box::new(ApiDomain {
            security_policies: vec![value(b.get("security_policy"))],
            v2: false,
        })),
        "aws_apigatewayv2_domain_name" => {
            let mut policies: Vec<Value<String>> = blocks(b, "domain_name_configuration")
                .into_iter()
                .map(|c| {
                    if c.is_unknown() {
                        Value::Unknown(why(c).into(), c.pos)
                    } else {
                        value(c.get("security_policy"))
                    }
                })
                .collect();
            if policies.is_empty() {
                policies.push(Value::Absent);
            }
            Kind::ApiDomain(Box::new(ApiDomain {
                security_policies: policies,
                v2: true,
            }))
        }
        "aws_dms_replication_instance" => {
            Kind::ReplicationInstance(Box::new(ReplicationInstance {
                // The provider sends its schema default, false, when the argument is not set.
                publicly_accessible: value(b.get("publicly_accessible")).or_default_known(false),
                kms_key: value(b.get("kms_key_arn")),
            }))
        }
        "aws_dms_endpoint" => Kind::DmsEndpoint(Box::new(DmsEndpoint {
            endpoint_type: value(b.get("endpoint_type")),
            engine: value(b.get("engine_name")),
            ssl_mode: value(b.get("ssl_mode")),
        })),
        "aws_mq_broker" => Kind::Broker(Box::new(Broker {
            publicly_accessible: value(b.get("publicly_accessible")),
            use_aws_owned_key: vbool(b, &["encryption_options", "use_aws_owned_key"]),
            kms_key: vstr(b, &["encryption_options", "kms_key_id"]),
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
        "aws_elb" => Kind::ClassicLoadBalancer(Box::new(classic_load_balancer(b))),
        _ => return None,
    })
}

/// Joins a sub-resource of this area into the resource it configures; `false` when the type
/// is not one of its own.
pub(super) fn join(r: &RawRes, ix: &Index, kinds: &mut [Kind]) -> bool {
    let b = &r.body;
    match r.rtype.as_str() {
        "aws_efs_file_system_policy" => {
            if let Some(i) = ix.find(b.get("file_system_id"), KindTag::FileSystem, kinds) {
                if let (Kind::FileSystem(f), Some(d)) =
                    (&mut kinds[i], joined_doc(r, "file system policy", "policy"))
                {
                    f.policy = Some(d);
                }
            }
        }
        "aws_opensearch_domain_policy" | "aws_elasticsearch_domain_policy" => {
            if let Some(i) = ix.find(b.get("domain_name"), KindTag::SearchDomain, kinds) {
                if let (Kind::SearchDomain(s), Some(d)) = (
                    &mut kinds[i],
                    joined_doc(r, "access policy", "access_policies"),
                ) {
                    s.access_policy = Some(d);
                }
            }
        }
        "aws_sns_topic_policy" => {
            if let Some(i) = ix.find(b.get("arn"), KindTag::Topic, kinds) {
                if let (Kind::Topic(t), Some(d)) =
                    (&mut kinds[i], joined_doc(r, "topic policy", "policy"))
                {
                    t.policy = Some(d);
                }
            }
        }
        "aws_sqs_queue_policy" => {
            if let Some(i) = ix.find(b.get("queue_url"), KindTag::Queue, kinds) {
                if let (Kind::Queue(q), Some(d)) =
                    (&mut kinds[i], joined_doc(r, "queue policy", "policy"))
                {
                    q.policy = Some(d);
                }
            }
        }
        "aws_backup_vault_lock_configuration" => {
            if let Some(i) = ix.find(b.get("backup_vault_name"), KindTag::BackupVault, kinds) {
                if let Kind::BackupVault(v) = &mut kinds[i] {
                    v.lock = Value::Known(true, r.pos);
                    set(
                        &mut v.lock_min_retention_days,
                        value(b.get("min_retention_days")),
                    );
                }
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
        "aws_lb_ssl_negotiation_policy" => {
            let Some(i) = ix.find(b.get("load_balancer"), KindTag::ClassicLoadBalancer, kinds)
            else {
                return true;
            };
            let Kind::ClassicLoadBalancer(lb) = &mut kinds[i] else {
                return true;
            };
            let name: Value<String> = value(b.get("name"));
            let mut sp = SslNegotiationPolicy {
                name: name.clone(),
                pos: r.pos,
                ..SslNegotiationPolicy::default()
            };
            for a in blocks(b, "attribute") {
                let an = a.get("name").and_then(Node::as_str).unwrap_or_default();
                if an == "Reference-Security-Policy" {
                    sp.reference = value(a.get("value"));
                } else if a.get("value").and_then(Node::as_bool) == Some(true) {
                    sp.enabled.push(an.to_string());
                }
            }
            lb.ssl_policies.push(sp);
            attach_listener_policies(lb, b.get("lb_port"), vec![name]);
        }
        "aws_load_balancer_policy" => {
            let Some(i) = ix.find(
                b.get("load_balancer_name"),
                KindTag::ClassicLoadBalancer,
                kinds,
            ) else {
                return true;
            };
            let Kind::ClassicLoadBalancer(lb) = &mut kinds[i] else {
                return true;
            };
            if b.get("policy_type_name").and_then(Node::as_str) != Some("SSLNegotiationPolicyType")
            {
                return true;
            }
            let mut sp = SslNegotiationPolicy {
                name: value(b.get("policy_name")),
                pos: r.pos,
                ..SslNegotiationPolicy::default()
            };
            for a in blocks(b, "policy_attribute") {
                let an = a.get("name").and_then(Node::as_str).unwrap_or_default();
                if an == "Reference-Security-Policy" {
                    sp.reference = value(a.get("value"));
                } else if a.get("value").and_then(Node::as_bool) == Some(true) {
                    sp.enabled.push(an.to_string());
                }
            }
            lb.ssl_policies.push(sp);
        }
        "aws_load_balancer_listener_policy" => {
            let Some(i) = ix.find(
                b.get("load_balancer_name"),
                KindTag::ClassicLoadBalancer,
                kinds,
            ) else {
                return true;
            };
            if let Kind::ClassicLoadBalancer(lb) = &mut kinds[i] {
                let names = items(b.get("policy_names"))
                    .iter()
                    .map(|n| value(Some(n)))
                    .collect();
                attach_listener_policies(lb, b.get("load_balancer_port"), names);
            }
        }
        _ => return false,
    }
    true
}

/// The encryption a snapshot has for certain, if known from this configuration.
fn snapshot_encrypted(s: &Snapshot) -> Option<Value<bool>> {
    match (&s.encrypted, &s.source_encrypted) {
        (Value::Known(true, _), _) => Some(s.encrypted.clone()),
        (_, Some(v)) => Some(v.clone()),
        _ => None,
    }
}

/// Adds policy names to the listener of a classic load balancer on `port`.
fn attach_listener_policies(
    lb: &mut ClassicLoadBalancer,
    port: Option<&Node>,
    names: Vec<Value<String>>,
) {
    let Some(port_node) = port else {
        return;
    };
    let Some(port) = port_node.as_i64() else {
        // Which listener the policies apply to is not known: none of them can be judged.
        let reason = format!("the listener port of a policy: {}", why(port_node));
        for l in &mut lb.listeners {
            l.policy_names
                .push(Value::Unknown(reason.as_str().into(), port_node.pos));
        }
        return;
    };
    for l in &mut lb.listeners {
        if l.port.known() == Some(&port) {
            l.policy_names.extend(names.iter().cloned());
        }
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

/// A policy document of a policy resource, marked as joined from it.
fn joined_doc(r: &RawRes, name: &str, key: &str) -> Option<wasp_model::PolicyDoc> {
    let mut d = policy_doc(name, r.body.get(key))?;
    d.joined_from = Some(r.address.clone());
    Some(d)
}

/// A secret-like attribute that is set: known true even when its value is a reference to
/// another resource (a generated password); unknown when it may be null.
fn configured(n: Option<&Node>) -> Value<bool> {
    match n {
        None => Value::Absent,
        Some(n) if n.is_null() => Value::Absent,
        Some(n @ Node { v: V::Ref(_), .. }) => Value::Known(true, n.pos),
        Some(n) if n.is_unknown() => Value::Unknown(why(n).into(), n.pos),
        Some(n) => Value::Known(n.as_str().is_some_and(|s| !s.is_empty()), n.pos),
    }
}

/// A list that is set and not empty: known true; an empty list: known false.
fn non_empty(n: Option<&Node>) -> Value<bool> {
    match n {
        None => Value::Absent,
        Some(n) if n.is_null() => Value::Absent,
        Some(n) if n.is_unknown() || matches!(n.v, V::Ref(_)) => {
            Value::Unknown(why(n).into(), n.pos)
        }
        Some(n) => Value::Known(!items(Some(n)).is_empty(), n.pos),
    }
}

fn distribution(b: &Node) -> Distribution {
    let mut d = Distribution {
        default_root_object: value(b.get("default_root_object")),
        logging: super::adapter::present(b, "logging_config"),
        ..Distribution::default()
    };
    d.viewer_protocol_policies.push(vstr(
        b,
        &["default_cache_behavior", "viewer_protocol_policy"],
    ));
    for c in blocks(b, "ordered_cache_behavior") {
        d.viewer_protocol_policies.push(if c.is_unknown() {
            Value::Unknown(why(c).into(), c.pos)
        } else {
            value(c.get("viewer_protocol_policy"))
        });
    }
    if let Some(vc) = blocks(b, "viewer_certificate").first() {
        d.viewer_certificate_pos = Some(vc.pos);
        d.default_certificate = vbool(vc, &["cloudfront_default_certificate"]);
        let custom = ["acm_certificate_arn", "iam_certificate_id"]
            .iter()
            .any(|k| vc.get(k).is_some_and(|n| !n.is_null()));
        if d.default_certificate.is_absent() && custom {
            d.default_certificate = Value::Known(false, vc.pos);
        }
        d.minimum_protocol_version = vstr(vc, &["minimum_protocol_version"]);
    }
    for o in blocks(b, "origin") {
        let custom = blocks(o, "custom_origin_config").first().copied();
        let s3 = blocks(o, "s3_origin_config").first().copied();
        d.origins.push(Origin {
            id: value(o.get("origin_id")),
            custom: custom.is_some(),
            s3: s3.is_some() || (custom.is_none() && is_s3_domain(o.get("domain_name"))),
            protocol_policy: custom
                .map(|c| value(c.get("origin_protocol_policy")))
                .unwrap_or_default(),
            ssl_protocols: custom
                .map(|c| {
                    items(c.get("origin_ssl_protocols"))
                        .iter()
                        .map(|n| value(Some(n)))
                        .collect()
                })
                .unwrap_or_default(),
            access_identity: s3
                .map(|s| value(s.get("origin_access_identity")))
                .unwrap_or_default(),
            access_control: value(o.get("origin_access_control_id")),
            pos: if o.pos.is_known() { o.pos } else { Pos::NONE },
        });
    }
    d
}

/// An S3 REST endpoint (`bucket.s3.amazonaws.com`, `bucket.s3.region.amazonaws.com`), or a
/// reference to a bucket's `bucket_regional_domain_name` / `bucket_domain_name`.
fn is_s3_domain(n: Option<&Node>) -> bool {
    match n.map(|n| &n.v) {
        Some(V::Str(s)) => {
            let s = s.to_ascii_lowercase();
            (s.contains(".s3.") || s.contains(".s3-")) && !s.contains("s3-website")
        }
        Some(V::Ref(r)) => matches!(
            r.attr.as_deref(),
            Some("bucket_regional_domain_name" | "bucket_domain_name")
        ),
        _ => false,
    }
}

fn classic_load_balancer(b: &Node) -> ClassicLoadBalancer {
    let mut lb = ClassicLoadBalancer {
        name: value(b.get("name")),
        access_logging: super::detection::classic_access_logs(b),
        desync_mitigation_mode: value(b.get("desync_mitigation_mode")),
        ..ClassicLoadBalancer::default()
    };
    for l in blocks(b, "listener") {
        if l.is_unknown() {
            lb.listeners_unknown.get_or_insert((why(l), l.pos));
            continue;
        }
        lb.listeners.push(ClassicListener {
            protocol: value::<String>(l.get("lb_protocol")).map(|s| s.to_ascii_uppercase()),
            port: value(l.get("lb_port")),
            policy_names: Vec::new(),
            pos: l.pos,
        });
    }
    lb
}
