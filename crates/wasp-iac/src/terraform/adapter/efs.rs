//! Terraform adapters of Amazon EFS.

use wasp_model::{value, FileSystem, Kind, KindTag, Node};

use super::{joined_doc, Index, RawRes};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn own_kind(rtype: &str, b: &Node, _plan: bool) -> Option<Kind> {
    let kind = match rtype {
        "aws_efs_file_system" => Kind::FileSystem(Box::new(FileSystem {
            encrypted: value(b.get("encrypted")),
            kms_key: value(b.get("kms_key_id")),
            policy: None,
        })),
        _ => return None,
    };
    Some(kind)
}

/// Joins a sub-resource of this service into the resource it configures; `false` when the type
/// is not one of its own.
pub(super) fn join(r: &RawRes, ix: &Index, kinds: &mut [Kind]) -> bool {
    let b = &r.body;
    match r.rtype.as_str() {
        "aws_efs_file_system_policy" => {
            if let Some(i) = ix.find(b.get("file_system_id"), KindTag::FileSystem, kinds) {
                if let (Kind::FileSystem(f), Some(d)) =
                    (&mut kinds[i], joined_doc(r, "file system policy", "policy"))
                {
                    f.policy = Some(d);
                }
            }
        }
        _ => return false,
    }
    true
}
