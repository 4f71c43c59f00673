//! Detection: logging and monitoring services (SEC04).

#[allow(unused_imports)]
use crate::value::Value;
#[allow(unused_imports)]
use wasp_core::Pos;
