//! AWS IAM: policies of roles, users, groups and managed policies.

pub mod policy_full_admin;

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
