//! Amazon SNS topics.

pub mod topic_not_encrypted;
pub mod topic_policy_public;

use wasp_model::{Kind, Resource, Topic};

pub(crate) fn topic(res: &Resource) -> Option<&Topic> {
    match &res.kind {
        Kind::Topic(t) => Some(t),
        _ => None,
    }
}
