//! AWS WAF: web ACLs and their associations.

use serde::Serialize;

use crate::value::Value;

/// AWS WAF (v2) web ACL, with its logging configuration joined in.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct WebAcl {
    pub name: Value<String>,
    /// `REGIONAL` or `CLOUDFRONT`.
    pub scope: Value<String>,
    /// A logging configuration sends its traffic logs somewhere.
    pub logging: Value<bool>,
}

/// The association of a web ACL with a regional resource (`AWS::WAFv2::WebACLAssociation`,
/// `aws_wafv2_web_acl_association`, and their WAF Classic regional forms).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct WebAclAssociation {
    /// The protected resource's ARN as written: a reference is unknown with the reason.
    pub resource_arn: Value<String>,
    /// Address of the resource of the same template or configuration that `resource_arn`
    /// refers to, when it refers to one.
    pub target: Option<String>,
}
