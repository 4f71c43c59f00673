//! Options and helpers shared by subcommands that scan.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{anyhow, bail, Context, Result};
use clap::{Args, ValueEnum};
use wasp_control::select::{Selection, Selector};
use wasp_control::Meta;
use wasp_core::Severity;
use wasp_engine::baseline::Baseline;
use wasp_engine::config::{self, Config};
use wasp_engine::progress::{self, Counter};
use wasp_engine::{ScanOptions, ScanReport};
use wasp_report::scan::ScanView;

/// When to color terminal output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    /// Color when writing to a terminal and `NO_COLOR` is not set.
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to color stdout.
    pub fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        }
    }
}

/// Inputs of a scan.
#[derive(Debug, Args)]
#[command(next_help_heading = "Input")]
pub struct InputArgs {
    /// Files and directories to scan (directories are walked, honouring .gitignore).
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// CloudFormation parameter value, overriding its default (repeatable).
    #[arg(long = "param", value_name = "KEY=VALUE", value_parser = parse_kv)]
    pub params: Vec<(String, String)>,

    /// CloudFormation parameters file: `[{"ParameterKey":..,"ParameterValue":..}]`,
    /// `{"Parameters": {..}}` or a plain `{"Key": "Value"}` object.
    #[arg(long = "params-file", value_name = "FILE")]
    pub params_files: Vec<PathBuf>,

    /// Terraform variable value (repeatable), as `terraform -var`.
    #[arg(long = "var", value_name = "NAME=VALUE", value_parser = parse_kv)]
    pub vars: Vec<(String, String)>,

    /// Terraform variables file, as `terraform -var-file`.
    #[arg(long = "var-file", value_name = "FILE")]
    pub var_files: Vec<PathBuf>,

    #[command(flatten)]
    pub policy: super::policy::PolicyArgs,

    #[command(flatten)]
    pub settings: SettingsArgs,
}

/// The configuration file, control selection and baseline of a scan.
#[derive(Debug, Args)]
pub struct SettingsArgs {
    /// Configuration file to use (default: the nearest `.wasp.toml` at or above the first
    /// path; docs/configuration.md).
    #[arg(long, value_name = "FILE", help_heading = "Configuration")]
    pub config: Option<PathBuf>,

    /// Use no configuration file.
    #[arg(long, conflicts_with = "config", help_heading = "Configuration")]
    pub no_config: bool,

    /// Run only the controls these select (repeatable, comma-separated): id (WASP-S3-001),
    /// id prefix (WASP-S3), name, area (identity), question (SEC08), best practice
    /// (SEC08-BP02), severity (high, severity>=high) or ALL. Replaces the configuration's
    /// `select`.
    #[arg(
        long,
        value_name = "SELECTOR",
        value_delimiter = ',',
        help_heading = "Selection"
    )]
    pub select: Vec<String>,

    /// Skip the controls these select (repeatable, comma-separated; same selectors as
    /// `--select`, which it wins over). Adds to the configuration's `ignore`.
    #[arg(
        long,
        value_name = "SELECTOR",
        value_delimiter = ',',
        help_heading = "Selection"
    )]
    pub ignore: Vec<String>,

    /// Baseline file (`wasp baseline create`): findings it holds are not reported, only
    /// counted.
    #[arg(long, value_name = "FILE", help_heading = "Selection")]
    pub baseline: Option<PathBuf>,
}

impl SettingsArgs {
    /// The configuration file in force: `--config`, else the nearest `.wasp.toml` at or above
    /// `first_path`, unless `--no-config`.
    pub fn load_config(&self, first_path: &Path) -> Result<Option<Config>> {
        let path = match (&self.config, self.no_config) {
            (_, true) => return Ok(None),
            (Some(p), false) => p.clone(),
            (None, false) => match config::find(first_path) {
                Some(p) => relative_to_cwd(p),
                None => return Ok(None),
            },
        };
        Ok(Some(Config::load(&path).map_err(|e| anyhow!("{e}"))?))
    }
}

/// `p` relative to the current directory when below it, for messages.
fn relative_to_cwd(p: PathBuf) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| p.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or(p)
}

fn selectors(list: &[String], flag: &str, known: &[&Meta]) -> Result<Vec<Selector>> {
    list.iter()
        .map(|s| {
            Selector::parse(wasp_engine::aliases().resolve(s), known)
                .map_err(|e| anyhow!("{flag}: {e}"))
        })
        .collect()
}

/// The `--fail-on` threshold: the flag, else the configuration's `fail-on`, else high.
pub fn fail_on(flag: Option<Severity>, opts: &ScanOptions) -> Severity {
    flag.or_else(|| opts.config.as_ref().and_then(|c| c.fail_on))
        .unwrap_or(Severity::High)
}

/// What the renderers see of a scan: its lists, and the run's threshold.
pub fn scan_view(report: &ScanReport, fail_on: Severity, include_passed: bool) -> ScanView<'_> {
    ScanView {
        findings: &report.findings,
        results: &report.results,
        errors: &report.errors,
        suppressed: &report.suppressed,
        baselined: &report.baselined,
        files_scanned: report.files_scanned,
        resources: report.resources,
        fail_on,
        include_passed,
    }
}

/// Prints a scan's warnings (an expired `[[ignore]]`, say) on stderr, where they never mix
/// with machine-readable output.
pub fn print_warnings(warnings: &[wasp_core::InputError]) {
    use std::io::Write;
    let mut err = std::io::stderr().lock();
    for w in warnings {
        let _ = writeln!(err, "warning: {}", wasp_report::style::Term(w));
    }
}

