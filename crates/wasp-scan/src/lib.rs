//! The scan engine: discover → load → evaluate.
//!
//! Files are loaded and evaluated in parallel (rayon); results are sorted so output is
//! deterministic. A file that cannot be read or parsed becomes an [`InputError`] and the scan
//! goes on.

pub mod baseline;
pub mod config;
pub mod custom;
pub mod discover;
pub mod progress;
pub mod suppress;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use wasp_control::select::{Selection, SeverityOverrides};
use wasp_control::{ControlSet, Outcome, Verdict};
use wasp_core::{fingerprint, CheckResult, Finding, InputError, Pos, Status, Suppressed};
use wasp_iac::cfn::{self, CfnOptions};
use wasp_iac::limits::MAX_FILE_BYTES;
use wasp_model::Model;

/// How to scan.
#[derive(Debug, Clone, Default)]
pub struct ScanOptions {
    /// CloudFormation parameter values (`--param`, parameters files).
    pub cfn_params: Vec<(String, String)>,
    /// Terraform variables (`--var`) and variable files (`--var-file`).
    pub tf_vars: Vec<(String, String)>,
    pub tf_var_files: Vec<PathBuf>,
    /// The configuration file in force (`.wasp.toml`), if any: its `exclude` applies to the
    /// walk; its other settings arrive resolved in the fields below.
    pub config: Option<Arc<config::Config>>,
    /// Which controls run (`--select`, `--ignore`, `[controls]`); the default runs all.
    pub selection: Selection,
    /// Per-control severity overrides (`[severity]`), by control id.
    pub severity: SeverityOverrides,
    /// `[[ignore]]` entries of the configuration, resolved to control ids.
    pub ignores: Vec<config::IgnoreRule>,
    /// Findings already accepted (`--baseline`): moved to [`ScanReport::baselined`].
    pub baseline: Option<Arc<baseline::Baseline>>,
    /// Advanced once per file or Terraform module done, for a progress display.
    pub progress: Option<Arc<progress::Counter>>,
    /// Controls beyond the built-in library (custom policies: `--policy`, `policies`), run
    /// on each unit after the built-ins.
    pub custom: Option<Arc<dyn ControlSet<Model>>>,
}

/// Everything a scan produces.
#[derive(Debug, Default)]
pub struct ScanReport {
    /// Failing results with their control's metadata, sorted by file, line, control.
    pub findings: Vec<Finding>,
    /// Every control × resource result (pass, fail, unknown): the review's evidence.
    pub results: Vec<CheckResult>,
    pub errors: Vec<InputError>,
    /// Failing results silenced by a suppression, with its reason. Never dropped silently.
    pub suppressed: Vec<Suppressed>,
    /// Failing results whose fingerprint the baseline (`--baseline`) already holds: not
    /// findings, but counted and listed by reports.
    pub baselined: Vec<Finding>,
    /// Files that held a template, module file or plan.
    pub files_scanned: usize,
    pub resources: usize,
    /// Things worth a look that are not errors: an expired `[[ignore]]`, one that matches
    /// nothing.
    pub warnings: Vec<InputError>,
}

/// What evaluating one model gives.
#[derive(Debug, Default)]
pub struct Evaluated {
    pub results: Vec<CheckResult>,
    pub findings: Vec<Finding>,
    pub suppressed: Vec<Suppressed>,
}

impl ScanReport {
    pub fn unknowns(&self) -> impl Iterator<Item = &CheckResult> {
        self.results.iter().filter(|r| r.status == Status::Unknown)
    }
}

