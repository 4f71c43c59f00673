//! Renderers: each writes to an injected `std::io::Write`, knows nothing of AWS or file formats.

pub mod html;
pub mod jsonl;
pub mod junit;
pub mod markdown;
mod pretty;
pub mod render;
pub mod review;
pub mod sarif;
pub mod scan;
pub mod spool;
pub mod stream;
pub mod style;

pub use render::{Renderer, Report};
