//! Data at rest and in transit: stores, queues, streams, CDN, certificates (SEC07, SEC08, SEC09).

#[allow(unused_imports)]
use crate::value::Value;
#[allow(unused_imports)]
use wasp_core::Pos;
