//! Amazon ECR private repositories.

pub mod repository_policy_public;
pub mod scan_on_push_disabled;
pub mod tags_mutable;
