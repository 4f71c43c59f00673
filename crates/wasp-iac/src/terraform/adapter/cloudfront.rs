//! Terraform adapters of Amazon CloudFront.

use wasp_core::Pos;
use wasp_model::{items, value, Distribution, Kind, Node, Origin, Value, V};

use super::{blocks, present, vbool, vstr};
use crate::terraform::eval::why;

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_cloudfront_distribution" => Kind::Distribution(Box::new(distribution(b))),
        _ => return None,
    };
    Some(kind)
}

fn distribution(b: &Node) -> Distribution {
    let mut d = Distribution {
        default_root_object: value(b.get("default_root_object")),
        logging: present(b, "logging_config"),
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
