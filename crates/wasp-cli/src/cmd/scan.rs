//! `wasp scan`: check infrastructure as code against the control library.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, ValueEnum};
use wasp_core::Severity;
use wasp_report::scan::{render_json, render_text, ScanView};
use wasp_report::style::Style;

use super::common::{ColorChoice, InputArgs};
use crate::exit;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ScanFormat {
    #[default]
    Text,
    Json,
}

/// Scan CloudFormation and Terraform (files, directories, plan JSON) for security findings.
#[derive(Debug, Args)]
pub struct ScanArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Exit with 1 when a finding is at or above this severity.
    #[arg(
        long,
        value_name = "SEVERITY",
        default_value = "high",
        help_heading = "Selection"
    )]
    pub fail_on: Severity,

    /// Output format.
    #[arg(
        long,
        short = 'f',
        value_enum,
        default_value_t,
        help_heading = "Output"
    )]
    pub format: ScanFormat,

    /// List the checks that could not be decided statically (unknown values); with
    /// `--format json`, also list the passing checks (`passed`).
    #[arg(long, short = 'v', help_heading = "Output")]
    pub verbose: bool,

    /// When to use colors.
    #[arg(long, value_enum, default_value_t, help_heading = "Output")]
    pub color: ColorChoice,
}

pub fn run(args: ScanArgs) -> Result<ExitCode> {
    let opts = args.input.scan_options()?;
    let report = wasp_scan::scan(&args.input.paths, &opts);
    let view = ScanView {
        findings: &report.findings,
        results: &report.results,
        errors: &report.errors,
        suppressed: &report.suppressed,
        baselined: &report.baselined,
        files_scanned: report.files_scanned,
        resources: report.resources,
        fail_on: args.fail_on,
        include_passed: args.verbose,
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        ScanFormat::Text => render_text(
            &view,
            &mut out,
            Style {
                color: args.color.enabled(),
            },
            args.verbose,
        ),
        ScanFormat::Json => render_json(&view, &mut out),
    };
    if let Err(e) = written.and_then(|()| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(e.into());
        }
    }
    Ok(ExitCode::from(exit::code(
        report.findings.iter().any(|f| f.severity >= args.fail_on),
        !report.errors.is_empty(),
    )))
}
