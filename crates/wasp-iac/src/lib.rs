//! Infrastructure as code into the normalized model: CloudFormation (YAML, JSON, SAM),
//! Terraform configuration (HCL, `.tf.json`) and Terraform plans, each a
//! [`wasp_source::Source`] ([`sources`]).

pub mod base64;
pub mod cfn;
pub mod error;
pub mod json;
mod keys;
pub mod limits;
mod sources;
pub mod terraform;
pub mod yaml;

pub use error::ParseError;
pub use sources::{sources, CloudFormation, Terraform, TerraformPlan};
