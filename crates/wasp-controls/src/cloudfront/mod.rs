//! Amazon CloudFront distributions: viewer and origin TLS, origin access.

pub mod default_root_object_missing;
pub mod logging_disabled;
pub mod origin_allows_http;
pub mod origin_deprecated_ssl;
pub mod outdated_viewer_tls;
pub mod s3_origin_without_access_control;
pub mod viewer_protocol_allows_http;

use wasp_model::{Distribution, Kind, Resource};

pub(crate) fn distribution(res: &Resource) -> Option<&Distribution> {
    match &res.kind {
        Kind::Distribution(d) => Some(d),
        _ => None,
    }
}
