//! Amazon EFS file systems.

pub mod not_encrypted;
pub mod tls_not_enforced;

use wasp_model::{FileSystem, Kind, Resource};

pub(crate) fn file_system(res: &Resource) -> Option<&FileSystem> {
    match &res.kind {
        Kind::FileSystem(f) => Some(f),
        _ => None,
    }
}
