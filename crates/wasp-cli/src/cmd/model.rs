//! `wasp model`: the normalized model as JSON, what custom controls are written against
//! (docs/custom-controls.md).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use super::common::InputArgs;
use crate::exit;

/// Print the normalized model of CloudFormation and Terraform as JSON: what custom controls
/// (Rego policies) see as `input` and `data.wasp.resources`.
#[derive(Debug, Args)]
pub struct ModelArgs {
    #[command(flatten)]
    pub input: InputArgs,
}

pub fn run(args: ModelArgs) -> Result<ExitCode> {
    let opts = args.input.scan_options()?;
    let (models, errors) = wasp_engine::load_models(&args.input.paths, &opts);
    let mut resources = Vec::new();
    for m in &models {
        for r in &m.resources {
            resources.push(serde_json::to_value(r)?);
        }
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = serde_json::to_writer_pretty(
        &mut out,
        &serde_json::json!({
            "schema": "wasp-model/1",
            "resources": resources,
        }),
    )
    .map_err(std::io::Error::from)
    .and_then(|()| writeln!(out))
    .and_then(|()| out.flush());
    wasp_core::io::quiet_broken_pipe(written)?;
    let mut err = std::io::stderr().lock();
    for e in &errors {
        let _ = writeln!(err, "error: {e}");
    }
    Ok(ExitCode::from(exit::code(false, !errors.is_empty())))
}
