//! Amazon EFS.

use serde::Serialize;

use crate::shared::PolicyDoc;
use crate::value::Value;

/// EFS file system.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct FileSystem {
    pub encrypted: Value<bool>,
    pub kms_key: Value<String>,
    /// The file system policy, set on the file system or by a policy resource.
    pub policy: Option<PolicyDoc>,
}
