//! Terraform adapters of Amazon S3.

use wasp_core::Pos;
use wasp_model::{value, Bucket, Kind, KindTag, Node, PublicAccessBlock, Value};

use super::{blocks, dig, policy_doc, present, set, vbool, vstr, Index, RawRes};
use crate::terraform::eval::why;

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
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
        _ => return None,
    };
    Some(kind)
}

/// Joins a sub-resource of this service into the resource it configures; `false` when the type
/// is not one of its own.
pub(super) fn join(r: &RawRes, ix: &Index, kinds: &mut [Kind]) -> bool {
    let b = &r.body;
    let Some(rest) = r.rtype.strip_prefix("aws_s3_bucket_") else {
        return false;
    };
    let Some(i) = ix.find(b.get("bucket"), KindTag::Bucket, kinds) else {
        return true;
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
    true
}

/// A string value compared to `Enabled` (S3's status strings).
fn enabled(n: Option<&Node>) -> Value<bool> {
    value::<String>(n).map(|s| s.eq_ignore_ascii_case("enabled"))
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

fn bucket_mut(kinds: &mut [Kind], i: usize) -> &mut Bucket {
    match &mut kinds[i] {
        Kind::Bucket(b) => b,
        _ => unreachable!("index checked by tag"),
    }
}
