//! CloudFormation adapters of Amazon EFS.

use wasp_model::{FileSystem, Kind, Node};

use super::{at, policy_doc, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, _cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::EFS::FileSystem" => Kind::FileSystem(Box::new(FileSystem {
            encrypted: at(p, &["Encrypted"]),
            kms_key: at(p, &["KmsKeyId"]),
            policy: p
                .get("FileSystemPolicy")
                .filter(|n| !n.is_null())
                .map(|_| policy_doc(p, "FileSystemPolicy", "file system policy", None)),
        })),
        _ => return None,
    };
    Some(kind)
}
