//! `wasp rules` and `wasp explain`: the control library, from the controls' own metadata.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::{Args, ValueEnum};
use wasp_controls::{Control, REGISTRY};
use wasp_core::Severity;

use super::policy::{cwd_config, PolicyArgs};
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

    #[command(flatten)]
    pub policy: PolicyArgs,
}

/// Print one control's documentation.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Control id (WASP-S3-002) or name (s3-bucket-public-access-block-disabled).
    pub id: String,

    #[command(flatten)]
    pub policy: PolicyArgs,
}

/// A custom control as the listing shows it.
struct Custom {
    id: String,
    name: String,
    title: String,
    severity: Severity,
    area: String,
    best_practices: Vec<String>,
    remediation: String,
    doc: String,
    json: serde_json::Value,
}

/// The custom controls of `--policy` and of the configuration of the current directory.
fn custom(policy: &PolicyArgs) -> Result<Vec<Custom>> {
    #[cfg(feature = "rego")]
    {
        let config = cwd_config()?;
        let Some(set) = policy.load_set(config.as_ref())? else {
            return Ok(Vec::new());
        };
        Ok(set
            .controls()
            .iter()
            .map(|c| {
                let area = c.area.clone().unwrap_or_else(|| "custom".into());
                let json = serde_json::json!({
                    "id": c.id,
                    "name": c.name,
                    "title": c.title,
                    "severity": c.severity,
                    "area": area,
                    "best_practices": c.best_practices,
                    "references": [],
                    "remediation": c.remediation,
                    "doc": c.doc(),
                    "custom": {
                        "file": c.file.display().to_string(),
                        "line": c.line,
                        "package": c.package.trim_start_matches("data."),
                        "kinds": c.kinds.iter().map(|k| k.name()).collect::<Vec<_>>(),
                        "resource_types": c.resource_types,
                    },
                });
                Custom {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    title: c.title.clone(),
                    severity: c.severity,
                    area,
                    best_practices: c.best_practices.clone(),
                    remediation: c.remediation.clone(),
                    doc: c.doc(),
                    json,
                }
            })
            .collect())
    }
    #[cfg(not(feature = "rego"))]
    {
        policy.load(cwd_config()?.as_ref())?;
        Ok(Vec::new())
    }
}

/// Whether a control passes the listing's filters.
fn matches(args: &RulesArgs, area: &str, severity: Severity, best_practices: &[&str]) -> bool {
    args.area
        .as_deref()
        .is_none_or(|a| area.eq_ignore_ascii_case(a))
        && args.severity.is_none_or(|s| severity >= s)
        && args.best_practice.as_deref().is_none_or(|bp| {
            best_practices.iter().any(|b| {
                b.eq_ignore_ascii_case(bp) || b.get(..5).is_some_and(|q| q.eq_ignore_ascii_case(bp))
            })
        })
}

fn selected(args: &RulesArgs) -> Vec<&'static Control> {
    REGISTRY
        .iter()
        .filter(|c| {
            let m = c.meta;
            matches(args, m.area.as_str(), m.severity, m.best_practices)
        })
        .collect()
}

pub fn rules(args: RulesArgs) -> Result<ExitCode> {
    let list = selected(&args);
    let custom: Vec<Custom> = custom(&args.policy)?
        .into_iter()
        .filter(|c| {
            let bps: Vec<&str> = c.best_practices.iter().map(String::as_str).collect();
            matches(&args, &c.area, c.severity, &bps)
        })
        .collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let r = match args.format {
        RulesFormat::Json => {
            let mut metas: Vec<serde_json::Value> = list
                .iter()
                .map(|c| serde_json::to_value(c.meta))
                .collect::<Result<_, _>>()?;
            metas.extend(custom.iter().map(|c| c.json.clone()));
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
            for c in &custom {
                writeln!(
                    out,
                    "{:<16} {:<9} {:<16} {:<24} {}",
                    c.id,
                    c.severity.as_str(),
                    c.area,
                    c.best_practices.join(","),
                    c.title
                )?;
            }
            writeln!(out, "{} controls", list.len() + custom.len())
        })(),
    };
    finish(r)
}

pub fn explain(args: ExplainArgs) -> Result<ExitCode> {
    let Some(c) = wasp_controls::find(&args.id) else {
        let custom = custom(&args.policy)?;
        let Some(c) = custom
            .iter()
            .find(|c| c.id.eq_ignore_ascii_case(&args.id) || c.name.eq_ignore_ascii_case(&args.id))
        else {
            bail!("no control `{}` (see `wasp rules`)", args.id);
        };
        return explain_custom(c);
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

fn explain_custom(c: &Custom) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let r = (|| {
        writeln!(out, "# {} {}: {}", c.id, c.name, c.title)?;
        writeln!(out)?;
        writeln!(out, "- Severity: {}", c.severity)?;
        writeln!(out, "- Area: {}", c.area)?;
        writeln!(out, "- Best practices: {}", c.best_practices.join(", "))?;
        writeln!(out, "- Fix: {}", c.remediation)?;
        writeln!(out)?;
        write!(out, "{}", c.doc)
    })();
    finish(r)
}

fn finish(r: std::io::Result<()>) -> Result<ExitCode> {
    match r {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::from(exit::OK)),
    }
}
