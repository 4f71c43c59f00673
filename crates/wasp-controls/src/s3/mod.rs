//! Amazon S3 buckets.

pub mod bucket_access_logging_disabled;
pub mod bucket_default_encryption_missing;
pub mod bucket_insecure_transport_allowed;
pub mod bucket_lifecycle_missing;
pub mod bucket_mfa_delete_disabled;
pub mod bucket_not_encrypted_with_cmk;
pub mod bucket_object_lock_disabled;
pub mod bucket_policy_cross_account;
pub mod bucket_policy_public;
pub mod bucket_public_access_block_disabled;
pub mod bucket_public_acl;
pub mod bucket_versioning_disabled;

use wasp_model::{Bucket, Kind, Resource};

/// The bucket of a resource the control was registered for.
pub(crate) fn bucket(res: &Resource) -> Option<&Bucket> {
    match &res.kind {
        Kind::Bucket(b) => Some(b),
        _ => None,
    }
}
