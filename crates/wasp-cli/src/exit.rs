//! Exit codes, shared by every subcommand.

/// Ran; nothing at or above the failure threshold.
pub const OK: u8 = 0;
/// Ran; findings at or above the failure threshold.
pub const FINDINGS: u8 = 1;
/// Usage error, or an input that could not be read or understood.
pub const USAGE_OR_INPUT: u8 = 2;

/// The exit code of a run: findings at or above the threshold win over input errors, which win
/// over success.
pub fn code(findings_over_threshold: bool, input_errors: bool) -> u8 {
    if findings_over_threshold {
        FINDINGS
    } else if input_errors {
        USAGE_OR_INPUT
    } else {
        OK
    }
}
