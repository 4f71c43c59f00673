//! The control API: what every kind of control shares, whatever it reads.
//!
//! A control is its [`Meta`] (id, name, title, severity, area, best practices, references,
//! remediation, documentation) and a way of answering, per subject, an [`Outcome`]: pass, fail,
//! skip (not applicable) or unknown. Controls come in sets ([`ControlSet`]): the built-in library
//! (`wasp-controls`), custom controls written in Rego (`wasp-rego`), and later detections and
//! classifiers. The engine selects controls ([`select`]), runs the sets on each unit of input and
//! turns their [`Verdict`]s into results and findings; it never needs to know which set a control
//! came from.
//!
//! This crate knows nothing of file formats, AWS resources or renderers: it depends on
//! `wasp-core` only.

pub mod alias;
mod meta;
mod outcome;
pub mod select;

pub use meta::{checkov, cis, fsbp, Area, Meta, Reference, Texts, TextsIter, AREAS};
pub use outcome::Outcome;

/// One control's answer on one subject of a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// Index into the set's [`ControlSet::metas`].
    pub control: usize,
    /// Index of the subject in the unit (a resource of a model, an event of a batch...).
    pub subject: usize,
    pub outcome: Outcome,
}

/// A set of controls that evaluate units of type `U` (for resource controls, a model: one
/// template or Terraform module tree).
pub trait ControlSet<U: ?Sized>: Send + Sync + std::fmt::Debug {
    /// The controls' metadata, in a fixed order: [`Verdict::control`] indexes it.
    fn metas(&self) -> Vec<&Meta>;

    /// Runs the controls that `enabled` marks (indexed as [`ControlSet::metas`]) on every
    /// subject of `unit` they apply to, appending one verdict per outcome, subject by subject.
    /// Never fails: what cannot be decided is [`Outcome::Unknown`].
    fn evaluate(&self, unit: &U, enabled: &[bool], out: &mut Vec<Verdict>);
}
