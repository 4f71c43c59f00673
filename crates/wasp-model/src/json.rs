//! The JSON view of the model, what custom controls are written against (docs/custom-controls.md).
//!
//! - a [`Value`](crate::Value) is its plain value when known, `null` when absent (the service
//!   default applies) and `{"unknown": "<reason>"}` when not statically knowable;
//! - positions are left out;
//! - a [`Node`] (a policy document, raw settings) is plain JSON; a part of it that is not
//!   statically knowable is `{"unknown": "<reason>"}`, plus `"ref": "<address>"` when it refers
//!   to another resource;
//! - a resource is `{"address", "type", "format", "file", "kind", ...the kind's fields, "refs"}`.
//!
//! The helpers below are `serialize_with` functions for the field types that have no natural
//! JSON form of their own.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use wasp_core::Pos;

use crate::node::{Node, V};
use crate::shared::Link;
use crate::value::{Value, REF_PREFIX};

/// `{"unknown": reason}`.
pub(crate) fn unknown<S: Serializer>(reason: &str, s: S) -> Result<S::Ok, S::Error> {
    let mut m = s.serialize_map(Some(1))?;
    m.serialize_entry("unknown", reason)?;
    m.end()
}

/// Why a part of a resource cannot be enumerated statically: the reason, or `null`.
pub(crate) fn reason<S: Serializer>(v: &Option<(String, Pos)>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some((r, _)) => s.serialize_str(r),
        None => s.serialize_none(),
    }
}

/// A file path as text (lossy when it is not UTF-8).
pub(crate) fn file<S: Serializer>(v: &crate::FileRef, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&v.to_string_lossy())
}

/// A list of positions (one per occurrence of something): how many there are.
pub(crate) fn source_name<S: Serializer>(
    v: &&'static crate::SourceInfo,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.serialize_str(v.name)
}

pub(crate) fn count<S: Serializer>(v: &[Pos], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u64(v.len() as u64)
}

/// Name → value pairs (environment variables, parameters) as an object.
pub(crate) fn named<S: Serializer>(v: &[(String, Value<String>)], s: S) -> Result<S::Ok, S::Error> {
    let mut m = s.serialize_map(Some(v.len()))?;
    for (k, val) in v {
        m.serialize_entry(k, val)?;
    }
    m.end()
}

impl<T: Serialize> Serialize for Value<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Absent => s.serialize_none(),
            Value::Known(v, _) => v.serialize(s),
            Value::Unknown(r, _) => unknown(r, s),
        }
    }
}

/// `{"address": ...}`, `{"name": ...}` or `{"unknown": reason}`.
impl Serialize for Link {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (key, v) = match self {
            Link::Address(a, _) => ("address", a.as_str()),
            Link::Name(n, _) => ("name", n.as_str()),
            Link::Unknown(r, _) => ("unknown", &**r),
        };
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry(key, v)?;
        m.end()
    }
}

/// A kind's fields after its name: `{"kind": "bucket", "versioning": true, ...}`.
#[derive(Serialize)]
pub(crate) struct Tagged<'a, T: Serialize> {
    pub kind: &'static str,
    #[serde(flatten)]
    pub fields: &'a T,
}

/// The fields of a kind the model does not normalize: none.
#[derive(Serialize)]
pub(crate) struct NoFields {}

/// `DbInstance` → `db_instance`.
pub(crate) fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

