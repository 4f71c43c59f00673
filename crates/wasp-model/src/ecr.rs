//! Amazon ECR: repositories and the registry scanning configuration.

use serde::Serialize;
use wasp_core::Pos;

use crate::shared::PolicyDoc;
use crate::value::Value;

/// An Amazon ECR private repository.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct EcrRepository {
    pub name: Value<String>,
    /// Basic scanning on push (default false).
    pub scan_on_push: Value<bool>,
    /// `MUTABLE` (the default), `IMMUTABLE`, `IMMUTABLE_WITH_EXCLUSION`,
    /// `MUTABLE_WITH_EXCLUSION`.
    pub tag_mutability: Value<String>,
    pub policy: Option<PolicyDoc>,
}

/// The registry-wide ECR scanning configuration (`AWS::ECR::RegistryScanningConfiguration`,
/// `aws_ecr_registry_scanning_configuration`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct RegistryScanning {
    /// `BASIC` or `ENHANCED`.
    pub scan_type: Value<String>,
    pub rules: Vec<RegistryScanRule>,
    /// Rules that cannot be read statically: the reason.
    #[serde(serialize_with = "crate::json::reason")]
    pub rules_unknown: Option<(String, Pos)>,
}

/// A rule of the registry scanning configuration.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct RegistryScanRule {
    /// `SCAN_ON_PUSH`, `CONTINUOUS_SCAN`, `MANUAL`.
    pub frequency: Value<String>,
    /// Repository name filters (wildcards `*`); an unknown list is one unknown item.
    pub filters: Vec<Value<String>>,
}
