//! Amazon MQ brokers.

pub mod broker_not_encrypted_with_cmk;
pub mod broker_publicly_accessible;

use wasp_model::{Broker, Kind, Resource};

pub(crate) fn broker(res: &Resource) -> Option<&Broker> {
    match &res.kind {
        Kind::Broker(b) => Some(b),
        _ => None,
    }
}
