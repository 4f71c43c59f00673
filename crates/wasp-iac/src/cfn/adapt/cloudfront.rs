//! CloudFormation adapters of Amazon CloudFront.

use wasp_model::{items, value, Distribution, Kind, Node, Origin, Value, V};

use super::{at, present, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, _cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::CloudFront::Distribution" => Kind::Distribution(Box::new(distribution(p))),
        _ => return None,
    };
    Some(kind)
}

fn distribution(p: &Node) -> Distribution {
    let c = p
        .get("DistributionConfig")
        .cloned()
        .unwrap_or(Node::null(p.pos));
    let mut d = Distribution {
        default_root_object: at(&c, &["DefaultRootObject"]),
        logging: present(c.get("Logging")),
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
