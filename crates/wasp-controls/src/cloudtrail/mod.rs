//! AWS CloudTrail.

pub mod log_validation_disabled;
pub mod not_encrypted_with_kms;
pub mod not_multi_region;

use wasp_model::{Kind, Resource, Trail};

pub(crate) fn trail(res: &Resource) -> Option<&Trail> {
    match &res.kind {
        Kind::Trail(t) => Some(t),
        _ => None,
    }
}
