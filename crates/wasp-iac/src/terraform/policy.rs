//! IAM policy documents: `jsonencode` trees, JSON strings, and `aws_iam_policy_document` data
//! sources converted into the equivalent JSON policy [`Node`].

use wasp_core::Pos;
use wasp_model::{Map, Node, Value, V};

use super::eval::{restamp, unk, why};

/// The policy JSON an `aws_iam_policy_document` data source renders, from its evaluated body.
pub(crate) fn from_policy_document(body: &Node, pos: Pos) -> Node {
    for merged in [
        "source_policy_documents",
        "override_policy_documents",
        "source_json",
        "override_json",
    ] {
        if body.get(merged).is_some_and(|n| !n.is_null()) {
            return unk(
                pos,
                format!("policy document merges `{merged}`, not evaluated"),
            );
        }
    }
    let mut doc = Map::default();
    let version = body
        .get("version")
        .filter(|v| !v.is_null())
        .cloned()
        .unwrap_or_else(|| Node::str(pos, "2012-10-17"));
    doc.insert("Version", version.pos, version);
    if let Some(id) = body.get("policy_id").filter(|v| !v.is_null()) {
        doc.insert("Id", id.pos, id.clone());
    }
    let mut stmts = Vec::new();
    for st in wasp_model::items(body.get("statement")) {
        stmts.push(statement(st));
    }
    doc.insert("Statement", pos, Node::new(pos, V::Seq(stmts)));
    Node::map(pos, doc)
}

fn statement(st: &Node) -> Node {
    let Some(m) = st.as_map() else {
        return unk(st.pos, why(st));
    };
    let mut out = Map::default();
    if let Some(sid) = m.get("sid").filter(|v| !v.is_null()) {
        out.insert("Sid", sid.pos, sid.clone());
    }
    let effect = m
        .get("effect")
        .filter(|v| !v.is_null())
        .cloned()
        .unwrap_or_else(|| Node::str(st.pos, "Allow"));
    out.insert("Effect", effect.pos, effect);
    for (k, j) in [
        ("actions", "Action"),
        ("not_actions", "NotAction"),
        ("resources", "Resource"),
        ("not_resources", "NotResource"),
    ] {
        if let Some(v) = m.get(k).filter(|v| !v.is_null()) {
            out.insert(j, v.pos, v.clone());
        }
    }
    for (k, j) in [
        ("principals", "Principal"),
        ("not_principals", "NotPrincipal"),
    ] {
        if let Some(p) = m.get(k).filter(|v| !v.is_null()) {
            out.insert(j, p.pos, principals(p));
        }
    }
    if let Some(c) = m.get("condition").filter(|v| !v.is_null()) {
        out.insert("Condition", c.pos, conditions(c));
    }
    Node::map(st.pos, out)
}

fn principals(p: &Node) -> Node {
    let mut out = Map::default();
    for b in wasp_model::items(Some(p)) {
        let Some(bm) = b.as_map() else {
            return unk(b.pos, why(b));
        };
        let (Some(t), Some(ids)) = (bm.get("type"), bm.get("identifiers")) else {
            continue;
        };
        let Some(t) = t.as_str() else {
            return unk(t.pos, why(t));
        };
        if t == "*" {
            return Node::str(b.pos, "*");
        }
        let mut list: Vec<Node> = out
            .get(t)
            .and_then(|n| n.as_seq())
            .map(<[Node]>::to_vec)
            .unwrap_or_default();
        match &ids.v {
            V::Seq(s) => list.extend(s.iter().cloned()),
            _ => list.push(ids.clone()),
        }
        out.insert(t, b.pos, Node::new(ids.pos, V::Seq(list)));
    }
    Node::map(p.pos, out)
}

fn conditions(c: &Node) -> Node {
    let mut out = Map::default();
    for b in wasp_model::items(Some(c)) {
        let Some(bm) = b.as_map() else {
            return unk(b.pos, why(b));
        };
        let (Some(test), Some(var), Some(vals)) =
            (bm.get("test"), bm.get("variable"), bm.get("values"))
        else {
            continue;
        };
        let (Some(test), Some(var)) = (test.as_str(), var.as_str()) else {
            return unk(b.pos, "condition operator or key not known statically");
        };
        let mut inner = out
            .get(test)
            .and_then(|n| n.as_map())
            .cloned()
            .unwrap_or_default();
        inner.insert(var, b.pos, vals.clone());
        out.insert(test, b.pos, Node::map(b.pos, inner));
    }
    Node::map(c.pos, out)
}

/// A policy attribute as a document: a tree (`jsonencode`, data source) as is, a JSON string
/// parsed; anything not statically certain is unknown.
pub(crate) fn policy_value(n: Option<&Node>) -> Value<Node> {
    let Some(n) = n else {
        return Value::Absent;
    };
    match &n.v {
        V::Null => Value::Absent,
        V::Map(_) => Value::Known(n.clone(), n.pos),
        V::Str(s) if s.trim().is_empty() => Value::Absent,
        V::Str(s) => match crate::json::parse(s) {
            Ok(doc) if doc.as_map().is_some() => Value::Known(restamp(doc, n.pos), n.pos),
            Ok(_) => Value::Unknown("policy is not a JSON object".into(), n.pos),
            Err(e) => Value::Unknown(
                format!("policy is not valid JSON: {}", e.message).into(),
                n.pos,
            ),
        },
        V::Unknown(_) | V::Ref(_) => Value::Unknown(why(n).into(), n.pos),
        _ => Value::Unknown("expected a policy document".into(), n.pos),
    }
}
