//! CloudFormation adapters, Data at rest and in transit: stores, queues, streams, CDN, certificates (SEC07, SEC08, SEC09).

use wasp_model::{
    items, path, value, ApiDomain, BackupVault, Broker, CacheGroup, Certificate, ClassicListener,
    ClassicLoadBalancer, DeliveryStream, Distribution, DmsEndpoint, FileSystem, Kind, MacieSession,
    Node, Origin, ParameterGroup, ParameterGroupKind, Queue, ReplicationInstance, SearchDomain,
    SslNegotiationPolicy, Stream, Topic, Value, Warehouse, V,
};

use super::adapt::{at, policy_doc, present, AreaCx};

/// Adapts a resource of this area; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, cx: &mut AreaCx<'_>) -> Option<Kind> {
    Some(match ty {
        "AWS::CloudFront::Distribution" => Kind::Distribution(Box::new(distribution(p))),
        "AWS::Macie::Session" => Kind::MacieSession(Box::new(MacieSession {
            status: at(p, &["Status"]),
        })),
        "AWS::EFS::FileSystem" => Kind::FileSystem(Box::new(FileSystem {
            encrypted: at(p, &["Encrypted"]),
            kms_key: at(p, &["KmsKeyId"]),
            policy: p
                .get("FileSystemPolicy")
                .filter(|n| !n.is_null())
                .map(|_| policy_doc(p, "FileSystemPolicy", "file system policy", None)),
        })),
        "AWS::ElastiCache::ReplicationGroup" => Kind::CacheGroup(Box::new(CacheGroup {
            engine: at(p, &["Engine"]),
            engine_version: at(p, &["EngineVersion"]),
            at_rest_encryption: at(p, &["AtRestEncryptionEnabled"]),
            transit_encryption: at(p, &["TransitEncryptionEnabled"]),
            auth_token: present(p.get("AuthToken")),
            user_groups: non_empty(p.get("UserGroupIds")),
            kms_key: at(p, &["KmsKeyId"]),
            snapshot_retention: at(p, &["SnapshotRetentionLimit"]),
        })),
        "AWS::Redshift::Cluster" => Kind::Warehouse(Box::new(Warehouse {
            encrypted: at(p, &["Encrypted"]),
            kms_key: at(p, &["KmsKeyId"]),
            publicly_accessible: at(p, &["PubliclyAccessible"]),
            parameter_group: at(p, &["ClusterParameterGroupName"]),
            enhanced_vpc_routing: at(p, &["EnhancedVpcRouting"]),
        })),
        "AWS::Redshift::ClusterParameterGroup" => {
            let mut g = ParameterGroup {
                kind: ParameterGroupKind::Redshift,
                name: at(p, &["ParameterGroupName"]),
                family: at(p, &["ParameterGroupFamily"]),
                ..ParameterGroup::default()
            };
            for item in items(p.get("Parameters")) {
                match item.get("ParameterName").and_then(Node::as_str) {
                    Some(name) => g
                        .parameters
                        .push((name.to_string(), at(item, &["ParameterValue"]))),
                    None if item.contains_unknown() => {
                        g.parameters_unknown
                            .get_or_insert((unknown_reason(item), item.pos));
                    }
                    None => {}
                }
            }
            Kind::ParameterGroup(Box::new(g))
        }
        "AWS::RDS::DBParameterGroup" | "AWS::RDS::DBClusterParameterGroup" => {
            let cluster = ty == "AWS::RDS::DBClusterParameterGroup";
            let mut g = ParameterGroup {
                kind: if cluster {
                    ParameterGroupKind::DbCluster
                } else {
                    ParameterGroupKind::Db
                },
                name: at(
                    p,
                    &[if cluster {
                        "DBClusterParameterGroupName"
                    } else {
                        "DBParameterGroupName"
                    }],
                ),
                family: at(p, &["Family"]),
                ..ParameterGroup::default()
            };
            match p.get("Parameters") {
                Some(Node { v: V::Map(m), .. }) => {
                    for e in &m.entries {
                        g.parameters
                            .push((e.key.to_string(), value(Some(&e.value))));
                    }
                }
                Some(n) if n.contains_unknown() => {
                    g.parameters_unknown = Some((unknown_reason(n), n.pos));
                }
                _ => {}
            }
            Kind::ParameterGroup(Box::new(g))
        }
        "AWS::OpenSearchService::Domain" | "AWS::Elasticsearch::Domain" => {
            let version = if ty == "AWS::OpenSearchService::Domain" {
                "EngineVersion"
            } else {
                "ElasticsearchVersion"
            };
            Kind::SearchDomain(Box::new(SearchDomain {
                name: at(p, &["DomainName"]),
                engine_version: at(p, &[version]),
                encryption_at_rest: at(p, &["EncryptionAtRestOptions", "Enabled"]),
                kms_key: at(p, &["EncryptionAtRestOptions", "KmsKeyId"]),
                node_to_node_encryption: at(p, &["NodeToNodeEncryptionOptions", "Enabled"]),
                enforce_https: at(p, &["DomainEndpointOptions", "EnforceHTTPS"]),
                tls_policy: at(p, &["DomainEndpointOptions", "TLSSecurityPolicy"]),
                in_vpc: non_empty(path(Some(p), &["VPCOptions", "SubnetIds"])),
                fine_grained_access: at(p, &["AdvancedSecurityOptions", "Enabled"]),
                access_policy: p
                    .get("AccessPolicies")
                    .filter(|n| !n.is_null())
                    .map(|_| policy_doc(p, "AccessPolicies", "access policy", None)),
            }))
        }
        "AWS::SNS::Topic" => Kind::Topic(Box::new(Topic {
            name: at(p, &["TopicName"]),
            kms_key: at(p, &["KmsMasterKeyId"]),
            policy: None,
        })),
        "AWS::SNS::TopicPolicy" => {
            let doc = policy_doc(p, "PolicyDocument", "topic policy", Some(cx.address));
            for t in items(p.get("Topics")) {
                let doc = doc.clone();
                cx.join(Some(t), move |k| {
                    if let Kind::Topic(t) = k {
                        t.policy = Some(doc);
                    }
                });
            }
            Kind::Other
        }
        "AWS::SQS::Queue" => Kind::Queue(Box::new(Queue {
            name: at(p, &["QueueName"]),
            kms_key: at(p, &["KmsMasterKeyId"]),
            sqs_managed_sse: at(p, &["SqsManagedSseEnabled"]),
            policy: None,
        })),
        "AWS::SQS::QueuePolicy" => {
            let doc = policy_doc(p, "PolicyDocument", "queue policy", Some(cx.address));
            for q in items(p.get("Queues")) {
                let doc = doc.clone();
                cx.join(Some(q), move |k| {
                    if let Kind::Queue(q) = k {
                        q.policy = Some(doc);
                    }
                });
            }
            Kind::Other
        }
        "AWS::Kinesis::Stream" => {
            let enc = p.get("StreamEncryption").filter(|n| !n.is_null());
            Kind::Stream(Box::new(Stream {
                encryption_type: enc.map(|e| at(e, &["EncryptionType"])).unwrap_or_default(),
                kms_key: enc.map(|e| at(e, &["KeyId"])).unwrap_or_default(),
                encryption_pos: enc.map(|e| e.pos),
            }))
        }
        "AWS::KinesisFirehose::DeliveryStream" => {
            let enc = p
                .get("DeliveryStreamEncryptionConfigurationInput")
                .filter(|n| !n.is_null());
            Kind::DeliveryStream(Box::new(DeliveryStream {
                source: at(p, &["DeliveryStreamType"]),
                sse_enabled: present(enc),
                key_type: enc.map(|e| at(e, &["KeyType"])).unwrap_or_default(),
            }))
        }
        "AWS::Backup::BackupVault" => {
            let lock = p.get("LockConfiguration").filter(|n| !n.is_null());
            Kind::BackupVault(Box::new(BackupVault {
                name: at(p, &["BackupVaultName"]),
                kms_key: at(p, &["EncryptionKeyArn"]),
                lock: present(lock),
                lock_min_retention_days: lock
                    .map(|l| at(l, &["MinRetentionDays"]))
                    .unwrap_or_default(),
            }))
        }
        "AWS::CertificateManager::Certificate" => Kind::Certificate(Box::new(Certificate {
            key_algorithm: at(p, &["KeyAlgorithm"]),
            transparency_logging: at(p, &["CertificateTransparencyLoggingPreference"]),
            validation_method: at(p, &["ValidationMethod"]),
            private_ca: at(p, &["CertificateAuthorityArn"]),
            imported: false,
        })),
        "AWS::ApiGateway::DomainName" => Kind::ApiDomain(Box::new(ApiDomain {
            security_policies: vec![at(p, &["SecurityPolicy"])],
            v2: false,
        })),
        "AWS::ApiGatewayV2::DomainName" => {
            let configs = p.get("DomainNameConfigurations");
            let mut policies: Vec<Value<String>> = items(configs)
                .iter()
                .map(|c| {
                    if c.is_unknown() {
                        value(Some(c))
                    } else {
                        at(c, &["SecurityPolicy"])
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
        "AWS::DMS::ReplicationInstance" => {
            Kind::ReplicationInstance(Box::new(ReplicationInstance {
                publicly_accessible: at(p, &["PubliclyAccessible"]),
                kms_key: at(p, &["KmsKeyId"]),
            }))
        }
        "AWS::DMS::Endpoint" => Kind::DmsEndpoint(Box::new(DmsEndpoint {
            endpoint_type: at(p, &["EndpointType"]),
            engine: at(p, &["EngineName"]),
            ssl_mode: at(p, &["SslMode"]),
        })),
        "AWS::AmazonMQ::Broker" => Kind::Broker(Box::new(Broker {
            publicly_accessible: at(p, &["PubliclyAccessible"]),
            use_aws_owned_key: at(p, &["EncryptionOptions", "UseAwsOwnedKey"]),
            kms_key: at(p, &["EncryptionOptions", "KmsKeyId"]),
        })),
        "AWS::ElasticLoadBalancing::LoadBalancer" => {
            Kind::ClassicLoadBalancer(Box::new(classic_load_balancer(p)))
        }
        _ => return None,
    })
}

/// A list that is set and not empty: known true; an empty list: known false.
fn non_empty(node: Option<&Node>) -> Value<bool> {
    match node {
        None => Value::Absent,
        Some(n) if n.is_null() => Value::Absent,
        Some(n) if n.is_unknown() || matches!(n.v, V::Ref(_)) => value(Some(n)),
        Some(n) => Value::Known(!items(Some(n)).is_empty(), n.pos),
    }
}

fn unknown_reason(n: &Node) -> String {
    n.first_unknown()
        .map(|(r, _)| r.to_string())
        .unwrap_or_else(|| "not known statically".into())
}

fn distribution(p: &Node) -> Distribution {
    let c = p
        .get("DistributionConfig")
        .cloned()
        .unwrap_or(Node::null(p.pos));
    let mut d = Distribution {
        default_root_object: at(&c, &["DefaultRootObject"]),
        logging: super::adapt::present(c.get("Logging")),
        ..Distribution::default()
    };
    d.viewer_protocol_policies
        .push(at(&c, &["DefaultCacheBehavior", "ViewerProtocolPolicy"]));
    for b in items(c.get("CacheBehaviors")) {
        d.viewer_protocol_policies.push(if b.is_unknown() {
            value(Some(b))
        } else {
            at(b, &["ViewerProtocolPolicy"])
        });
    }
    match c.get("ViewerCertificate").filter(|n| !n.is_null()) {
        // Without a viewer certificate the distribution uses the default certificate.
        None => d.default_certificate = Value::Absent,
        Some(vc) => {
            d.viewer_certificate_pos = Some(vc.pos);
            d.default_certificate = at(vc, &["CloudFrontDefaultCertificate"]);
            if d.default_certificate.is_absent()
                && (vc.get("AcmCertificateArn").is_some() || vc.get("IamCertificateId").is_some())
            {
                d.default_certificate = Value::Known(false, vc.pos);
            }
            d.minimum_protocol_version = at(vc, &["MinimumProtocolVersion"]);
        }
    }
    for o in items(c.get("Origins")) {
        let custom = o.get("CustomOriginConfig").filter(|n| !n.is_null());
        let s3 = o.get("S3OriginConfig").filter(|n| !n.is_null());
        d.origins.push(Origin {
            id: at(o, &["Id"]),
            custom: custom.is_some(),
            // Without either configuration, an origin is an S3 origin when its domain is a
            // bucket's REST endpoint.
            s3: s3.is_some() || (custom.is_none() && is_s3_domain(o.get("DomainName"))),
            protocol_policy: custom
                .map(|c| at(c, &["OriginProtocolPolicy"]))
                .unwrap_or_default(),
            ssl_protocols: custom
                .map(|c| {
                    items(c.get("OriginSSLProtocols"))
                        .iter()
                        .map(|n| value(Some(n)))
                        .collect()
                })
                .unwrap_or_default(),
            access_identity: s3
                .map(|s| at(s, &["OriginAccessIdentity"]))
                .unwrap_or_default(),
            access_control: at(o, &["OriginAccessControlId"]),
            pos: o.pos,
        });
    }
    d
}

/// An S3 REST endpoint (`bucket.s3.amazonaws.com`, `bucket.s3.region.amazonaws.com`), or a
/// bucket's `RegionalDomainName` / `DomainName`.
fn is_s3_domain(n: Option<&Node>) -> bool {
    match n.map(|n| &n.v) {
        Some(V::Str(s)) => {
            let s = s.to_ascii_lowercase();
            (s.contains(".s3.") || s.contains(".s3-")) && !s.contains("s3-website")
        }
        Some(V::Ref(r)) => matches!(
            r.attr.as_deref(),
            Some("RegionalDomainName" | "DomainName" | "DualStackDomainName")
        ),
        _ => false,
    }
}

fn classic_load_balancer(p: &Node) -> ClassicLoadBalancer {
    let mut lb = ClassicLoadBalancer {
        name: at(p, &["LoadBalancerName"]),
        access_logging: at(p, &["AccessLoggingPolicy", "Enabled"]),
        ..ClassicLoadBalancer::default()
    };
    let listeners = p.get("Listeners");
    if let Some(n) = listeners.filter(|n| n.is_unknown() || matches!(n.v, V::Ref(_))) {
        lb.listeners_unknown = Some((unknown_reason(n), n.pos));
    }
    for l in items(listeners) {
        if l.is_unknown() {
            lb.listeners_unknown
                .get_or_insert((unknown_reason(l), l.pos));
            continue;
        }
        lb.listeners.push(ClassicListener {
            protocol: at::<String>(l, &["Protocol"]).map(|s| s.to_ascii_uppercase()),
            port: at(l, &["LoadBalancerPort"]),
            policy_names: items(l.get("PolicyNames"))
                .iter()
                .map(|n| value(Some(n)))
                .collect(),
            pos: l.pos,
        });
    }
    for pol in items(p.get("Policies")) {
        let ty = pol.get("PolicyType").and_then(Node::as_str);
        if ty != Some("SSLNegotiationPolicyType") {
            continue;
        }
        let mut sp = SslNegotiationPolicy {
            name: at(pol, &["PolicyName"]),
            pos: pol.pos,
            ..SslNegotiationPolicy::default()
        };
        for a in items(pol.get("Attributes")) {
            let name = a.get("Name").and_then(Node::as_str).unwrap_or_default();
            if name == "Reference-Security-Policy" {
                sp.reference = at(a, &["Value"]);
            } else if a.get("Value").and_then(Node::as_bool) == Some(true) {
                sp.enabled.push(name.to_string());
            }
        }
        // A policy may name the ports of the listeners it applies to.
        for port in items(pol.get("LoadBalancerPorts")) {
            match port.as_i64() {
                Some(port) => {
                    for l in &mut lb.listeners {
                        if l.port.known() == Some(&port) {
                            l.policy_names.push(sp.name.clone());
                        }
                    }
                }
                // Which listener the policy applies to is not known: none can be judged.
                None if port.contains_unknown() => {
                    let reason = format!("the listener port of a policy: {}", unknown_reason(port));
                    for l in &mut lb.listeners {
                        l.policy_names
                            .push(Value::Unknown(reason.as_str().into(), port.pos));
                    }
                }
                None => {}
            }
        }
        lb.ssl_policies.push(sp);
    }
    lb
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use wasp_model::{Kind, Model, Value};

    use super::super::{load, parse, CfnOptions};

    fn model(text: &str) -> Model {
        let doc = parse(text).expect("parses");
        let l = load(Path::new("t.yaml"), &doc, &CfnOptions::default());
        assert!(l.errors.is_empty(), "{:?}", l.errors);
        l.model
    }

    fn kind<'m>(m: &'m Model, id: &str) -> &'m Kind {
        &m.get(id).expect("resource").kind
    }

    #[test]
    fn topic_and_queue_policies_join_their_targets() {
        let m = model(
            r#"
Resources:
  T: {Type: AWS::SNS::Topic}
  Q: {Type: AWS::SQS::Queue}
  TP:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: [!Ref T]
      PolicyDocument: {Statement: [{Effect: Allow, Principal: "*", Action: sns:Publish, Resource: "*"}]}
  QP:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Q]
      PolicyDocument: '{"Statement": []}'
"#,
        );
        let Kind::Topic(t) = kind(&m, "T") else {
            panic!()
        };
        assert_eq!(
            t.policy.as_ref().unwrap().joined_from.as_deref(),
            Some("TP")
        );
        let Kind::Queue(q) = kind(&m, "Q") else {
            panic!()
        };
        assert!(q.policy.as_ref().unwrap().document.known().is_some());
    }

    #[test]
    fn distribution_without_viewer_certificate_uses_the_default_one() {
        let m = model(
            r#"
Resources:
  D:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Origins:
          - {Id: a, DomainName: a.example.com, CustomOriginConfig: {OriginProtocolPolicy: https-only}}
          - {Id: b, DomainName: b.s3.amazonaws.com, S3OriginConfig: {}}
        DefaultCacheBehavior: {TargetOriginId: a, ViewerProtocolPolicy: allow-all}
"#,
        );
        let Kind::Distribution(d) = kind(&m, "D") else {
            panic!()
        };
        assert!(d.default_certificate.is_absent() && d.viewer_certificate_pos.is_none());
        assert_eq!(d.viewer_protocol_policies.len(), 1);
        assert!(d.origins[0].custom && !d.origins[0].s3);
        assert!(d.origins[1].s3 && d.origins[1].access_identity.is_absent());
    }

    #[test]
    fn classic_negotiation_policies_attach_by_name_and_port() {
        let m = model(
            r#"
Resources:
  LB:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Policies:
        - PolicyName: p
          PolicyType: SSLNegotiationPolicyType
          LoadBalancerPorts: ["443"]
          Attributes: [{Name: Reference-Security-Policy, Value: ELBSecurityPolicy-TLS-1-2-2017-01}]
        - {PolicyName: s, PolicyType: LBCookieStickinessPolicyType}
      Listeners:
        - {LoadBalancerPort: "443", InstancePort: "80", Protocol: https}
        - {LoadBalancerPort: "8443", InstancePort: "80", Protocol: SSL, PolicyNames: [s]}
"#,
        );
        let Kind::ClassicLoadBalancer(lb) = kind(&m, "LB") else {
            panic!()
        };
        assert_eq!(lb.ssl_policies.len(), 1);
        assert_eq!(
            lb.listeners[0].protocol.known().map(String::as_str),
            Some("HTTPS")
        );
        assert_eq!(lb.listeners[0].policy_names.len(), 1);
        assert_eq!(lb.listeners[1].policy_names.len(), 1);
    }

    #[test]
    fn parameter_groups_keep_their_parameters() {
        let m = model(
            r#"
Resources:
  R:
    Type: AWS::Redshift::ClusterParameterGroup
    Properties:
      ParameterGroupFamily: redshift-1.0
      Parameters: [{ParameterName: require_ssl, ParameterValue: "true"}]
  P:
    Type: AWS::RDS::DBParameterGroup
    Properties:
      Family: postgres16
      Parameters: {rds.force_ssl: 1}
"#,
        );
        let Kind::ParameterGroup(r) = kind(&m, "R") else {
            panic!()
        };
        assert!(matches!(r.parameter("REQUIRE_SSL"), Some(Value::Known(v, _)) if v == "true"));
        let Kind::ParameterGroup(p) = kind(&m, "P") else {
            panic!()
        };
        assert!(matches!(p.parameter("rds.force_ssl"), Some(Value::Known(v, _)) if v == "1"));
    }
}
