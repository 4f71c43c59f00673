//! `wasp scan`: check infrastructure as code against the control library.

use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, ValueEnum};
use std::io::IsTerminal;
use wasp_core::Severity;
use wasp_engine::{ScanReport, UnitReport};

use wasp_report::jsonl::JsonLines;
use wasp_report::render::{self, Renderer, Report};
use wasp_report::sarif::{SarifOptions, SarifSink};
use wasp_report::scan::{JsonSink, TextSink};
use wasp_report::stream::{Sink, UnitView};
use wasp_report::style::Style;

use super::common::{ColorChoice, InputArgs};
use super::output::{self, OutputArgs, Target};
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

impl ScanFormat {
    /// Whether the format is written as the scan goes, in flat memory.
    fn streams(self) -> bool {
        matches!(
            self,
            ScanFormat::Text | ScanFormat::Json | ScanFormat::Sarif | ScanFormat::Jsonl
        )
    }
}

pub fn run(args: ScanArgs) -> Result<ExitCode> {
    let targets = args.output.targets()?;
    let mut opts = args.input.scan_options()?;
    for t in targets {
        if let Some(p) = &t.path {
            if wasp_engine::reads(&args.input.paths, &opts, p) {
                anyhow::bail!(
                    "--output {} is one of the files this scan reads: write the report elsewhere",
                    p.display()
                );
            }
        }
    }
    let fail_on = super::common::fail_on(args.fail_on, &opts);
    // Findings printed on a terminal as they come would be drawn over by the progress line.
    if targets
        .iter()
        .any(|t| t.path.is_none() && t.format.streams())
        && std::io::stdout().is_terminal()
    {
        opts.progress = None;
    }
    let color = args.color.enabled();
    let src_root = std::env::current_dir().ok();
    // The built-in controls that ran, with the configuration's severity overrides.
    let wants = |f| targets.iter().any(|t| t.format == f);
    let rules = if wants(ScanFormat::Sarif) || wants(ScanFormat::Junit) {
        opts.builtin_metas()
    } else {
        Vec::new()
    };
    let sarif = SarifOptions {
        rules: &rules,
        src_root: src_root.as_deref(),
    };

    // The streamed formats, each with where it goes.
    let mut failed = Vec::new();
    let mut sinks: Vec<(Box<dyn Sink>, &Target<ScanFormat>)> = Vec::new();
    for t in targets.iter().filter(|t| t.format.streams()) {
        let out = match output::open(t.path.as_deref()) {
            Ok(out) => out,
            Err(e) => {
                failed.push(cannot_write(t, &e));
                continue;
            }
        };
        let sink: Box<dyn Sink> = match t.format {
            ScanFormat::Text => Box::new(TextSink::new(
                out,
                Style {
                    color: color && t.path.is_none(),
                },
                args.verbose,
            )),
            ScanFormat::Json => Box::new(JsonSink::new(out, fail_on, args.verbose)),
            ScanFormat::Sarif => Box::new(SarifSink::new(out, &sarif)),
            _ => Box::new(JsonLines::new(out, args.verbose, fail_on)),
        };
        sinks.push((sink, t));
    }
    // The others need the whole report.
    let keep = targets.iter().any(|t| !t.format.streams());
    let mut kept = Vec::new();
    let mut failing = false;
    let mut errors = false;
    // Units are handed to the sinks a group at a time, so that each renders a group's items
    // on every core.
    let mut pending: Vec<UnitReport> = Vec::new();
    let mut pending_items = 0usize;
    let mut hand_over = |pending: &mut Vec<UnitReport>, kept: &mut Vec<UnitReport>| {
        let views: Vec<UnitView<'_>> = pending
            .iter()
            .map(|u| UnitView {
                files: u.files,
                resources: u.resources,
                findings: &u.evaluated.findings,
                results: &u.evaluated.results,
                suppressed: &u.evaluated.suppressed,
                baselined: &u.evaluated.baselined,
                errors: &u.errors,
            })
            .collect();
        sinks.retain_mut(|(sink, t)| match sink.units(&views) {
            Ok(()) => true,
            Err(e) => {
                failed.extend(broken(t, e));
                false
            }
        });
        drop(views);
        if keep {
            kept.append(pending);
        } else {
            pending.clear();
        }
    };
    let totals = args.input.scan_units(&opts, &mut |u| {
        failing |= u.evaluated.findings.iter().any(|f| f.severity >= fail_on);
        errors |= !u.errors.is_empty();
        pending_items += u.evaluated.results.len() + u.errors.len();
        pending.push(u);
        if pending_items >= GROUP_ITEMS || pending.len() >= GROUP_UNITS {
            hand_over(&mut pending, &mut kept);
            pending_items = 0;
        }
    });
    hand_over(&mut pending, &mut kept);
    super::common::print_warnings(&totals.warnings);
    for (sink, t) in sinks {
        if let Err(e) = sink.finish(&totals.warnings) {
            failed.extend(broken(t, e));
        }
    }
    if keep {
        let report = ScanReport::from_units(kept, totals);
        // The HTML report holds the review of the built-in lens, as `wasp review` computes it.
        let review = wants(ScanFormat::Html)
            .then(|| wasp_engine::review(&report, &opts, &wasp_lens::Lens::builtin(), None));
        let view = Report {
            scan: super::common::scan_view(&report, fail_on, args.verbose),
            warnings: &report.warnings,
            rules: &rules,
            review: review.as_ref(),
        };
        let others: Vec<_> = targets
            .iter()
            .filter(|t| !t.format.streams())
            .cloned()
            .collect();
        if let Err(e) = output::write_all(&others, |format, out, _| {
            let renderer: Box<dyn Renderer> = match format {
                ScanFormat::Junit => Box::new(render::Junit),
                ScanFormat::Markdown => Box::new(render::ScanMarkdown),
                _ => Box::new(render::Html),
            };
            renderer.render(&view, out)
        }) {
            failed.push(e.to_string());
        }
        // The process ends next: freeing a report of a million strings one by one would only
        // delay the exit.
        std::mem::forget(report);
    }
    if !failed.is_empty() {
        anyhow::bail!("{}", failed.join("\n"));
    }
    Ok(ExitCode::from(exit::code(failing, errors)))
}

/// Results (and input errors) of the units handed to the sinks together, at most about.
const GROUP_ITEMS: usize = 4096;
/// Units handed to the sinks together, at most.
const GROUP_UNITS: usize = 512;

fn cannot_write(t: &Target<ScanFormat>, e: &dyn std::fmt::Display) -> String {
    match &t.path {
        None => format!("cannot write to stdout: {e}"),
        Some(p) => format!("cannot write {}: {e}", p.display()),
    }
}

/// The failure of a streamed target, unless it is stdout closed early (`wasp scan | head`).
fn broken(t: &Target<ScanFormat>, e: std::io::Error) -> Option<String> {
    match wasp_core::io::quiet_broken_pipe(Err(e)) {
        Ok(()) => None,
        Err(e) => Some(cannot_write(t, &e)),
    }
}
