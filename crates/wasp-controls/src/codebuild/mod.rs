//! AWS CodeBuild projects.

pub mod artifacts_unencrypted;
pub mod plaintext_secret_in_environment;
pub mod privileged_mode;
pub mod source_credentials_in_url;

use wasp_model::{BuildProject, Kind, Resource};

pub(crate) fn project(res: &Resource) -> Option<&BuildProject> {
    match &res.kind {
        Kind::BuildProject(p) => Some(p),
        _ => None,
    }
}
