//! Amazon Data Firehose delivery streams.

pub mod delivery_stream_not_encrypted;
