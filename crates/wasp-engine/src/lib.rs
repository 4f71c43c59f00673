//! The engine: one entry point from sources to a report, and from a report to a review.
//!
//! ```text
//! walk ──▶ sources ──▶ control sets ──▶ suppression ──▶ report ──▶ review
//! (paths)  (claim, load   (built-ins,      (inline, [[ignore]],   (findings,   (lens, answers)
//!           units)         custom)          baseline)              results...)
//! ```
//!
//! [`scan`] walks the paths once, lets every [`Source`] claim and load its units (in
//! parallel), runs every [`ControlSet`](wasp_control::ControlSet) on each unit as soon as it
//! is loaded, settles each failing result in the suppression stage ([`suppress`]) and drops
//! the unit's model; the report holds results, not models. [`review`] assesses a report
//! against a lens. A unit that cannot be read or parsed becomes an [`InputError`] and the scan
//! goes on. Units come in a fixed order and each sorts its own results, so output is
//! deterministic.
//!
//! The engine knows no file format and no control: sources and control sets are given in
//! [`ScanOptions`] (the built-in ones by default).

pub mod baseline;
pub mod config;
pub mod progress;
mod sets;
pub mod suppress;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use wasp_control::alias::Aliases;
use wasp_control::select::{Selection, SeverityOverrides};
use wasp_control::{ControlSet, Meta, Outcome, Verdict};
use wasp_core::{fingerprint, CheckResult, Finding, InputError, Pos, Status, Suppressed};
use wasp_model::Model;
use wasp_source::{walk, Claim};
pub use wasp_source::{Source, Unit};

#[cfg(feature = "rego")]
pub use sets::load_policies;
use suppress::{Fate, Stage};

/// Controls that run beside the built-in library on every model (custom policies).
pub type CustomControls = Arc<dyn ControlSet<Model>>;

/// The built-in controls' metadata, in registry order.
pub fn builtin_controls() -> Vec<&'static Meta> {
    wasp_controls::metas()
}

/// Former ids and names of renamed built-in controls.
pub fn aliases() -> Aliases {
    wasp_controls::ALIASES
}

/// How to scan.
#[derive(Debug, Clone)]
pub struct ScanOptions {
    /// The sources, in the order they are asked to load a file they both claim (each with its
    /// own options: CloudFormation parameters, Terraform variables). Default: the
    /// infrastructure-as-code sources with no parameters or variables.
    pub sources: Vec<Arc<dyn Source>>,
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
    /// Advanced once per unit done, for a progress display.
    pub progress: Option<Arc<progress::Counter>>,
    /// Controls beyond the built-in library (custom policies: `--policy`, `policies`), run
    /// on each unit after the built-ins.
    pub custom: Option<CustomControls>,
    /// Former ids and names of renamed controls, which suppressions, ignores, selectors and
    /// baselines may still use.
    pub aliases: Aliases,
}

impl Default for ScanOptions {
    fn default() -> Self {
        ScanOptions {
            sources: wasp_iac::sources(Default::default(), Default::default()),
            config: None,
            selection: Selection::default(),
            severity: SeverityOverrides::default(),
            ignores: Vec::new(),
            baseline: None,
            progress: None,
            custom: None,
            aliases: wasp_controls::ALIASES,
        }
    }
}

/// Everything a scan produces.
#[derive(Debug, Default)]
pub struct ScanReport {
    /// Failing results with their control's metadata, in unit order (see [`ScanReport::from_units`]).
    pub findings: Vec<Finding>,
    /// Every control × resource result (pass, fail, unknown): the review's evidence.
    pub results: Vec<CheckResult>,
    pub errors: Vec<InputError>,
    /// Failing results silenced by a suppression, with its reason. Never dropped silently.
    pub suppressed: Vec<Suppressed>,
    /// Failing results whose fingerprint the baseline (`--baseline`) already holds: not
    /// findings, but counted and listed by reports.
    pub baselined: Vec<Finding>,
    /// Files that held a unit's content (a template, a module file, a plan).
    pub files_scanned: usize,
    pub resources: usize,
    /// Things worth a look that are not errors: an expired `[[ignore]]`, one that matches
    /// nothing.
    pub warnings: Vec<InputError>,
}

