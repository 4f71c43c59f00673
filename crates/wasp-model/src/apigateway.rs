//! Amazon API Gateway: stages and custom domain names.

use serde::Serialize;
use wasp_core::Pos;

use crate::shared::Link;
use crate::value::Value;

/// API Gateway REST or HTTP API stage (or an API whose stage is implicit, as in SAM).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ApiStage {
    pub access_logging: Value<bool>,
    pub tracing: Value<bool>,
    /// A REST API stage (API Gateway v1); false for HTTP and WebSocket API stages (v2).
    pub rest: bool,
    pub stage_name: Value<String>,
    /// The API the stage belongs to.
    pub api: Option<Link>,
    /// REST: a cache cluster is provisioned for the stage. Defaults to false.
    pub cache_cluster: Value<bool>,
    /// REST: method settings, with `aws_api_gateway_method_settings` joined in; v2: the
    /// default route settings, as one setting for all routes.
    pub method_settings: Vec<MethodSetting>,
    /// Method settings come from a source that cannot be enumerated statically (the reason).
    #[serde(serialize_with = "crate::json::reason")]
    pub method_settings_unknown: Option<(String, Pos)>,
}

/// A method setting of a REST API stage, or the default route settings of a v2 stage.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct MethodSetting {
    /// Applies to every resource and method (`/*` and `*`, `*/*`).
    pub all_methods: bool,
    /// Execution logging: `OFF` (the default), `ERROR` or `INFO`.
    pub logging_level: Value<String>,
    /// Response caching for the methods. Defaults to false.
    pub caching_enabled: Value<bool>,
    /// Defaults to false.
    pub cache_data_encrypted: Value<bool>,
    #[serde(skip)]
    pub pos: Pos,
}

/// API Gateway custom domain name (REST or HTTP/WebSocket).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ApiDomain {
    /// `TLS_1_0`, `TLS_1_2`, or an enhanced policy (`SecurityPolicy_TLS13_1_2_2021_06`).
    /// REST domains have one; HTTP/WebSocket (v2) domains one per domain name configuration
    /// (absent when not set).
    pub security_policies: Vec<Value<String>>,
    /// An HTTP/WebSocket API domain, whose only legacy policy is `TLS_1_2`.
    pub v2: bool,
}
