//! CloudFormation adapters of Amazon S3.

use wasp_model::{items, path, value, Bucket, Kind, Node, PublicAccessBlock, Value, V};

use super::{at, policy_doc, present, target, Join, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::S3::Bucket" => Kind::Bucket(Box::new(bucket(p))),
        "AWS::S3::BucketPolicy" => {
            let doc = policy_doc(p, "PolicyDocument", "bucket policy", Some(cx.address));
            cx.joins
                .push((target(p.get("Bucket")), Join::BucketPolicy(doc), cx.pos));
            Kind::Other
        }
        _ => return None,
    };
    Some(kind)
}

fn bucket(p: &Node) -> Bucket {
    let rules = items(path(
        Some(p),
        &["BucketEncryption", "ServerSideEncryptionConfiguration"],
    ));
    let first = rules.first();
    let sse_algorithm = match first {
        Some(r) if r.is_unknown() => value(Some(r)),
        Some(r) => at(r, &["ServerSideEncryptionByDefault", "SSEAlgorithm"]),
        None => Value::Absent,
    };
    let kms_key = first
        .map(|r| at(r, &["ServerSideEncryptionByDefault", "KMSMasterKeyID"]))
        .unwrap_or_default();
    let public_access_block = p
        .get("PublicAccessBlockConfiguration")
        .map(|c| PublicAccessBlock {
            block_public_acls: at(c, &["BlockPublicAcls"]),
            ignore_public_acls: at(c, &["IgnorePublicAcls"]),
            block_public_policy: at(c, &["BlockPublicPolicy"]),
            restrict_public_buckets: at(c, &["RestrictPublicBuckets"]),
            pos: c.pos,
        });
    let versioning = match p.get("VersioningConfiguration") {
        None => Value::Absent,
        Some(v) => at::<String>(v, &["Status"]).map(|s| s == "Enabled"),
    };
    Bucket {
        name: at(p, &["BucketName"]),
        sse_algorithm,
        kms_key,
        public_access_block,
        policy: None,
        acl: at::<String>(p, &["AccessControl"]).map(|a| canned_acl(&a)),
        public_acl_grants: Vec::new(),
        versioning,
        mfa_delete: Value::Absent,
        logging: present(p.get("LoggingConfiguration")),
        object_lock: at(p, &["ObjectLockEnabled"]),
        lifecycle: lifecycle_rules(p.get("LifecycleConfiguration")),
    }
}

/// A lifecycle configuration with at least one rule: known true; an empty one: known false.
fn lifecycle_rules(cfg: Option<&Node>) -> Value<bool> {
    let Some(cfg) = cfg.filter(|c| !c.is_null()) else {
        return Value::Absent;
    };
    match path(Some(cfg), &["Rules"]) {
        Some(r) if r.is_unknown() || matches!(r.v, V::Ref(_)) => value(Some(r)),
        Some(r) => Value::Known(!items(Some(r)).is_empty(), cfg.pos),
        None => Value::Known(false, cfg.pos),
    }
}

/// CloudFormation's canned ACL names (`PublicRead`) in the S3 API form (`public-read`).
fn canned_acl(cfn: &str) -> String {
    let mut out = String::with_capacity(cfn.len() + 4);
    for (i, c) in cfn.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}
