//! AWS Certificate Manager certificates.

pub mod certificate_email_validation;
pub mod certificate_transparency_logging_disabled;
pub mod certificate_weak_key;

use wasp_model::{Certificate, Kind, Resource};

pub(crate) fn certificate(res: &Resource) -> Option<&Certificate> {
    match &res.kind {
        Kind::Certificate(c) => Some(c),
        _ => None,
    }
}
