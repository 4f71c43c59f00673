//! The `wasp` binary: argument parsing and wiring only.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cmd;
mod exit;

/// wasp — the AWS Well-Architected Security Pillar, measured from evidence.
#[derive(Debug, Parser)]
#[command(name = "wasp", version, about, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    // [commands]
    /// Record the current findings so that later scans report only new ones
    Baseline(cmd::baseline::BaselineArgs),
    /// List the controls
    Rules(cmd::rules::RulesArgs),
    /// Print one control's documentation
    Explain(cmd::rules::ExplainArgs),
    /// Review a workload against the Security Pillar, with evidence and manual answers
    Review(cmd::review::ReviewArgs),
    /// IAM policy evaluation and analysis
    Iam(cmd::iam::IamArgs),
    /// Scan CloudFormation and Terraform for security findings
    Scan(cmd::scan::ScanArgs),
    /// The Security Pillar lens: show, export, import, coverage
    Lens(cmd::lens::LensArgs),
    /// Print the normalized model as JSON (what custom controls are written against)
    Model(cmd::model::ModelArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        // [dispatch]
        Command::Baseline(args) => cmd::baseline::run(args),
        Command::Rules(args) => cmd::rules::rules(args),
        Command::Explain(args) => cmd::rules::explain(args),
        Command::Review(args) => cmd::review::run(args),
        Command::Iam(args) => cmd::iam::run(args),
        Command::Scan(args) => cmd::scan::run(args),
        Command::Lens(args) => cmd::lens::run(args),
        Command::Model(args) => cmd::model::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {}", wasp_report::style::Term(format!("{err:#}")));
            ExitCode::from(exit::USAGE_OR_INPUT)
        }
    }
}
