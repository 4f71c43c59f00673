//! Resource policy reading shared by the network and compute controls.

use wasp_core::Pos;
use wasp_model::{Node, PolicyDoc, Value, V};

use crate::helpers::{statements, strings};

/// Does a statement's `Principal` name everyone (`"*"` or `{"AWS": "*"}`)? `Err` when it is
/// not statically known.
pub(crate) fn everyone(principal: Option<&Node>) -> Result<bool, (String, Pos)> {
    let Some(p) = principal else {
        return Ok(false);
    };
    match &p.v {
        V::Str(s) => Ok(&**s == "*"),
        V::Map(m) => match m.get("AWS") {
            Some(aws) => Ok(strings(Some(aws))?.contains(&"*")),
            None => Ok(false),
        },
        V::Unknown(r) => Err((r.to_string(), p.pos)),
        V::Ref(r) => Err((format!("refers to `{}`", r.target), p.pos)),
        _ => Ok(false),
    }
}

/// A statement's `Condition` narrows it (present and not empty).
pub(crate) fn has_condition(st: &Node) -> bool {
    st.get("Condition")
        .is_some_and(|c| !c.as_map().is_some_and(|m| m.is_empty()) && !c.is_null())
}

/// `Effect: Allow`. `Err` when the effect is not statically known.
pub(crate) fn allows(st: &Node) -> Result<bool, (String, Pos)> {
    match st.get("Effect") {
        Some(e) => match &e.v {
            V::Str(s) => Ok(&**s == "Allow"),
            V::Unknown(r) => Err((r.to_string(), e.pos)),
            V::Ref(r) => Err((format!("refers to `{}`", r.target), e.pos)),
            _ => Ok(false),
        },
        None => Ok(false),
    }
}

/// The statements of a policy that allow everyone without a condition (`NotPrincipal` with
/// `Allow` counts as everyone). `Err` with the reason and position when the document, or a
/// statement that could be one, is not statically known.
pub(crate) fn public_statements(doc: &PolicyDoc) -> Result<Vec<Pos>, (String, Pos)> {
    let node = match &doc.document {
        Value::Known(n, _) => n,
        Value::Absent => return Ok(Vec::new()),
        Value::Unknown(r, p) => return Err((r.to_string(), *p)),
    };
    let mut out = Vec::new();
    for st in statements(node) {
        if st.is_unknown() {
            return Err((
                st.first_unknown()
                    .map(|(r, _)| r.to_string())
                    .unwrap_or_default(),
                st.pos,
            ));
        }
        if !allows(st)? || has_condition(st) {
            continue;
        }
        if st.get("NotPrincipal").is_some() || everyone(st.get("Principal"))? {
            out.push(st.pos);
        }
    }
    Ok(out)
}
