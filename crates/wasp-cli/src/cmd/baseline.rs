//! `wasp baseline`: record the current findings so that later scans (`--baseline`) report only
//! new ones.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use wasp_engine::baseline::Baseline;

use super::common::{print_warnings, InputArgs};
use crate::exit;

/// Baselines: accepted findings that later scans do not report (`--baseline FILE`).
#[derive(Debug, Args)]
pub struct BaselineArgs {
    #[command(subcommand)]
    pub command: BaselineCommand,
}

#[derive(Debug, Subcommand)]
pub enum BaselineCommand {
    /// Scan and write every finding into a baseline file (schema `wasp-baseline/1`).
    Create(CreateArgs),
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The baseline file to write (`-` for standard output).
    #[arg(short, long, value_name = "FILE", help_heading = "Output")]
    pub output: PathBuf,

    #[command(flatten)]
    pub input: InputArgs,
}

pub fn run(args: BaselineArgs) -> Result<ExitCode> {
    match args.command {
        BaselineCommand::Create(a) => create(a),
    }
}

fn create(args: CreateArgs) -> Result<ExitCode> {
    let opts = args.input.scan_options()?;
    let report = args.input.scan(&opts);
    print_warnings(&report.warnings);
    // With `--baseline`, findings already in the old baseline are kept in the new one.
    let baseline = Baseline::from_findings(report.findings.iter().chain(&report.baselined));
    let text = baseline.to_json();
    if args.output == Path::new("-") {
        let mut out = std::io::stdout().lock();
        wasp_core::io::quiet_broken_pipe(
            out.write_all(text.as_bytes()).and_then(|()| out.flush()),
        )?;
    } else {
        std::fs::write(&args.output, text)
            .with_context(|| format!("cannot write baseline {}", args.output.display()))?;
        let n = report.findings.len() + report.baselined.len();
        eprintln!(
            "wrote a baseline of {n} finding{} ({} entr{}) to {}",
            if n == 1 { "" } else { "s" },
            baseline.len(),
            if baseline.len() == 1 { "y" } else { "ies" },
            args.output.display()
        );
    }
    let mut err = std::io::stderr().lock();
    for e in &report.errors {
        writeln!(err, "error: {e}")?;
    }
    Ok(ExitCode::from(exit::code(false, !report.errors.is_empty())))
}
