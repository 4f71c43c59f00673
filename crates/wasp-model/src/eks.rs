//! Amazon EKS.

use serde::Serialize;
use wasp_core::Pos;

use crate::value::Value;

/// An Amazon EKS cluster.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct EksCluster {
    /// Kubernetes version (`1.31`); absent means the latest EKS offers.
    pub version: Value<String>,
    /// The public API server endpoint is enabled (default true).
    pub endpoint_public: Value<bool>,
    /// CIDR blocks allowed to reach the public endpoint; `None` when not set (default
    /// `0.0.0.0/0`). An unknown list is one unknown item.
    pub public_access_cidrs: Option<Vec<Value<String>>>,
    /// Where the endpoint settings are written, when they are.
    #[serde(skip)]
    pub endpoint_pos: Option<Pos>,
    /// KMS key of the envelope encryption of Kubernetes secrets (`EncryptionConfig` with
    /// resource `secrets`); absent when not configured.
    pub secrets_kms_key: Value<String>,
    /// Control plane log types enabled (`api`, `audit`, `authenticator`, `controllerManager`,
    /// `scheduler`); `None` when logging is not configured. An unknown list is one unknown item.
    pub log_types: Option<Vec<Value<String>>>,
    #[serde(skip)]
    pub log_types_pos: Option<Pos>,
}
