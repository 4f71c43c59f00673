//! Amazon S3.

use serde::Serialize;
use wasp_core::Pos;

use crate::shared::PolicyDoc;
use crate::value::Value;

/// S3 bucket, with its split-out Terraform sub-resources and CloudFormation bucket policy joined in.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Bucket {
    pub name: Value<String>,
    /// Default encryption algorithm: `AES256`, `aws:kms`, `aws:kms:dsse`.
    pub sse_algorithm: Value<String>,
    pub kms_key: Value<String>,
    pub public_access_block: Option<PublicAccessBlock>,
    pub policy: Option<PolicyDoc>,
    /// Canned ACL (`private`, `public-read`, ...).
    pub acl: Value<String>,
    /// Grants to the AllUsers / AuthenticatedUsers groups found in an explicit ACL policy.
    #[serde(serialize_with = "crate::json::count")]
    pub public_acl_grants: Vec<Pos>,
    pub versioning: Value<bool>,
    pub mfa_delete: Value<bool>,
    pub logging: Value<bool>,
    pub object_lock: Value<bool>,
    /// A lifecycle configuration with at least one rule.
    pub lifecycle: Value<bool>,
}

/// The four settings of an S3 public access block; absent ones default to false.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct PublicAccessBlock {
    pub block_public_acls: Value<bool>,
    pub ignore_public_acls: Value<bool>,
    pub block_public_policy: Value<bool>,
    pub restrict_public_buckets: Value<bool>,
    #[serde(skip)]
    pub pos: Pos,
}
