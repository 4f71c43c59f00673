//! Limits that keep hostile input in bounded time and memory.

/// Largest file read (bytes). Larger files are reported as input errors, not read.
pub const MAX_FILE_BYTES: u64 = wasp_core::io::MAX_INPUT_BYTES;
/// Deepest nesting of maps and sequences accepted in YAML and JSON.
pub const MAX_DEPTH: usize = 256;
/// Most nodes a document may expand to through YAML aliases (and in total).
pub const MAX_NODES: usize = 2_000_000;