fn parse_kv(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
        _ => Err(format!("expected KEY=VALUE, got `{s}`")),
    }
}

impl InputArgs {
    /// Everything a scan needs from the command line and the configuration file.
    pub fn scan_options(&self) -> Result<ScanOptions> {
        let mut cfn_params = Vec::new();
        for f in &self.params_files {
            cfn_params.extend(read_params_file(f)?);
        }
        cfn_params.extend(self.params.iter().cloned());
        let s = &self.settings;
        let first = self.paths.first().map_or(Path::new("."), PathBuf::as_path);
        let config = s.load_config(first)?;
        // The controls that selectors, `[severity]` and `[[ignore]]` may name.
        let mut known: Vec<&Meta> = wasp_engine::builtin_controls();
        // Custom controls (`--policy`, `policies`) can be named too.
        let custom = self.policy.load(config.as_ref())?;
        let custom_metas: Vec<Meta> = custom
            .as_ref()
            .map(|c| c.metas().into_iter().cloned().collect())
            .unwrap_or_default();
        known.extend(&custom_metas);
        let resolved = match &config {
            Some(c) => c
                .resolve(&known, wasp_engine::aliases())
                .map_err(|e| anyhow!("{e}"))?,
            None => config::Resolved::default(),
        };
        // As in ruff: `--select` replaces the configuration's list, `--ignore` adds to it.
        let select = if s.select.is_empty() {
            resolved.selection.select
        } else {
            selectors(&s.select, "--select", &known)?
        };
        let mut ignore = resolved.selection.ignore;
        ignore.extend(selectors(&s.ignore, "--ignore", &known)?);
        let baseline = match &s.baseline {
            Some(p) => Some(Arc::new(Baseline::load(p).map_err(|e| anyhow!("{e}"))?)),
            None => None,
        };
        let show_progress = progress::wanted(
            std::io::stderr().is_terminal(),
            std::env::var_os("CI").as_deref(),
        );
        let opts = ScanOptions {
            sources: wasp_iac::sources(
                wasp_iac::cfn::CfnOptions { params: cfn_params },
                wasp_iac::terraform::TfOptions {
                    vars: self.vars.clone(),
                    var_files: self.var_files.clone(),
                },
            ),
            config: config.map(Arc::new),
            selection: Selection { select, ignore },
            severity: resolved.severity,
            ignores: resolved.ignores,
            baseline,
            progress: show_progress.then(Counter::new),
            custom,
            aliases: wasp_engine::aliases(),
        };
        if !known.iter().any(|c| opts.runs(c)) {
            bail!("the selection leaves no control to run (see `wasp rules`)");
        }
        Ok(opts)
    }

    /// Scans the paths, showing progress on stderr when `opts` asks for it.
    pub fn scan(&self, opts: &ScanOptions) -> ScanReport {
        self.with_progress(opts, || wasp_engine::scan(&self.paths, opts))
    }

    /// Scans the paths and hands each unit to `each` as it is done, showing progress.
    pub fn scan_units(
        &self,
        opts: &ScanOptions,
        each: &mut dyn FnMut(wasp_engine::UnitReport),
    ) -> wasp_engine::Totals {
        self.with_progress(opts, || wasp_engine::scan_units(&self.paths, opts, each))
    }

    fn with_progress<T>(&self, opts: &ScanOptions, run: impl FnOnce() -> T) -> T {
        let display = opts.progress.as_ref().map(|c| {
            progress::Display::start(Arc::clone(c), Box::new(std::io::stderr()), progress::DELAY)
        });
        let out = run();
        if let Some(d) = display {
            d.finish();
        }
        out
    }
}

/// Reads a CloudFormation parameters file in any of the three common shapes.
fn read_params_file(path: &Path) -> Result<Vec<(String, String)>> {
    let text = wasp_core::io::read_text(path, wasp_core::io::MAX_INPUT_BYTES)
        .with_context(|| format!("cannot read parameters file {}", path.display()))?;
    let json: serde_json::Value = serde_json::from_str(&text)
        .with_context(|| format!("parameters file {} is not valid JSON", path.display()))?;
    let scalar = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        serde_json::Value::Array(a) => Some(
            a.iter()
                .map(|x| {
                    x.as_str()
                        .map(str::to_string)
                        .unwrap_or_else(|| x.to_string())
                })
                .collect::<Vec<_>>()
                .join(","),
        ),
        _ => None,
    };
    let mut out = Vec::new();
    match &json {
        serde_json::Value::Array(items) => {
            for (i, it) in items.iter().enumerate() {
                let k = it.get("ParameterKey").and_then(|k| k.as_str());
                let v = it.get("ParameterValue").and_then(scalar);
                match (k, v) {
                    (Some(k), Some(v)) => out.push((k.to_string(), v)),
                    _ => bail!(
                        "{}: entry [{i}] needs ParameterKey and ParameterValue",
                        path.display()
                    ),
                }
            }
        }
        serde_json::Value::Object(map) => {
            let map = match map.get("Parameters") {
                Some(serde_json::Value::Object(p)) => p,
                _ => map,
            };
            for (k, v) in map {
                match scalar(v) {
                    Some(v) => out.push((k.clone(), v)),
                    None => bail!("{}: parameter `{k}` is not a scalar", path.display()),
                }
            }
        }
        _ => bail!("{}: expected a JSON array or object", path.display()),
    }
    Ok(out)
}
