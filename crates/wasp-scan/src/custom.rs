//! Custom controls beside the built-ins: controls that do not come from the registry (with the
//! `rego` feature, policies written in Rego: `--policy`, the configuration's `policies`).
//!
//! They run on each unit's model right after the built-ins, and their results become
//! [`CheckResult`]s, [`Finding`]s and [`Suppressed`] entries exactly as the built-ins' do:
//! the same fingerprint (control id and resource address), the same inline suppressions, the
//! same selection (`--select`, `--ignore`) and severity overrides.

use std::fmt;
#[cfg(feature = "rego")]
use std::path::PathBuf;
#[cfg(feature = "rego")]
use std::sync::Arc;

use wasp_controls::Outcome;
use wasp_core::{fingerprint, CheckResult, ControlSummary, Finding, Severity, Status, Suppressed};
use wasp_model::{Ignore, Model};

use crate::select::ControlMeta;
use crate::{suppress, Evaluated, ScanOptions};

/// A custom control's metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomMeta {
    pub summary: ControlSummary,
    /// The Security Pillar area, or empty when the control names none.
    pub area: String,
}

impl ControlMeta for CustomMeta {
    fn id(&self) -> &str {
        &self.summary.id
    }
    fn name(&self) -> &str {
        &self.summary.name
    }
    fn area(&self) -> &str {
        &self.area
    }
    fn best_practices(&self) -> Vec<&str> {
        self.summary
            .best_practices
            .iter()
            .map(String::as_str)
            .collect()
    }
    fn severity(&self) -> Severity {
        self.summary.severity
    }
}

/// The result of custom control `control` (an index into [`CustomControls::controls`]) on
/// resource `resource` (an index into the model's resources).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomOutcome {
    pub resource: usize,
    pub control: usize,
    pub outcome: Outcome,
}

/// A set of controls beyond the built-in registry.
pub trait CustomControls: Send + Sync + fmt::Debug {
    /// The controls, in a fixed order.
    fn controls(&self) -> Vec<CustomMeta>;
    /// Runs the controls `enabled` marks (indexed as [`CustomControls::controls`]) on every
    /// applicable resource of a model. Never fails: what cannot be decided is unknown.
    fn evaluate(&self, model: &Model, enabled: &[bool]) -> Vec<CustomOutcome>;
}

/// Custom controls prepared for one scan: which run, with which severity.
pub(crate) struct Prepared<'a> {
    set: &'a dyn CustomControls,
    metas: Vec<CustomMeta>,
    enabled: Vec<bool>,
}

/// The custom controls of a scan's options, with selection and severity overrides applied.
pub(crate) fn prepare(opts: &ScanOptions) -> Option<Prepared<'_>> {
    let set = opts.custom.as_deref()?;
    let mut metas = set.controls();
    let enabled: Vec<bool> = metas.iter().map(|m| opts.runs(m)).collect();
    if !enabled.contains(&true) {
        return None;
    }
    for m in &mut metas {
        m.summary.severity = opts.severity_of(&m.summary.id, m.summary.severity);
    }
    Some(Prepared {
        set,
        metas,
        enabled,
    })
}

/// Runs the prepared custom controls on a model and adds their results to `out`.
pub(crate) fn evaluate(model: &Model, custom: &Prepared<'_>, out: &mut Evaluated) {
    let mut sources = suppress::Sources::default();
    let mut ignores: Option<(usize, Vec<Ignore>)> = None;
    for o in custom.set.evaluate(model, &custom.enabled) {
        let (Some(res), Some(meta)) =
            (model.resources.get(o.resource), custom.metas.get(o.control))
        else {
            continue;
        };
        if !custom.enabled.get(o.control).copied().unwrap_or(false) {
            continue;
        }
        let m = &meta.summary;
        let (status, message, pos) = match o.outcome {
            Outcome::Pass => (Status::Pass, String::new(), None),
            Outcome::Fail { message, pos } => (Status::Fail, message, pos),
            Outcome::Unknown { reason, pos } => (Status::Unknown, reason, pos),
        };
        let location = model.location(res, pos);
        if status == Status::Fail {
            let finding = Finding {
                control_id: m.id.clone().into(),
                control_name: m.name.clone().into(),
                title: m.title.clone().into(),
                severity: m.severity,
                resource: res.reference(),
                location: location.clone(),
                message: message.clone(),
                remediation: m.remediation.clone().into(),
                best_practices: m.best_practices.clone(),
                fingerprint: fingerprint(&m.id, &res.address),
            };
            if ignores.as_ref().is_none_or(|(r, _)| *r != o.resource) {
                ignores = Some((o.resource, suppress::ignores(res, model, &mut sources)));
            }
            let found = ignores
                .as_ref()
                .and_then(|(_, list)| suppress::find(list, &m.id, &m.name));
            if let Some(i) = found {
                out.suppressed.push(Suppressed {
                    finding,
                    reason: i.reason.clone(),
                    at: model.location(res, Some(i.pos)),
                });
                continue;
            }
            out.findings.push(finding);
        }
        out.results.push(CheckResult {
            control_id: m.id.clone().into(),
            status,
            resource: res.reference(),
            message,
            location,
        });
    }
}

#[cfg(feature = "rego")]
impl CustomControls for wasp_rego::PolicySet {
    fn controls(&self) -> Vec<CustomMeta> {
        wasp_rego::PolicySet::controls(self)
            .iter()
            .map(|c| CustomMeta {
                summary: c.summary(),
                area: c.area.clone().unwrap_or_default(),
            })
            .collect()
    }

    fn evaluate(&self, model: &Model, enabled: &[bool]) -> Vec<CustomOutcome> {
        self.evaluate_selected(model, enabled)
            .into_iter()
            .map(|e| CustomOutcome {
                resource: e.resource,
                control: e.control,
                outcome: e.outcome,
            })
            .collect()
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
    let set = wasp_rego::PolicySet::load(paths)?;
    Ok((!set.is_empty()).then(|| Arc::new(set)))
}

impl ScanOptions {
    /// What reports and the review know of the custom controls that run, with overridden
    /// severities (the built-ins' are [`ScanOptions::summaries`]).
    pub fn custom_summaries(&self) -> Vec<ControlSummary> {
        prepare(self)
            .map(|p| {
                p.metas
                    .into_iter()
                    .zip(p.enabled)
                    .filter_map(|(m, on)| on.then_some(m.summary))
                    .collect()
            })
            .unwrap_or_default()
    }
}
