//! Development tasks of the workspace, run as `cargo dev ...` (an alias in `.cargo/config.toml`):
//!
//! - [`generate`]: the documentation generated from the code (the rules reference, the lens
//!   coverage, the model's kinds and fields), written or checked;
//! - [`scaffold`]: a new control's file, module and registry lines, and fixtures.

pub mod generate;
pub mod scaffold;

use std::path::PathBuf;

/// The workspace's root directory.
pub fn workspace_root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}
