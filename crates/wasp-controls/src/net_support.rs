//! Statement reading shared by the network controls (VPC endpoint policies).

use wasp_core::Pos;
use wasp_model::{Node, V};

use crate::helpers::strings;

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