impl Serialize for Node {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.v {
            V::Null => s.serialize_none(),
            V::Bool(b) => s.serialize_bool(*b),
            V::Num(n) => {
                if let Ok(i) = n.parse::<i64>() {
                    s.serialize_i64(i)
                } else if let Some(f) = n.parse::<f64>().ok().filter(|f| f.is_finite()) {
                    s.serialize_f64(f)
                } else {
                    s.serialize_str(n)
                }
            }
            V::Str(t) => s.serialize_str(t),
            V::Seq(items) => s.collect_seq(items),
            V::Map(map) => s.collect_map(map.iter()),
            V::Unknown(r) => unknown(r, s),
            V::Ref(r) => {
                let target = match &r.attr {
                    Some(a) => format!("{}.{a}", r.target),
                    None => r.target.to_string(),
                };
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry(
                    "unknown",
                    &format!("{REF_PREFIX}`{target}`, known only at deploy time"),
                )?;
                m.serialize_entry("ref", &*r.target)?;
                m.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::PathBuf;
    use std::sync::Arc;

    use serde_json::json;

    use crate::node::{Map, Ref};
    use crate::*;

    fn n(v: V) -> Node {
        Node::new(Pos::new(3, 1), v)
    }

    #[test]
    fn values_are_plain_null_or_unknown() {
        let known: Value<bool> = Value::Known(false, Pos::new(1, 1));
        let unknown: Value<bool> = Value::Unknown("param `X` has no default".into(), Pos::NONE);
        assert_eq!(serde_json::to_value(&known).unwrap(), json!(false));
        assert_eq!(
            serde_json::to_value(Value::<bool>::Absent).unwrap(),
            json!(null)
        );
        assert_eq!(
            serde_json::to_value(&unknown).unwrap(),
            json!({"unknown": "param `X` has no default"})
        );
    }

    #[test]
    fn nodes_are_plain_json() {
        let mut m = Map::default();
        m.insert("Effect", Pos::NONE, n(V::Str("Allow".into())));
        m.insert("Port", Pos::NONE, n(V::Num("443".into())));
        m.insert("Ratio", Pos::NONE, n(V::Num("0.5".into())));
        m.insert(
            "Action",
            Pos::NONE,
            n(V::Seq(vec![n(V::Str("s3:*".into())), n(V::Null)])),
        );
        m.insert("Cond", Pos::NONE, n(V::Unknown("parameter".into())));
        m.insert(
            "Key",
            Pos::NONE,
            n(V::Ref(Ref {
                target: "Key".into(),
                attr: Some("Arn".into()),
            })),
        );
        assert_eq!(
            serde_json::to_value(n(V::Map(m))).unwrap(),
            json!({
                "Effect": "Allow",
                "Port": 443,
                "Ratio": 0.5,
                "Action": ["s3:*", null],
                "Cond": {"unknown": "parameter"},
                "Key": {"unknown": "refers to `Key.Arn`, known only at deploy time", "ref": "Key"},
            })
        );
    }

    static CFN: crate::SourceInfo = crate::SourceInfo {
        name: "cloudformation",
        spelling: &[],
    };
    static PLAN: crate::SourceInfo = crate::SourceInfo {
        name: "terraform_plan",
        spelling: &[],
    };

    #[test]
    fn resources_carry_envelope_kind_and_fields_without_positions() {
        let bucket = Bucket {
            versioning: Value::Known(false, Pos::new(7, 3)),
            kms_key: Value::Unknown("refers to `Key`".into(), Pos::new(8, 3)),
            public_acl_grants: vec![Pos::new(9, 1), Pos::new(10, 1)],
            ..Bucket::default()
        };
        let res = Resource {
            address: "Logs".into(),
            source_type: "AWS::S3::Bucket".into(),
            source: &CFN,
            file: Arc::new(PathBuf::from("t.yaml")),
            pos: Pos::new(5, 3),
            kind: Kind::Bucket(Box::new(bucket)),
            refs: BTreeSet::from(["Key".to_string()]),
            ids: vec![],
            ignores: vec![],
        };
        let v = serde_json::to_value(&res).unwrap();
        assert_eq!(v["address"], "Logs");
        assert_eq!(v["type"], "AWS::S3::Bucket");
        assert_eq!(v["format"], "cloudformation");
        assert_eq!(v["file"], "t.yaml");
        assert_eq!(v["kind"], "bucket");
        assert_eq!(v["versioning"], false);
        assert_eq!(v["mfa_delete"], json!(null));
        assert_eq!(v["kms_key"], json!({"unknown": "refers to `Key`"}));
        assert_eq!(v["public_acl_grants"], 2);
        assert_eq!(v["refs"], json!(["Key"]));
        let text = v.to_string();
        assert!(!text.contains("\"pos\""), "{text}");
        assert!(!text.contains("\"line\""), "{text}");
        assert!(!text.contains("ignores"), "{text}");
    }

    #[test]
    fn kind_names_are_snake_case_and_unique() {
        assert_eq!(KindTag::Bucket.name(), "bucket");
        assert_eq!(KindTag::DbInstance.name(), "db_instance");
        assert_eq!(
            KindTag::EbsDefaultEncryption.name(),
            "ebs_default_encryption"
        );
        let names: BTreeSet<&str> = KindTag::ALL.iter().map(|k| k.name()).collect();
        assert_eq!(names.len(), KindTag::ALL.len());
        assert_eq!(
            KindTag::from_name("security_group"),
            Some(KindTag::SecurityGroup)
        );
        assert_eq!(KindTag::from_name("nope"), None);
    }

    #[test]
    fn other_kind_and_nested_special_fields() {
        let res = Resource {
            address: "aws_thing.x".into(),
            source_type: "aws_thing".into(),
            source: &PLAN,
            file: Arc::new(PathBuf::from("plan.json")),
            pos: Pos::NONE,
            kind: Kind::Other,
            refs: BTreeSet::new(),
            ids: vec![],
            ignores: vec![],
        };
        let v = serde_json::to_value(&res).unwrap();
        assert_eq!(v["kind"], "other");
        assert_eq!(v["format"], "terraform_plan");

        let f = Function {
            environment: vec![
                ("A".into(), Value::Known("1".into(), Pos::NONE)),
                ("B".into(), Value::Unknown("var".into(), Pos::NONE)),
            ],
            ..Function::default()
        };
        let v = serde_json::to_value(Kind::Function(Box::new(f))).unwrap();
        assert_eq!(v["environment"], json!({"A": "1", "B": {"unknown": "var"}}));

        let sg = SecurityGroup {
            rules_unknown: Some(("dynamic block".into(), Pos::new(2, 2))),
            ..SecurityGroup::default()
        };
        let v = serde_json::to_value(Kind::SecurityGroup(Box::new(sg))).unwrap();
        assert_eq!(v["rules_unknown"], "dynamic block");
        assert_eq!(v["ingress"], json!([]));

        let l = shared::Link::Address("Group".into(), Pos::NONE);
        assert_eq!(
            serde_json::to_value(&l).unwrap(),
            json!({"address": "Group"})
        );

        let pg = ParameterGroup {
            kind: ParameterGroupKind::DbCluster,
            ..ParameterGroup::default()
        };
        let v = serde_json::to_value(Kind::ParameterGroup(Box::new(pg))).unwrap();
        assert_eq!(v["kind"], "parameter_group");
        assert_eq!(v["group_kind"], "db_cluster");
    }
}