impl ScanReport {
    pub fn unknowns(&self) -> impl Iterator<Item = &CheckResult> {
        self.results.iter().filter(|r| r.status == Status::Unknown)
    }
}

/// What evaluating one model gives, suppressions settled.
#[derive(Debug, Default)]
pub struct Evaluated {
    pub results: Vec<CheckResult>,
    pub findings: Vec<Finding>,
    pub suppressed: Vec<Suppressed>,
    pub baselined: Vec<Finding>,
}

/// Scans paths: files and directories.
pub fn scan(paths: &[PathBuf], opts: &ScanOptions) -> ScanReport {
    let mut units = Vec::new();
    let totals = scan_units(paths, opts, &mut |u| units.push(u));
    ScanReport::from_units(units, totals)
}

impl ScanReport {
    /// The report of a scan's units, as [`scan_units`] handed them over, in their order (the
    /// order streamed outputs have too): file units in path order, then directory units in
    /// path order; within a unit, by location, control and resource.
    pub fn from_units(units: Vec<UnitReport>, totals: Totals) -> ScanReport {
        let mut report = ScanReport {
            warnings: totals.warnings,
            ..ScanReport::default()
        };
        // Exact capacities: growing by doubling would hold up to twice the results at the peak.
        report
            .results
            .reserve_exact(units.iter().map(|u| u.evaluated.results.len()).sum());
        report
            .findings
            .reserve_exact(units.iter().map(|u| u.evaluated.findings.len()).sum());
        for u in units {
            report.files_scanned += u.files;
            report.resources += u.resources;
            report.errors.extend(u.errors);
            report.results.extend(u.evaluated.results);
            report.findings.extend(u.evaluated.findings);
            report.suppressed.extend(u.evaluated.suppressed);
            report.baselined.extend(u.evaluated.baselined);
        }
        report
    }
}

/// One unit of a scan, evaluated and settled: what [`scan_units`] hands over as units finish.
#[derive(Debug, Default)]
pub struct UnitReport {
    /// Files the unit read.
    pub files: usize,
    pub resources: usize,
    /// Input errors (the first unit handed over also holds the walk's own).
    pub errors: Vec<InputError>,
    /// Its results, findings, suppressions and baselined findings, each sorted by location.
    pub evaluated: Evaluated,
}

/// What a scan knows once every unit is done.
#[derive(Debug, Default)]
pub struct Totals {
    pub units: usize,
    /// Warnings of the configuration's `[[ignore]]` entries (expired, matching nothing).
    pub warnings: Vec<InputError>,
}

/// Scans paths and hands each unit to `each` as soon as it (and every unit before it) is
/// done: file units in path order, then each source's directory units in path order. Only a
/// bounded batch of units is held at a time, so a consumer that writes each unit out (JSON
/// Lines) scans any number of files in constant memory; directory units are held until all of
/// their source are loaded, since only then is it known which another one covers.
pub fn scan_units(
    paths: &[PathBuf],
    opts: &ScanOptions,
    each: &mut dyn FnMut(UnitReport),
) -> Totals {
    rayon::spawn(wasp_controls::warm_up);
    let sets = opts.prepare();
    let stage = Stage::new(
        &opts.ignores,
        opts.baseline.as_deref(),
        config::Date::today(),
        opts.aliases,
    );
    let mut units = 0usize;
    let errors = load(
        paths,
        opts,
        |unit| Done::new(unit, &sets, &stage),
        &mut |d: Done| {
            units += 1;
            each(UnitReport {
                files: d.files,
                resources: d.resources,
                errors: d.errors,
                evaluated: d.evaluated,
            })
        },
    );
    if !errors.is_empty() {
        let mut errors = errors;
        sort_errors(&mut errors);
        each(UnitReport {
            errors,
            ..UnitReport::default()
        });
    }
    let covers_config = opts.config.as_ref().is_some_and(|c| {
        paths
            .iter()
            .any(|p| c.dir.starts_with(wasp_source::absolute(p)))
    });
    Totals {
        units,
        warnings: stage.warnings(covers_config, |r| {
            r.controls.is_empty()
                || r.controls
                    .iter()
                    .any(|c| opts.find_meta(&c.value).is_none_or(|m| opts.runs(m)))
        }),
    }
}

