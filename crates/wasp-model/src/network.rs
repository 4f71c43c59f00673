//! Network and compute: VPC layers, traffic control, containers, build (SEC05, SEC06).

#[allow(unused_imports)]
use crate::value::Value;
#[allow(unused_imports)]
use wasp_core::Pos;
