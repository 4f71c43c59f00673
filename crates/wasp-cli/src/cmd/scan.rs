//! `wasp scan`: check infrastructure as code against the control library.

use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use wasp_core::Severity;
use wasp_engine::ScanReport;
use wasp_report::jsonl::{JsonLines, UnitLines};
use wasp_report::render::{self, Renderer, Report};
use wasp_report::style::Style;

use super::common::{ColorChoice, InputArgs};
use super::output::{self, OutputArgs};
use crate::exit;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ScanFormat {
    /// Findings with file:line and fix, then a summary line.
    #[default]
    Text,
    /// The whole scan (schema `wasp-scan/2`, docs/scan-json.md).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF consumers.
    Sarif,
    /// JUnit XML, for CI test reports: one suite per control, one case per resource.
    Junit,
    /// Markdown for a pull-request comment.
    Markdown,
    /// A self-contained HTML report: the review of the built-in lens and the findings.
    Html,
    /// JSON Lines, one object per finding, result, error and a summary last, written as the
    /// scan goes (`wasp-scan-lines/1`, docs/scan-json.md): memory stays flat however many
    /// files are scanned.
    Jsonl,
}

/// Scan CloudFormation and Terraform (files, directories, plan JSON) for security findings.
#[derive(Debug, Args)]
pub struct ScanArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Exit with 1 when a finding is at or above this severity [default: the configuration's
    /// `fail-on`, else high].
    #[arg(long, value_name = "SEVERITY", help_heading = "Selection")]
    pub fail_on: Option<Severity>,

    #[command(flatten)]
    pub output: OutputArgs<ScanFormat>,

    /// List the checks that could not be decided statically (unknown values); with
    /// `--format json`, also list the passing checks (`passed`).
    #[arg(long, short = 'v', help_heading = "Output")]
    pub verbose: bool,

    /// When to use colors.
    #[arg(long, value_enum, default_value_t, help_heading = "Output")]
    pub color: ColorChoice,
}

pub fn run(args: ScanArgs) -> Result<ExitCode> {
    let targets = args.output.targets()?;
    let opts = args.input.scan_options()?;
    let fail_on = super::common::fail_on(args.fail_on, &opts);
    let (report, streamed) = match targets.iter().find(|t| t.format == ScanFormat::Jsonl) {
        Some(t) => {
            let others = targets.iter().any(|t| t.format != ScanFormat::Jsonl);
            let (report, failing) = stream(&args, &opts, t.path.as_deref(), fail_on, others)?;
            (report, Some(failing))
        }
        None => (args.input.scan(&opts), None),
    };
    let targets: Vec<_> = targets
        .iter()
        .filter(|t| t.format != ScanFormat::Jsonl)
        .cloned()
        .collect();
    let targets = &targets[..];
    super::common::print_warnings(&report);
    let wants = |f| targets.iter().any(|t| t.format == f);
    // The built-in controls that ran, with the configuration's severity overrides.
    let rules = if wants(ScanFormat::Sarif) || wants(ScanFormat::Junit) {
        opts.builtin_metas()
    } else {
        Vec::new()
    };
    // The HTML report holds the review of the built-in lens, as `wasp review` computes it.
    let review = wants(ScanFormat::Html)
        .then(|| wasp_engine::review(&report, &opts, &wasp_lens::Lens::builtin(), None));
    let view = Report {
        scan: super::common::scan_view(&report, fail_on, args.verbose),
        warnings: &report.warnings,
        rules: &rules,
        review: review.as_ref(),
    };
    let color = args.color.enabled();
    let src_root = std::env::current_dir().ok();
    output::write_all(targets, |format, out, to_stdout| {
        let renderer: Box<dyn Renderer> = match format {
            ScanFormat::Text => Box::new(render::Text {
                style: Style {
                    color: color && to_stdout,
                },
                verbose: args.verbose,
            }),
            ScanFormat::Json => Box::new(render::Json),
            ScanFormat::Sarif => Box::new(render::Sarif {
                src_root: src_root.clone(),
            }),
            ScanFormat::Junit => Box::new(render::Junit),
            ScanFormat::Markdown => Box::new(render::ScanMarkdown),
            ScanFormat::Html => Box::new(render::Html),
            ScanFormat::Jsonl => unreachable!("JSON Lines are written as the scan goes"),
        };
        renderer.render(&view, out)
    })?;
    let code = exit::code(
        streamed.unwrap_or(false) || report.findings.iter().any(|f| f.severity >= fail_on),
        !report.errors.is_empty(),
    );
    // The process ends next: freeing a report of a million strings one by one would only
    // delay the exit.
    std::mem::forget(report);
    Ok(ExitCode::from(code))
}

/// Scans and writes JSON Lines unit by unit to `path` (stdout when `None`). The report it
/// returns holds every unit when `keep` (other formats are asked for too); otherwise only the
/// counts, errors and warnings, so memory stays flat. Also returns whether a finding reached
/// `fail_on`.
fn stream(
    args: &ScanArgs,
    opts: &wasp_engine::ScanOptions,
    path: Option<&std::path::Path>,
    fail_on: Severity,
    keep: bool,
) -> Result<(ScanReport, bool)> {
    use std::io::Write;
    let out: Box<dyn Write> = match path {
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot write {}", p.display()))?,
        )),
    };
    let mut lines = JsonLines::new(out, args.verbose, fail_on);
    let mut kept = Vec::new();
    let mut report = ScanReport::default();
    let mut written = Ok(());
    let totals = args.input.scan_units(opts, &mut |u| {
        if written.is_ok() {
            written = lines.unit(&UnitLines {
                files: u.files,
                resources: u.resources,
                findings: &u.evaluated.findings,
                results: &u.evaluated.results,
                suppressed: &u.evaluated.suppressed,
                baselined: &u.evaluated.baselined,
                errors: &u.errors,
            });
        }
        if keep {
            kept.push(u);
        } else {
            report.files_scanned += u.files;
            report.resources += u.resources;
            report.errors.extend(u.errors);
        }
    });
    let failing = lines.failing();
    let warnings = totals.warnings.clone();
    let written = written.and_then(|()| lines.finish(&warnings).map(drop));
    wasp_core::io::quiet_broken_pipe(written).with_context(|| match path {
        None => "cannot write to stdout".to_string(),
        Some(p) => format!("cannot write {}", p.display()),
    })?;
    if keep {
        report = ScanReport::from_units(kept, totals);
    } else {
        report.warnings = totals.warnings;
    }
    Ok((report, failing))
}