/// Whether scanning `paths` would read `file`: it is one of them, or lies inside one of them
/// and a source claims its name. An output written there would overwrite an input.
pub fn reads(paths: &[PathBuf], opts: &ScanOptions, file: &Path) -> bool {
    let canon = |p: &Path| std::fs::canonicalize(p).ok();
    let Some(file) = canon(file) else {
        return false;
    };
    paths.iter().filter_map(|p| canon(p)).any(|p| {
        p == file
            || (file.starts_with(&p) && opts.sources.iter().any(|s| s.claim(&file) != Claim::No))
    })
}

/// Loads the paths as [`scan`] does and returns each unit's model, evaluating nothing (what
/// `wasp model` prints for authors of custom controls), with the input errors.
pub fn load_models(paths: &[PathBuf], opts: &ScanOptions) -> (Vec<Model>, Vec<InputError>) {
    let mut models = Vec::new();
    let mut errors = Vec::new();
    let walk_errors = load(paths, opts, |u| u, &mut |u: Unit| {
        errors.extend(u.errors);
        models.push(u.model);
    });
    errors.extend(walk_errors);
    (models, errors)
}

/// The files a walk found, by what the sources make of them.
struct Claimed {
    /// Each file read on its own, with the sources that claim it (index, expected).
    files: Vec<(PathBuf, Vec<(usize, bool)>)>,
    /// For each source, the directories of its directory units, in path order.
    dirs: Vec<Vec<PathBuf>>,
}

fn claim(files: Vec<PathBuf>, sources: &[Arc<dyn Source>]) -> Claimed {
    let mut out = Claimed {
        files: Vec::new(),
        dirs: vec![Vec::new(); sources.len()],
    };
    for path in files {
        let mut claims = Vec::new();
        for (i, s) in sources.iter().enumerate() {
            match s.claim(&path) {
                Claim::No => {}
                Claim::File { expected } => claims.push((i, expected)),
                Claim::Directory => {
                    if let Some(dir) = path.parent() {
                        // Files of one directory mostly come one after the other.
                        if out.dirs[i].last().is_none_or(|d| d != dir) {
                            out.dirs[i].push(dir.to_path_buf());
                        }
                    }
                }
            }
        }
        if !claims.is_empty() {
            out.files.push((path, claims));
        }
    }
    for dirs in &mut out.dirs {
        dirs.sort_unstable_by(|a, b| wasp_source::path_order(a, b));
        dirs.dedup();
    }
    out
}

/// How many file units are loaded (in parallel) before they are handed over in order.
const BATCH: usize = 1024;

/// Walks the paths, loads every unit the sources claim (in parallel, a batch at a time), turns
/// each into a `T` with `each` as soon as it is loaded, and hands the `T`s to `deliver` in
/// order: file units in path order, then each source's directory units in path order. A
/// directory unit that a file unit supersedes is not loaded; one that another unit covers is
/// dropped once all of its source's are loaded. Returns the walk's errors.
///
/// `deliver` runs on the calling thread while the next batch loads, so writing a report does
/// not hold up the loading; at most two batches wait for it.
fn load<T: Send>(
    paths: &[PathBuf],
    opts: &ScanOptions,
    each: impl Fn(Unit) -> T + Sync,
    deliver: &mut dyn FnMut(T),
) -> Vec<InputError> {
    let exclude = opts.config.as_ref().map(|c| &c.exclude);
    let walked = walk(paths, exclude);
    let claimed = claim(walked.files, &opts.sources);
    if let Some(p) = &opts.progress {
        p.add_total(claimed.files.len() + claimed.dirs.iter().map(Vec::len).sum::<usize>());
    }
    let (send, receive) = std::sync::mpsc::sync_channel::<Vec<T>>(1);
    std::thread::scope(|scope| {
        let producer = scope.spawn(|| produce(&claimed, opts, &each, send));
        for batch in receive {
            batch.into_iter().for_each(&mut *deliver);
        }
        if let Err(panic) = producer.join() {
            std::panic::resume_unwind(panic);
        }
    });
    walked.errors
}

