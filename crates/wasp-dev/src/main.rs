//! `cargo dev`: development tasks of the workspace (see the crate's documentation).

use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::{Parser, Subcommand};
use wasp_dev::{generate, scaffold, workspace_root};

#[derive(Debug, Parser)]
#[command(name = "cargo dev", about = "Development tasks of the wasp workspace")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Write the generated documentation (docs/rules, docs/coverage.md, docs/model.md)
    Generate {
        /// Only check that it is current; exit 1 and list what differs when it is not
        #[arg(long)]
        check: bool,
    },
    /// Create a new control: its file, module and registry lines, and fixtures to fill in
    AddControl {
        /// Service folder under crates/wasp-controls/src (s3, ec2, ...)
        #[arg(long)]
        service: String,
        /// Kebab-case name (s3-bucket-foo-disabled)
        #[arg(long)]
        name: String,
        /// One line: what is wrong when the control fails
        #[arg(long)]
        title: String,
        /// info, low, medium, high or critical
        #[arg(long, default_value = "medium")]
        severity: String,
        /// identity, detection, network, compute, data-at-rest or data-in-transit
        #[arg(long)]
        area: String,
        /// A best practice it evidences (SEC08-BP02); repeatable
        #[arg(long = "best-practice", required = true)]
        best_practices: Vec<String>,
        /// A kind of the model it applies to (bucket, security_group; docs/model.md); repeatable
        #[arg(long = "kind", required = true)]
        kinds: Vec<String>,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let root = workspace_root();
    match cli.command {
        Command::Generate { check: true } => {
            let drift = generate::check(&root);
            if drift.is_empty() {
                return Ok(ExitCode::SUCCESS);
            }
            for d in &drift {
                eprintln!("{d}");
            }
            eprintln!("run `cargo dev generate` to update them");
            Ok(ExitCode::from(1))
        }
        Command::Generate { check: false } => {
            let n = generate::write(&root)?;
            println!("{n} file(s) written or removed");
            Ok(ExitCode::SUCCESS)
        }
        Command::AddControl {
            service,
            name,
            title,
            severity,
            area,
            best_practices,
            kinds,
        } => {
            let spec = scaffold::Spec {
                service,
                name,
                title,
                severity,
                area,
                best_practices,
                kinds,
            };
            let created = match scaffold::add_control(&root, &spec) {
                Ok(c) => c,
                Err(e) => bail!("{e}"),
            };
            println!("{} {}", created.id, spec.name);
            for f in &created.files {
                println!("  {}", f.display());
            }
            println!(
                "next: write the check and its doc, fill in the fixtures, then \
                 `cargo test -p wasp-engine --test fixtures` and `cargo dev generate`"
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}
