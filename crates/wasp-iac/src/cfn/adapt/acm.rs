//! CloudFormation adapters of AWS Certificate Manager.

use wasp_model::{Certificate, Kind, Node};

use super::{at, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, _cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::CertificateManager::Certificate" => Kind::Certificate(Box::new(Certificate {
            key_algorithm: at(p, &["KeyAlgorithm"]),
            transparency_logging: at(p, &["CertificateTransparencyLoggingPreference"]),
            validation_method: at(p, &["ValidationMethod"]),
            private_ca: at(p, &["CertificateAuthorityArn"]),
            imported: false,
        })),
        _ => return None,
    };
    Some(kind)
}
