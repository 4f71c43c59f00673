//! AWS IAM: policies of roles, users, groups and managed policies.

pub mod policy_full_admin;

pub(crate) mod engine;
pub(crate) mod password_policy;
pub mod password_policy_complexity;
pub mod password_policy_expiry;
pub mod password_policy_min_length;
pub mod password_policy_reuse;
pub mod policy_allow_with_not_action;
pub mod policy_allow_with_not_resource;
pub mod policy_credentials_exposure;
pub mod policy_data_exfiltration;
pub mod policy_delegated_creation_without_boundary;
pub mod policy_passrole_on_all_resources;
pub mod policy_permissions_management_on_all_resources;
pub mod policy_sensitive_service_wildcard;
pub mod policy_write_on_all_resources;
pub mod principal_admin_equivalent;
pub mod privilege_escalation;
pub mod role_trust_cross_account_without_external_id;
pub mod role_trust_oidc_unrestricted;
pub mod role_trust_public;
pub mod role_trust_service_without_source_condition;
pub mod user_access_key;
pub mod user_console_access_without_mfa_enforcement;
pub mod user_inline_policy;
pub mod user_managed_policy_attached;
pub mod user_plaintext_console_password;

use wasp_model::{Kind, PolicyDoc, Resource};

/// Policy documents a resource defines itself (not joined in from other resources), so that a
/// control on document content reports each document once, where it is written.
pub(crate) fn own_documents(res: &Resource) -> Vec<&PolicyDoc> {
    match &res.kind {
        Kind::Role(p) | Kind::User(p) | Kind::Group(p) => p
            .policies
            .iter()
            .filter(|d| d.joined_from.is_none())
            .collect(),
        Kind::ManagedPolicy(m) => m.document.iter().collect(),
        _ => Vec::new(),
    }
}

/// What holds identity policies of its own: principals and customer managed policies.
pub(crate) const POLICY_HOLDERS: &[wasp_model::KindTag] = &[
    wasp_model::KindTag::Role,
    wasp_model::KindTag::User,
    wasp_model::KindTag::Group,
    wasp_model::KindTag::ManagedPolicy,
];
