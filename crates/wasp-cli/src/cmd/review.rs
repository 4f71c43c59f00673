//! `wasp review`: the Security Pillar review of a workload, from scan evidence and manual answers.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, Subcommand, ValueEnum};
use wasp_lens::answers::Answers;
use wasp_report::render::{self, Renderer, Report};
use wasp_report::scan::{render_text as render_scan_errors, ScanView};
use wasp_report::style::Style;

use super::common::{ColorChoice, InputArgs};
use super::lens::{load as load_lens, SourceArgs, TemplateArgs};
use super::output::{self, OutputArgs};
use crate::exit;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ReviewFormat {
    /// One line per question, then the improvement plan.
    #[default]
    Text,
    /// The whole review (schema `wasp-review/2`, docs/review-json.md).
    Json,
    /// Per question, the input of the Well-Architected Tool's UpdateAnswer call
    /// (docs/wa-tool.md).
    WaAnswers,
    /// Markdown for a pull-request comment: risk per question, then the improvement plan.
    Markdown,
    /// A self-contained HTML report: the review and the findings behind it.
    Html,
}

/// Review a workload against the Security Pillar: scan evidence plus manual answers, risk per
/// question, improvement plan.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ReviewArgs {
    #[command(subcommand)]
    pub command: Option<ReviewCommand>,

    #[command(flatten)]
    pub input: InputArgs,

    /// Manual answers (YAML) for best practices no configuration can evidence.
    #[arg(long, value_name = "FILE", help_heading = "Input")]
    pub answers: Option<PathBuf>,

    #[command(flatten)]
    pub source: SourceArgs,

    #[command(flatten)]
    pub output: OutputArgs<ReviewFormat>,

    /// Lens alias or ARN written into `wa-answers` output (defaults to the lens's own name).
    #[arg(long, value_name = "ALIAS", help_heading = "Output")]
    pub lens_alias: Option<String>,

    /// When to use colors.
    #[arg(long, value_enum, default_value_t, help_heading = "Output")]
    pub color: ColorChoice,
}

#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// Write a commented answers template listing every manual best practice.
    Init(TemplateArgs),
}

pub fn run(args: ReviewArgs) -> Result<ExitCode> {
    if let Some(ReviewCommand::Init(t)) = &args.command {
        return super::lens::template(t, &mut std::io::stdout().lock());
    }
    let targets = args.output.targets()?;
    let lens = load_lens(&args.source)?;
    let answers = match &args.answers {
        Some(p) => Some(Answers::load(p, &lens).map_err(|e| anyhow::anyhow!("{e}"))?),
        None => None,
    };
    let opts = args.input.scan_options()?;
    let report = args.input.scan(&opts);
    super::common::print_warnings(&report.warnings);
    let review = wasp_engine::review(&report, &opts, &lens, answers.as_ref());
    let color = args.color.enabled();
    let view = Report {
        scan: super::common::scan_view(&report, wasp_core::Severity::High, false),
        warnings: &report.warnings,
        rules: &[],
        review: Some(&review),
    };
    output::write_all(targets, |format, out, to_stdout| {
        let renderer: Box<dyn Renderer> = match format {
            ReviewFormat::Text => Box::new(render::ReviewText {
                color: color && to_stdout,
            }),
            ReviewFormat::Json => Box::new(render::ReviewJson),
            ReviewFormat::WaAnswers => Box::new(render::WaAnswers {
                lens_alias: args.lens_alias.clone(),
            }),
            ReviewFormat::Markdown => Box::new(render::ReviewMarkdown),
            ReviewFormat::Html => Box::new(render::Html),
        };
        renderer.render(&view, out)
    })?;
    if !report.errors.is_empty() {
        // Input errors go to stderr so that machine-readable output stays clean.
        let errors = ScanView {
            findings: &[],
            results: &[],
            errors: &report.errors,
            suppressed: &[],
            baselined: &[],
            files_scanned: report.files_scanned,
            resources: report.resources,
            fail_on: wasp_core::Severity::Critical,
            include_passed: false,
        };
        let mut err = std::io::stderr().lock();
        render_scan_errors(&errors, &mut err, Style { color: false }, false)?;
    }
    Ok(ExitCode::from(exit::code(false, !report.errors.is_empty())))
}
