//! Amazon DynamoDB tables.

pub mod deletion_protection_disabled;
pub mod not_encrypted_with_cmk;
pub mod point_in_time_recovery_disabled;

use wasp_model::{Kind, Resource, Table};

pub(crate) fn table(res: &Resource) -> Option<&Table> {
    match &res.kind {
        Kind::Table(t) => Some(t),
        _ => None,
    }
}
