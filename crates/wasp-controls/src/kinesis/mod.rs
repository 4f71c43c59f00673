//! Amazon Kinesis Data Streams.

pub mod stream_not_encrypted;
