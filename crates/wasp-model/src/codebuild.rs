//! AWS CodeBuild.

use serde::Serialize;
use wasp_core::Pos;

use crate::value::Value;

/// An AWS CodeBuild project.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct BuildProject {
    /// Docker daemon access inside the build container (default false).
    pub privileged_mode: Value<bool>,
    pub environment: Vec<BuildVariable>,
    /// Environment variables that cannot be read statically: the reason.
    #[serde(serialize_with = "crate::json::reason")]
    pub environment_unknown: Option<(String, Pos)>,
    /// Source locations (primary and secondary).
    pub source_locations: Vec<Value<String>>,
    /// `EncryptionDisabled` of the primary and secondary artifacts (default false).
    pub artifacts_encryption_disabled: Vec<Value<bool>>,
    /// `EncryptionDisabled` of the S3 build logs (default false).
    pub s3_logs_encryption_disabled: Value<bool>,
}

/// An environment variable of a build project.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct BuildVariable {
    pub name: Value<String>,
    /// `PLAINTEXT` (the default), `PARAMETER_STORE`, `SECRETS_MANAGER`.
    pub var_type: Value<String>,
    pub value: Value<String>,
    #[serde(skip)]
    pub pos: Pos,
}