/// Scans paths: files and directories.
pub fn scan(paths: &[PathBuf], opts: &ScanOptions) -> ScanReport {
    rayon::spawn(wasp_controls::warm_up);
    let found = discover::discover_excluding(paths, opts.config.as_ref().map(|c| &c.exclude));
    let sets = opts.prepare();
    let tick = |n: usize| {
        if let Some(p) = &opts.progress {
            p.advance(n);
        }
    };
    if let Some(p) = &opts.progress {
        p.add_total(found.files.len() + found.terraform_dirs.len());
    }
    let mut report = ScanReport {
        errors: found.errors,
        ..ScanReport::default()
    };
    let cfn_opts = CfnOptions {
        params: opts.cfn_params.clone(),
    };
    // One unit of work per file (CloudFormation, plan JSON) or Terraform root module. Each
    // unit is evaluated as soon as it is loaded and its model dropped, so memory holds results,
    // not every model at once.
    let done: Vec<Done> = found
        .files
        .par_iter()
        .filter_map(|p| {
            let d = load_file(p, &cfn_opts).map(|l| Done::new(l, &sets));
            tick(1);
            d
        })
        .collect();
    // A plan's planned values are exact: the configuration in the plan's own directory is not
    // evaluated again.
    let plan_dirs: std::collections::HashSet<&Path> = done
        .iter()
        .filter_map(|d| d.plan.as_deref().and_then(Path::parent))
        .collect();
    let found_tf = found.terraform_dirs.len();
    let tf_dirs: Vec<PathBuf> = found
        .terraform_dirs
        .into_iter()
        .filter(|d| !plan_dirs.contains(d.as_path()))
        .collect();
    tick(found_tf - tf_dirs.len());
    // Each directory is loaded and evaluated on its own, in parallel; a directory that another
    // one uses as a local module is dropped afterwards (its resources are the caller's).
    let (tf, keys): (Vec<Done>, Vec<_>) = terraform::load(&tf_dirs, opts)
        .into_par_iter()
        .map(|(l, k)| {
            let d = Done::new(l, &sets);
            tick(1);
            (d, k)
        })
        .unzip();
    let tf = terraform::keep_roots(tf, &keys);
    // Exact capacities: growing by doubling would hold up to twice the results at the peak.
    let units = || done.iter().chain(&tf);
    report
        .results
        .reserve_exact(units().map(|d| d.evaluated.results.len()).sum());
    report
        .findings
        .reserve_exact(units().map(|d| d.evaluated.findings.len()).sum());
    report
        .suppressed
        .reserve_exact(units().map(|d| d.evaluated.suppressed.len()).sum());
    for d in done.into_iter().chain(tf) {
        report.files_scanned += d.files;
        report.resources += d.resources;
        report.errors.extend(d.errors);
        report.results.extend(d.evaluated.results);
        report.findings.extend(d.evaluated.findings);
        report.suppressed.extend(d.evaluated.suppressed);
    }
    config::settle(&mut report, paths, opts);
    // Each unit's lists are sorted already (in parallel): this merges runs.
    sort_findings(&mut report.findings);
    sort_results(&mut report.results);
    report
        .errors
        .sort_by(|a, b| (&a.location, &a.message).cmp(&(&b.location, &b.message)));
    sort_suppressed(&mut report.suppressed);
    report
}

/// Loads the paths as [`scan`] does and returns each unit's model, evaluating nothing (what
/// `wasp model` prints for authors of custom controls), with the input errors.
pub fn load_models(paths: &[PathBuf], opts: &ScanOptions) -> (Vec<Model>, Vec<InputError>) {
    let found = discover::discover_excluding(paths, opts.config.as_ref().map(|c| &c.exclude));
    let cfn_opts = CfnOptions {
        params: opts.cfn_params.clone(),
    };
    let files: Vec<Loaded> = found
        .files
        .par_iter()
        .filter_map(|p| load_file(p, &cfn_opts))
        .collect();
    let plan_dirs: std::collections::HashSet<&Path> = files
        .iter()
        .filter_map(|l| l.plan.as_deref().and_then(Path::parent))
        .collect();
    let tf_dirs: Vec<PathBuf> = found
        .terraform_dirs
        .iter()
        .filter(|d| !plan_dirs.contains(d.as_path()))
        .cloned()
        .collect();
    let (tf, keys): (Vec<Loaded>, Vec<_>) = terraform::load(&tf_dirs, opts).unzip();
    let tf = terraform::keep_roots(tf, &keys);
    let mut errors = found.errors;
    let mut models = Vec::new();
    for l in files.into_iter().chain(tf) {
        errors.extend(l.errors);
        models.push(l.model);
    }
    (models, errors)
}

/// One loaded unit.
pub struct Loaded {
    pub model: Model,
    pub errors: Vec<InputError>,
    pub files: usize,
    /// The file, when this unit is a Terraform plan.
    pub plan: Option<PathBuf>,
}

