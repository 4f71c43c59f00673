//! The control sets a scan runs: the built-in library and, beside it, custom controls (with the
//! `rego` feature, policies written in Rego: `--policy`, the configuration's `policies`).
//!
//! Every set is a [`ControlSet`] over models; the engine selects their controls the same way
//! (`--select`, `--ignore`), gives them the same severity overrides, and turns their verdicts
//! into results, findings and suppressions the same way: the same fingerprint (control id and
//! resource address), the same inline suppressions.

#[cfg(feature = "rego")]
use std::path::PathBuf;
#[cfg(feature = "rego")]
use std::sync::Arc;

use wasp_control::{ControlSet, Meta};
use wasp_model::Model;

use crate::ScanOptions;

/// One control set prepared for a scan: which of its controls run, and their metadata as
/// reports see it (severity overrides applied), indexed as the set's own.
pub(crate) struct Prepared<'a> {
    pub set: &'a dyn ControlSet<Model>,
    pub metas: Vec<Meta>,
    pub enabled: Vec<bool>,
}

impl ScanOptions {
    /// The control sets of the scan, built-ins first.
    pub fn sets(&self) -> Vec<&dyn ControlSet<Model>> {
        let mut sets: Vec<&dyn ControlSet<Model>> = vec![&wasp_controls::BUILTIN];
        if let Some(c) = &self.custom {
            sets.push(c.as_ref());
        }
        sets
    }

    /// The severity a control's findings get: its override, or its own.
    pub fn severity_of(&self, id: &str, own: wasp_core::Severity) -> wasp_core::Severity {
        self.severity.get(id).copied().unwrap_or(own)
    }

    /// Whether a control runs (selection, with severity overrides applied first).
    pub fn runs(&self, m: &Meta) -> bool {
        self.selection
            .selects_with(m, self.severity_of(&m.id, m.severity))
    }

    /// Each set with the controls that run; sets where none runs are left out.
    pub(crate) fn prepare(&self) -> Vec<Prepared<'_>> {
        self.sets()
            .into_iter()
            .filter_map(|set| {
                let all = set.metas();
                let enabled: Vec<bool> = all.iter().map(|m| self.runs(m)).collect();
                enabled.contains(&true).then(|| Prepared {
                    set,
                    metas: all
                        .into_iter()
                        .map(|m| m.with_severity(self.severity_of(&m.id, m.severity)))
                        .collect(),
                    enabled,
                })
            })
            .collect()
    }

    /// The metadata of every control that runs, built-ins first, with overridden severities:
    /// what the review and reports know of them.
    pub fn metas(&self) -> Vec<Meta> {
        self.prepare()
            .into_iter()
            .flat_map(|p| {
                p.metas
                    .into_iter()
                    .zip(p.enabled)
                    .filter_map(|(m, on)| on.then_some(m))
            })
            .collect()
    }

    /// [`ScanOptions::metas`] of the built-in controls only.
    pub fn builtin_metas(&self) -> Vec<Meta> {
        wasp_controls::REGISTRY
            .iter()
            .filter(|c| self.runs(c.meta))
            .map(|c| {
                c.meta
                    .with_severity(self.severity_of(&c.meta.id, c.meta.severity))
            })
            .collect()
    }

    /// Every control of every set (whether it runs or not) by id or name.
    pub fn find_meta(&self, id_or_name: &str) -> Option<&Meta> {
        self.sets()
            .into_iter()
            .flat_map(|s| s.metas())
            .find(|m| m.is_named(id_or_name))
    }
}

/// Loads the custom controls written in Rego in these files and directories (`--policy`, the
/// configuration's `policies`): `None` when there are none. Errors name file:line.
#[cfg(feature = "rego")]
pub fn load_policies(
    paths: &[PathBuf],
) -> Result<Option<Arc<wasp_rego::PolicySet>>, wasp_rego::LoadError> {
    if paths.is_empty() {
        return Ok(None);
    }
    let set = wasp_rego::PolicySet::load(paths, &wasp_controls::metas())?;
    Ok((!set.is_empty()).then(|| Arc::new(set)))
}
