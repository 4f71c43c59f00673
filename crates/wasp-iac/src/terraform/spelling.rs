//! How Terraform (configuration and plans alike) spells the model's properties, for messages
//! (see [`wasp_model::SourceInfo`]): the AWS provider's argument paths, as its documentation
//! names them.

use wasp_model::Spelling;

pub(super) static SPELLING: &[Spelling] = wasp_model::spelling! {};
