//! Renderers: each writes to an injected `std::io::Write`, knows nothing of AWS or file formats.

pub mod html;
pub mod review;
pub mod scan;
pub mod style;