/// A unit after evaluation: its model is gone.
struct Done {
    files: usize,
    resources: usize,
    errors: Vec<InputError>,
    plan: Option<PathBuf>,
    evaluated: Evaluated,
}

impl Done {
    fn new(l: Loaded, sets: &[custom::Prepared<'_>]) -> Done {
        let mut evaluated = evaluate_sets(&l.model, sets);
        sort_findings(&mut evaluated.findings);
        sort_results(&mut evaluated.results);
        sort_suppressed(&mut evaluated.suppressed);
        // Held until every unit is done: without the spare capacity.
        evaluated.findings.shrink_to_fit();
        evaluated.results.shrink_to_fit();
        Done {
            files: l.files,
            resources: l.model.resources.len(),
            errors: l.errors,
            plan: l.plan,
            evaluated,
        }
    }
}

/// Stable sort that first checks whether there is anything to do: units come in path order
/// and each sorts its own lists, so the whole is often sorted already, and a stable sort of
/// large elements borrows a buffer of up to 8 MB.
fn sort_stable_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> std::cmp::Ordering) {
    if !v.is_sorted_by(|a, b| cmp(a, b).is_le()) {
        v.sort_by(cmp);
    }
}

fn sort_findings(f: &mut [Finding]) {
    sort_stable_by(f, |a, b| {
        (&a.location, &a.control_id, &a.resource.address).cmp(&(
            &b.location,
            &b.control_id,
            &b.resource.address,
        ))
    });
}

fn sort_results(r: &mut [CheckResult]) {
    sort_stable_by(r, |a, b| {
        (&a.location, &a.control_id, &a.resource.address).cmp(&(
            &b.location,
            &b.control_id,
            &b.resource.address,
        ))
    });
}

fn sort_suppressed(s: &mut [Suppressed]) {
    sort_stable_by(s, |a, b| {
        (&a.finding.location, &a.finding.control_id)
            .cmp(&(&b.finding.location, &b.finding.control_id))
    });
}

/// Reads a file, bounded by [`MAX_FILE_BYTES`].
pub fn read_bounded(path: &Path) -> Result<String, InputError> {
    use wasp_core::io::{read_text, size, ReadError};
    read_text(path, MAX_FILE_BYTES).map_err(|e| {
        let message = match e {
            ReadError::TooLarge { max } => {
                format!("file is larger than {}; not scanned", size(max))
            }
            other => other.to_string(),
        };
        InputError::new(path, Pos::NONE, message)
    })
}

/// Loads one non-Terraform file: a CloudFormation template, a Terraform plan, or nothing.
fn load_file(path: &Path, cfn_opts: &CfnOptions) -> Option<Loaded> {
    let expected = discover::is_data_file(path);
    let text = match read_bounded(path) {
        Ok(t) => t,
        Err(e) if expected => {
            return Some(Loaded {
                model: Model::default(),
                errors: vec![e],
                files: 0,
                plan: None,
            })
        }
        Err(_) => return None,
    };
    let looks_cfn = cfn::sniff(&text);
    let looks_plan = text.contains("\"planned_values\"") || text.contains("\"resource_changes\"");
    if !looks_cfn && !looks_plan {
        return None;
    }
    let doc = match cfn::parse(&text) {
        Ok(d) => d,
        Err(e) if expected => {
            return Some(Loaded {
                model: Model::default(),
                errors: vec![InputError::new(path, e.pos, e.message)],
                files: 1,
                plan: None,
            })
        }
        Err(_) => return None,
    };
    if looks_plan && terraform::is_plan(&doc) {
        let mut l = terraform::plan(path, &doc);
        l.model.marked_lines = Some(marked(path, &text));
        return Some(l);
    }
    if !cfn::is_template(&doc) {
        return None;
    }
    let mut l = cfn::load(path, &doc, cfn_opts);
    l.model.marked_lines = Some(marked(path, &text));
    Some(Loaded {
        model: l.model,
        errors: l.errors,
        files: 1,
        plan: None,
    })
}

/// The file's lines for comment suppressions when it holds the marker, so they are not read
/// again.
fn marked(path: &Path, text: &str) -> Vec<(PathBuf, Vec<String>)> {
    wasp_model::marked_lines(text)
        .map(|l| (path.to_path_buf(), l))
        .into_iter()
        .collect()
}

