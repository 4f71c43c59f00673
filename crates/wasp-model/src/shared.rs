//! What the resources of several services share: policy documents, and links from one resource
//! to another.

use serde::Serialize;
use std::sync::Arc;
use wasp_core::Pos;

use crate::node::{Node, V};
use crate::value::Value;

/// A policy document attached to something (inline policy, bucket policy, trust policy...).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PolicyDoc {
    /// Name of an inline policy, the managed policy's address, or a fixed label
    /// (`bucket policy`, `trust policy`).
    pub name: String,
    pub document: Value<Node>,
    #[serde(skip)]
    pub pos: Pos,
    /// Address of the resource that defines this document when it was joined in from another
    /// resource (`AWS::IAM::Policy`, `aws_iam_role_policy_attachment` of an `aws_iam_policy`);
    /// `None` when this resource defines it. Controls on document content check a document once,
    /// where it is defined; analyses of a principal use all of them.
    pub joined_from: Option<String>,
}

/// How one resource names another: by its address in the same template or module (`!Ref X`,
/// `aws_iam_group.x.name` when not statically known), by its physical name, or not statically.
#[derive(Debug, Clone, PartialEq)]
pub enum Link {
    Address(String, Pos),
    Name(String, Pos),
    Unknown(Arc<str>, Pos),
}

impl Link {
    /// The link a node expresses: a reference, a name, or unknown (with the reason).
    pub fn from_node(n: &Node) -> Link {
        match &n.v {
            V::Ref(r) => Link::Address(r.target.to_string(), n.pos),
            V::Str(s) => Link::Name(s.to_string(), n.pos),
            V::Unknown(r) => Link::Unknown(r.clone(), n.pos),
            _ => Link::Unknown("not a name or a reference".into(), n.pos),
        }
    }
    pub fn pos(&self) -> Pos {
        match self {
            Link::Address(_, p) | Link::Name(_, p) | Link::Unknown(_, p) => *p,
        }
    }
}
