//! Amazon SQS queues.

pub mod queue_not_encrypted;
pub mod queue_policy_public;

use wasp_model::{Kind, Queue, Resource};

pub(crate) fn queue(res: &Resource) -> Option<&Queue> {
    match &res.kind {
        Kind::Queue(q) => Some(q),
        _ => None,
    }
}
