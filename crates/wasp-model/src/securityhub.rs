//! AWS Security Hub.

use serde::Serialize;

use crate::value::Value;

/// Security Hub enabled in the account (`AWS::SecurityHub::Hub`, `aws_securityhub_account`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct SecurityHub {
    /// Subscribes the default standards (FSBP and CIS). Defaults to true.
    pub enable_default_standards: Value<bool>,
    /// Enables new controls of subscribed standards automatically. Defaults to true.
    pub auto_enable_controls: Value<bool>,
    /// `SECURITY_CONTROL` (consolidated findings) or `STANDARD_CONTROL`.
    pub control_finding_generator: Value<String>,
}

/// A Security Hub standard subscription.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct HubStandard {
    pub arn: Value<String>,
}
