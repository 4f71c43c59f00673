//! Reports written as a scan goes: a [`Sink`] gets the scan one unit at a time (a template, a
//! Terraform module, a plan) and writes what it can at once, keeping the rest aside on disk
//! ([`crate::spool`]) rather than in memory, so a scan of any size renders in flat memory.
//!
//! Text, JSON, SARIF and JSON Lines are sinks. The whole-report renderers of those formats are
//! the same sinks given the report as one unit, so both ways give the same bytes.

use std::io;

use wasp_core::{CheckResult, Finding, InputError};

/// One unit's share of a scan (or a whole scan, as one unit).
#[derive(Clone, Copy, Default)]
pub struct UnitView<'a> {
    /// Files the unit read.
    pub files: usize,
    pub resources: usize,
    pub findings: &'a [Finding],
    /// Every result: pass, fail and unknown.
    pub results: &'a [CheckResult],
    pub suppressed: &'a [wasp_core::Suppressed],
    pub baselined: &'a [Finding],
    pub errors: &'a [InputError],
}

/// A report written unit by unit.
pub trait Sink {
    /// Writes, or keeps aside, one unit's share.
    fn unit(&mut self, u: &UnitView<'_>) -> io::Result<()>;
    /// Writes, or keeps aside, several units' shares, in order: the same as giving them one
    /// by one, but a sink may render their items together (on every core).
    fn units(&mut self, us: &[UnitView<'_>]) -> io::Result<()> {
        us.iter().try_for_each(|u| self.unit(u))
    }
    /// Writes the rest with the run's warnings, and flushes.
    fn finish(self: Box<Self>, warnings: &[InputError]) -> io::Result<()>;
}
