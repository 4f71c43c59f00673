//! AWS IAM: principals, managed policies, access keys, the account password policy, identity
//! providers.

use serde::Serialize;

use crate::shared::{Link, PolicyDoc};
use crate::value::Value;

/// IAM role, user or group: the principal's own policies joined in.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Principal {
    pub name: Value<String>,
    /// Trust policy (roles only).
    pub trust_policy: Option<PolicyDoc>,
    /// Inline policies, and customer-managed policies of the same template attached to it.
    pub policies: Vec<PolicyDoc>,
    /// Managed policy ARNs attached by reference (AWS-managed or outside the template). From
    /// CloudFormation, a known ARN may hold `${Name}` placeholders for the parts known only at
    /// deploy time (`arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess`): match it on the
    /// parts that matter, never as a whole.
    pub managed_policy_arns: Vec<Value<String>>,
    pub permissions_boundary: Value<String>,
    /// Users: a console password (login profile) is configured.
    pub login_profile: Value<bool>,
    /// Users: the initial console password as the source writes it (`LoginProfile.Password`).
    pub login_password: Value<String>,
    /// Users: the generated console password is kept unencrypted in the deployment state
    /// (Terraform login profile without `pgp_key`).
    pub login_password_in_state: Value<bool>,
    /// Users: the groups they belong to (`Groups`, group memberships joined in).
    pub groups: Vec<Link>,
    /// Managed policies of the same template or module attached by reference
    /// (`ManagedPolicyArns: [!Ref P]`), when not joined in as documents.
    pub managed_policy_refs: Vec<Link>,
    /// The permissions boundary when it is a policy of the same template or module.
    pub permissions_boundary_ref: Option<Link>,
}

/// A customer managed IAM policy (`AWS::IAM::ManagedPolicy`, `aws_iam_policy`) or a standalone
/// inline policy resource (`AWS::IAM::Policy`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ManagedPolicy {
    pub document: Option<PolicyDoc>,
}

/// An IAM access key of a user (`AWS::IAM::AccessKey`, `aws_iam_access_key`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct AccessKey {
    /// `Active` (the default) or `Inactive`.
    pub status: Value<String>,
    /// The secret access key is kept unencrypted in the deployment state (Terraform without
    /// `pgp_key`).
    pub secret_in_state: Value<bool>,
}

/// The account's IAM password policy (`aws_iam_account_password_policy`). Absent settings take
/// the IAM API defaults: minimum length 6, no character classes, no reuse prevention, no expiry.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct AccountPasswordPolicy {
    pub minimum_length: Value<i64>,
    pub reuse_prevention: Value<i64>,
    pub max_age: Value<i64>,
    pub require_lowercase: Value<bool>,
    pub require_uppercase: Value<bool>,
    pub require_numbers: Value<bool>,
    pub require_symbols: Value<bool>,
}

/// An IAM OpenID Connect identity provider; trust policies name it by ARN.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct OidcProvider {
    /// `https://token.actions.githubusercontent.com`.
    pub url: Value<String>,
}
