//! Renderers: each writes to an injected `std::io::Write`, knows nothing of AWS or file formats.

pub mod review;
pub mod scan;
pub mod style;