/// Runs every built-in control on every resource it applies to.
pub fn evaluate(model: &Model) -> Evaluated {
    evaluate_with(model, &ScanOptions::default())
}

/// Runs the control sets of `opts` (the built-ins, then custom controls), with its selection
/// and severity overrides, on every resource of a model.
pub fn evaluate_with(model: &Model, opts: &ScanOptions) -> Evaluated {
    evaluate_sets(model, &opts.prepare())
}

/// Runs each prepared set on a model and turns its verdicts into results and findings. A
/// failing result that an inline suppression names becomes a [`Suppressed`] entry instead of
/// a finding, and is left out of the results the review sees.
fn evaluate_sets(model: &Model, sets: &[custom::Prepared<'_>]) -> Evaluated {
    let mut out = Evaluated::default();
    let mut sources = suppress::Sources::default();
    let mut verdicts = Vec::new();
    for p in sets {
        verdicts.clear();
        p.set.evaluate(model, &p.enabled, &mut verdicts);
        // The suppressions of the resource last looked at.
        let mut ignores: Option<(usize, Vec<wasp_model::Ignore>)> = None;
        for Verdict {
            control,
            subject,
            outcome,
        } in verdicts.drain(..)
        {
            let (Some(res), Some(m)) = (model.resources.get(subject), p.metas.get(control)) else {
                continue;
            };
            if !p.enabled.get(control).copied().unwrap_or(false) {
                continue;
            }
            let (status, message, pos) = match outcome {
                Outcome::Pass => (Status::Pass, String::new(), None),
                Outcome::Fail { message, pos } => (Status::Fail, message, pos),
                Outcome::Unknown { reason, pos } => (Status::Unknown, reason, pos),
                Outcome::Skip { .. } => continue,
            };
            let location = model.location(res, pos);
            if status == Status::Fail {
                let finding = Finding {
                    control_id: m.id.clone(),
                    control_name: m.name.clone(),
                    title: m.title.clone(),
                    severity: m.severity,
                    resource: res.reference(),
                    location: location.clone(),
                    message: message.clone(),
                    remediation: m.remediation.clone(),
                    best_practices: m.best_practices.to_vec(),
                    fingerprint: fingerprint(&m.id, &res.address),
                };
                if ignores.as_ref().is_none_or(|(r, _)| *r != subject) {
                    ignores = Some((subject, suppress::ignores(res, model, &mut sources)));
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
                control_id: m.id.clone(),
                status,
                resource: res.reference(),
                message,
                location,
            });
        }
    }
    out
}

mod terraform {
    //! The Terraform side of the scan.
    use std::path::{Path, PathBuf};

    use rayon::prelude::*;
    use wasp_iac::terraform::{self as tf, TfLoad, TfOptions};
    use wasp_model::Node;

    use super::{Loaded, ScanOptions};

    fn loaded(l: TfLoad) -> Loaded {
        Loaded {
            files: l.files.len(),
            model: l.model,
            errors: l.errors,
            plan: None,
        }
    }

    /// Loads each directory as a root module, lazily: the returned iterator loads on demand, so
    /// a parallel consumer loads and evaluates one directory per task.
    pub fn load<'a>(
        dirs: &'a [PathBuf],
        opts: &ScanOptions,
    ) -> impl rayon::iter::IndexedParallelIterator<Item = (Loaded, tf::RootKeys)> + 'a {
        let opts = TfOptions {
            vars: opts.tf_vars.clone(),
            var_files: opts.tf_var_files.clone(),
        };
        dirs.par_iter().map(move |d| {
            let r = tf::load_root_dir(d, &opts);
            (loaded(r.load), r.keys)
        })
    }

    /// Leaves out the units of directories that another root uses as a module.
    pub fn keep_roots<T>(units: Vec<T>, keys: &[tf::RootKeys]) -> Vec<T> {
        let drop = tf::redundant_roots(keys);
        units
            .into_iter()
            .zip(drop)
            .filter_map(|(u, d)| (!d).then_some(u))
            .collect()
    }

    pub fn is_plan(doc: &Node) -> bool {
        tf::is_plan(doc)
    }

    pub fn plan(path: &Path, doc: &Node) -> Loaded {
        let mut l = loaded(tf::load_plan(path, doc));
        l.files = 1;
        l.plan = Some(path.to_path_buf());
        l
    }
}
