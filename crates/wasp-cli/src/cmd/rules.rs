//! `wasp rules` and `wasp explain`: the control library, from the controls' own metadata.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::{Args, ValueEnum};
use wasp_controls::{Control, Meta, REGISTRY};
use wasp_core::Severity;

use crate::exit;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum RulesFormat {
    #[default]
    Text,
    Json,
}

/// List the controls (filter by area, best practice, severity).
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Only controls of this Security Pillar area (identity, detection, network, compute,
    /// data-at-rest, data-in-transit).
    #[arg(long, help_heading = "Selection")]
    pub area: Option<String>,
    /// Only controls that evidence this best practice (SEC08-BP02) or question (SEC08).
    #[arg(long, value_name = "ID", help_heading = "Selection")]
    pub best_practice: Option<String>,
    /// Only controls at or above this severity.
    #[arg(long, value_name = "SEVERITY", help_heading = "Selection")]
    pub severity: Option<Severity>,
    /// Output format.
    #[arg(
        long,
        short = 'f',
        value_enum,
        default_value_t,
        help_heading = "Output"
    )]
    pub format: RulesFormat,
}

/// Print one control's documentation.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Control id (WASP-S3-002) or name (s3-bucket-public-access-block-disabled).
    pub id: String,
}

fn selected(args: &RulesArgs) -> Vec<&'static Control> {
    REGISTRY
        .iter()
        .filter(|c| {
            let m = c.meta;
            args.area
                .as_deref()
                .is_none_or(|a| m.area.as_str().eq_ignore_ascii_case(a))
                && args.severity.is_none_or(|s| m.severity >= s)
                && args.best_practice.as_deref().is_none_or(|bp| {
                    m.best_practices.iter().any(|b| {
                        b.eq_ignore_ascii_case(bp)
                            || b.get(..5).is_some_and(|q| q.eq_ignore_ascii_case(bp))
                    })
                })
        })
        .collect()
}

pub fn rules(args: RulesArgs) -> Result<ExitCode> {
    let list = selected(&args);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let r = match args.format {
        RulesFormat::Json => {
            let metas: Vec<&Meta> = list.iter().map(|c| c.meta).collect();
            serde_json::to_writer_pretty(
                &mut out,
                &serde_json::json!({
                    "schema": "wasp-rules/1",
                    "controls": metas,
                }),
            )
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
        }
        RulesFormat::Text => (|| {
            for c in &list {
                let m = c.meta;
                writeln!(
                    out,
                    "{:<16} {:<9} {:<16} {:<24} {}",
                    m.id,
                    m.severity.as_str(),
                    m.area.as_str(),
                    m.best_practices.join(","),
                    m.title
                )?;
            }
            writeln!(out, "{} controls", list.len())
        })(),
    };
    finish(r)
}

pub fn explain(args: ExplainArgs) -> Result<ExitCode> {
    let Some(c) = wasp_controls::find(&args.id) else {
        bail!("no control `{}` (see `wasp rules`)", args.id);
    };
    let m = c.meta;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let r = (|| {
        writeln!(out, "# {} {}: {}", m.id, m.name, m.title)?;
        writeln!(out)?;
        writeln!(out, "- Severity: {}", m.severity)?;
        writeln!(out, "- Area: {}", m.area.as_str())?;
        writeln!(out, "- Best practices: {}", m.best_practices.join(", "))?;
        if !m.references.is_empty() {
            let refs: Vec<String> = m
                .references
                .iter()
                .map(|r| format!("{} {}", r.framework, r.id))
                .collect();
            writeln!(out, "- References: {}", refs.join("; "))?;
        }
        writeln!(out, "- Fix: {}", m.remediation)?;
        writeln!(out)?;
        write!(out, "{}", m.doc)
    })();
    finish(r)
}

fn finish(r: std::io::Result<()>) -> Result<ExitCode> {
    match r {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::from(exit::OK)),
    }
}
