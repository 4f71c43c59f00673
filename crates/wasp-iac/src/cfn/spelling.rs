//! How CloudFormation spells the model's properties, for messages (see
//! [`wasp_model::SourceInfo`]): the property paths of `Properties`, as the resource type's
//! documentation names them.

use wasp_model::Spelling;

pub(super) static SPELLING: &[Spelling] = wasp_model::spelling! {
    Bucket { "mfa_delete" => ! }
    EcsService { "assign_public_ip=true" => "ENABLED" }
};
