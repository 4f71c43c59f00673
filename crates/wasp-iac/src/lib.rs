//! Loaders: source files into the normalized model.

pub mod base64;
pub mod cfn;
pub mod error;
pub mod json;
pub mod limits;
pub mod terraform;
pub mod yaml;

pub use error::ParseError;
