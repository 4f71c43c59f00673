//! Shared vocabulary of wasp.
//!
//! Every stage of the pipeline (load, evaluate, assess, render) speaks in these types:
//! [`Severity`], [`Location`], [`Finding`], [`CheckResult`] and [`InputError`].

mod finding;
pub mod io;
mod location;
mod severity;

pub use finding::{
    fingerprint, CheckResult, Finding, InputError, ResourceRef, Status, Suppressed, Text,
};
pub use io::{read_limited, ReadError};
pub use location::{CloudLocation, EventLocation, FileLocation, FileRef, Location, Pos};
pub use severity::{ParseSeverityError, Severity};
