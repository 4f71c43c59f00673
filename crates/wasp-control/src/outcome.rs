//! What a control says about one subject.

use wasp_core::Pos;

/// What a control says about one subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The subject satisfies the control.
    Pass,
    /// The subject violates the control, with what is wrong and where (a position inside the
    /// subject; `None` for the subject itself, for example when a setting is missing).
    Fail { message: String, pos: Option<Pos> },
    /// The control does not apply to this subject (the reason says why). Not evidence: the
    /// engine records no result for it.
    Skip { reason: String },
    /// Cannot be decided (a value known only at deploy time, say).
    Unknown { reason: String, pos: Option<Pos> },
}