/// The loading half of [`load`]: sends each batch of `T`s, in order, until all are loaded or
/// the receiving half has gone.
fn produce<T: Send>(
    claimed: &Claimed,
    opts: &ScanOptions,
    each: &(impl Fn(Unit) -> T + Sync),
    send: std::sync::mpsc::SyncSender<Vec<T>>,
) {
    let tick = |n: usize| {
        if let Some(p) = &opts.progress {
            p.advance(n);
        }
    };
    let mut superseded: HashSet<PathBuf> = HashSet::new();
    for batch in claimed.files.chunks(BATCH) {
        let done: Vec<(T, Option<PathBuf>)> = batch
            .par_iter()
            .filter_map(|(path, claims)| {
                let unit = load_file(path, claims, &opts.sources);
                tick(1);
                unit.map(|mut u| {
                    let supersedes = u.supersedes.take();
                    (each(u), supersedes)
                })
            })
            .collect();
        let mut out = Vec::with_capacity(done.len());
        for (t, s) in done {
            superseded.extend(s);
            out.push(t);
        }
        if send.send(out).is_err() {
            return;
        }
    }
    for (source, dirs) in opts.sources.iter().zip(&claimed.dirs) {
        let dirs: Vec<&PathBuf> = dirs.iter().filter(|d| !superseded.contains(*d)).collect();
        let loaded: Vec<(T, Unit)> = dirs
            .par_iter()
            .map(|d| {
                let mut unit = source.load_directory(d);
                tick(1);
                // What `redundant` needs outlives the unit's model.
                let keys = Unit {
                    root: unit.root.take(),
                    reaches: std::mem::take(&mut unit.reaches),
                    ..Unit::default()
                };
                (each(unit), keys)
            })
            .collect();
        let drop =
            wasp_source::redundant(loaded.iter().map(|(_, k)| (k.root.as_deref(), &k.reaches)));
        let out: Vec<T> = loaded
            .into_iter()
            .zip(drop)
            .filter(|(_, d)| !d)
            .map(|((t, _), _)| t)
            .collect();
        if send.send(out).is_err() {
            return;
        }
    }
    let superseded_dirs: usize = claimed
        .dirs
        .iter()
        .map(|d| d.iter().filter(|d| superseded.contains(*d)).count())
        .sum();
    tick(superseded_dirs);
}

/// Reads a claimed file once and offers it to the sources that claim it, in order: the first
/// that recognizes its content loads it. A file that cannot be read is an input error when a
/// source expects it.
fn load_file(path: &Path, claims: &[(usize, bool)], sources: &[Arc<dyn Source>]) -> Option<Unit> {
    let expected = claims.iter().any(|(_, e)| *e);
    let text = match read_bounded(path) {
        Ok(t) => t,
        Err(e) => return expected.then(|| Unit::error(e, 0)),
    };
    let mut unit = claims
        .iter()
        .find_map(|&(i, expected)| sources[i].load_file(path, &text, expected))?;
    // The lines of a file holding the comment-suppression marker, so it is not read again.
    unit.model.marked_lines = Some(
        wasp_model::marked_lines(&text)
            .map(|l| (path.to_path_buf(), l))
            .into_iter()
            .collect(),
    );
    Some(unit)
}

/// A unit after evaluation: its model is gone.
struct Done {
    files: usize,
    resources: usize,
    errors: Vec<InputError>,
    evaluated: Evaluated,
}

