//! Elastic Load Balancing: load balancers (v2 and classic) and their listeners.

use serde::Serialize;
use wasp_core::Pos;

use crate::value::Value;

/// A load balancer listener action.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListenerAction {
    /// `forward`, `redirect`, `fixed-response`, `authenticate-oidc`, ...
    pub kind: Value<String>,
    /// For redirects: the target protocol (`HTTPS`, `#{protocol}`).
    pub redirect_protocol: Value<String>,
    #[serde(skip)]
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Listener {
    /// `HTTP`, `HTTPS`, `TCP`, `TLS`, `UDP`, `TCP_UDP`, `GENEVE`.
    pub protocol: Value<String>,
    pub port: Value<i64>,
    pub ssl_policy: Value<String>,
    pub default_actions: Vec<ListenerAction>,
    /// Actions of listener rules attached to this listener.
    pub rule_actions: Vec<ListenerAction>,
}

/// Elastic Load Balancing v2 load balancer (`AWS::ElasticLoadBalancingV2::LoadBalancer`,
/// `aws_lb`, `aws_alb`), with its attributes.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct LoadBalancer {
    pub name: Value<String>,
    /// `application` (the default), `network` or `gateway`.
    pub lb_type: Value<String>,
    /// `internet-facing` (the default) or `internal`.
    pub scheme: Value<String>,
    /// Access logs to S3. Defaults to false.
    pub access_logs: Value<bool>,
    /// Defaults to false.
    pub deletion_protection: Value<bool>,
    /// Application load balancers: drop HTTP headers with invalid names. Defaults to false.
    pub drop_invalid_header_fields: Value<bool>,
    /// Application load balancers: `monitor`, `defensive` (the default) or `strictest`.
    pub desync_mitigation_mode: Value<String>,
    /// Attributes come from a source that cannot be enumerated statically (the reason).
    #[serde(serialize_with = "crate::json::reason")]
    pub attributes_unknown: Option<(String, Pos)>,
}

impl LoadBalancer {
    /// An application load balancer (the default type), or unknown.
    pub fn is_application(&self) -> Value<bool> {
        self.lb_type
            .clone()
            .map(|t| t.eq_ignore_ascii_case("application"))
            .or_default_known(true)
    }
}

/// A classic load balancer (`AWS::ElasticLoadBalancing::LoadBalancer`, `aws_elb`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ClassicLoadBalancer {
    pub name: Value<String>,
    pub listeners: Vec<ClassicListener>,
    /// Listeners come from a source that cannot be enumerated statically (the reason).
    #[serde(serialize_with = "crate::json::reason")]
    pub listeners_unknown: Option<(String, Pos)>,
    /// SSL negotiation policies: policy name → predefined `Reference-Security-Policy`, or the
    /// protocols it enables (`Protocol-TLSv1`) when it lists attributes.
    pub ssl_policies: Vec<SslNegotiationPolicy>,
    /// Access logs to S3 are enabled.
    pub access_logging: Value<bool>,
    /// `monitor`, `defensive` (the default) or `strictest`.
    pub desync_mitigation_mode: Value<String>,
}

/// A listener of a classic load balancer.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ClassicListener {
    /// Front-end protocol: `HTTP`, `HTTPS`, `TCP`, `SSL`.
    pub protocol: Value<String>,
    pub port: Value<i64>,
    /// Names of the policies attached to the listener.
    pub policy_names: Vec<Value<String>>,
    #[serde(skip)]
    pub pos: Pos,
}

/// An SSL negotiation policy of a classic load balancer.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct SslNegotiationPolicy {
    pub name: Value<String>,
    /// `ELBSecurityPolicy-TLS-1-2-2017-01`, ...
    pub reference: Value<String>,
    /// Attributes set to true (`Protocol-TLSv1`, `Protocol-SSLv3`, cipher names).
    pub enabled: Vec<String>,
    #[serde(skip)]
    pub pos: Pos,
}
