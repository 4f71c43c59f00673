//! Amazon Kinesis Data Streams.

use serde::Serialize;
use wasp_core::Pos;

use crate::value::Value;

/// Kinesis data stream.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Stream {
    /// `KMS` or `NONE`.
    pub encryption_type: Value<String>,
    pub kms_key: Value<String>,
    /// Where the encryption settings are written, if anywhere.
    #[serde(skip)]
    pub encryption_pos: Option<Pos>,
}