impl Done {
    fn new(mut u: Unit, sets: &[sets::Prepared<'_>], stage: &Stage<'_>) -> Done {
        sort_errors(&mut u.errors);
        let mut evaluated = evaluate_sets(&u.model, sets, stage);
        sort_findings(&mut evaluated.findings);
        sort_findings(&mut evaluated.baselined);
        sort_results(&mut evaluated.results);
        sort_suppressed(&mut evaluated.suppressed);
        // Held until every unit is done: without the spare capacity.
        evaluated.findings.shrink_to_fit();
        evaluated.results.shrink_to_fit();
        Done {
            files: u.files,
            resources: u.model.resources.len(),
            errors: u.errors,
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

fn sort_errors(e: &mut [InputError]) {
    sort_stable_by(e, |a, b| {
        (&a.location, &a.message).cmp(&(&b.location, &b.message))
    });
}

fn sort_suppressed(s: &mut [Suppressed]) {
    sort_stable_by(s, |a, b| {
        (&a.finding.location, &a.finding.control_id)
            .cmp(&(&b.finding.location, &b.finding.control_id))
    });
}

/// Reads a file, bounded by [`wasp_core::io::MAX_INPUT_BYTES`].
pub fn read_bounded(path: &Path) -> Result<String, InputError> {
    use wasp_core::io::{read_text, size, ReadError, MAX_INPUT_BYTES};
    read_text(path, MAX_INPUT_BYTES).map_err(|e| {
        let message = match e {
            ReadError::TooLarge { max } => {
                format!("file is larger than {}; not scanned", size(max))
            }
            other => other.to_string(),
        };
        InputError::new(path, Pos::NONE, message)
    })
}

/// Runs every built-in control on every resource it applies to; inline suppressions apply.
pub fn evaluate(model: &Model) -> Evaluated {
    evaluate_with(model, &ScanOptions::default())
}

/// Runs the control sets of `opts` (the built-ins, then custom controls), with its selection,
/// severity overrides and suppressions, on every resource of a model.
pub fn evaluate_with(model: &Model, opts: &ScanOptions) -> Evaluated {
    let stage = Stage::new(
        &opts.ignores,
        opts.baseline.as_deref(),
        config::Date::today(),
        opts.aliases,
    );
    evaluate_sets(model, &opts.prepare(), &stage)
}

/// Runs each prepared set on a model, turns its verdicts into results and findings, and
/// settles each finding in the suppression stage.
fn evaluate_sets(model: &Model, sets: &[sets::Prepared<'_>], stage: &Stage<'_>) -> Evaluated {
    let mut out = Evaluated::default();
    let mut lines = suppress::CommentLines::default();
    let mut verdicts = Vec::new();
    for p in sets {
        verdicts.clear();
        p.set.evaluate(model, &p.enabled, &mut verdicts);
        // The inline suppressions of the resource last looked at.
        let mut inline: Option<(usize, Vec<wasp_model::Ignore>)> = None;
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
            let result = CheckResult {
                control_id: m.id.clone(),
                status,
                resource: res.reference(),
                message,
                location,
            };
            if status == Status::Fail {
                if inline.as_ref().is_none_or(|(r, _)| *r != subject) {
                    inline = Some((subject, suppress::ignores(res, model, &mut lines)));
                }
                let ignores = inline.as_ref().map_or(&[][..], |(_, l)| l);
                let locate = |pos: Pos| model.location(res, Some(pos));
                match stage.settle(finding(m, &result), ignores, &locate) {
                    Fate::Reported(f) => out.findings.push(f),
                    Fate::Baselined(f) => out.baselined.push(f),
                    Fate::Suppressed(s) => {
                        out.suppressed.push(s);
                        continue;
                    }
                }
            }
            out.results.push(result);
        }
    }
    out
}

/// The finding of a failing result.
fn finding(m: &Meta, r: &CheckResult) -> Finding {
    Finding {
        control_id: m.id.clone(),
        control_name: m.name.clone(),
        title: m.title.clone(),
        severity: m.severity,
        resource: r.resource.clone(),
        location: r.location.clone(),
        message: r.message.clone(),
        remediation: m.remediation.clone(),
        best_practices: m.best_practices.to_vec(),
        fingerprint: fingerprint(&m.id, &r.resource.address),
    }
}

/// The review of a scan against a lens: the status of every best practice from the results
/// of the controls that ran (`opts`) and the manual answers, and the risk of every question.
pub fn review(
    report: &ScanReport,
    opts: &ScanOptions,
    lens: &wasp_lens::Lens,
    answers: Option<&wasp_lens::answers::Answers>,
) -> wasp_lens::Review {
    wasp_lens::assess(lens, &opts.metas(), &report.results, answers)
}

/// How the built-in controls cover a lens (`wasp lens coverage`).
pub fn coverage(lens: &wasp_lens::Lens) -> wasp_lens::Coverage<'_> {
    wasp_lens::coverage(lens, &wasp_controls::metas())
}
