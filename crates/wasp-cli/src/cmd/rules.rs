//! `wasp rules` and `wasp explain`: the control library, from the controls' own metadata.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::{Args, ValueEnum};
use wasp_control::Meta;
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

/// A control as the listing shows it: its metadata and, for a custom control, where it comes
/// from (the `custom` object of the JSON listing).
struct Listed {
    meta: Meta,
    custom: Option<serde_json::Value>,
}

/// The custom controls of `--policy` and of the configuration of the current directory.
fn custom(policy: &PolicyArgs) -> Result<Vec<Listed>> {
    #[cfg(feature = "rego")]
    {
        let config = cwd_config()?;
        let Some(set) = policy.load_set(config.as_ref())? else {
            return Ok(Vec::new());
        };
        Ok(set
            .controls()
            .iter()
            .map(|c| Listed {
                meta: c.meta.clone(),
                custom: Some(serde_json::json!({
                    "file": c.file.display().to_string(),
                    "line": c.line,
                    "package": c.package.trim_start_matches("data."),
                    "kinds": c.kinds.iter().map(|k| k.name()).collect::<Vec<_>>(),
                    "resource_types": c.resource_types,
                })),
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
fn matches(args: &RulesArgs, m: &Meta) -> bool {
    args.area
        .as_deref()
        .is_none_or(|a| m.area_name().eq_ignore_ascii_case(a))
        && args.severity.is_none_or(|s| m.severity >= s)
        && args.best_practice.as_deref().is_none_or(|bp| {
            m.best_practices.iter().any(|b| {
                b.eq_ignore_ascii_case(bp) || b.get(..5).is_some_and(|q| q.eq_ignore_ascii_case(bp))
            })
        })
}

/// The built-in controls, then the custom ones.
fn all(policy: &PolicyArgs) -> Result<Vec<Listed>> {
    let mut list: Vec<Listed> = wasp_engine::builtin_controls()
        .into_iter()
        .map(|m| Listed {
            meta: m.clone(),
            custom: None,
        })
        .collect();
    list.extend(custom(policy)?);
    Ok(list)
}

pub fn rules(args: RulesArgs) -> Result<ExitCode> {
    let list: Vec<Listed> = all(&args.policy)?
        .into_iter()
        .filter(|c| matches(&args, &c.meta))
        .collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let r = match args.format {
        RulesFormat::Json => {
            let metas: Vec<serde_json::Value> = list
                .iter()
                .map(|c| {
                    let mut v = serde_json::to_value(&c.meta)?;
                    if let (Some(o), Some(custom)) = (v.as_object_mut(), &c.custom) {
                        o.insert("custom".into(), custom.clone());
                    }
                    Ok(v)
                })
                .collect::<Result<_, serde_json::Error>>()?;
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
                let m = &c.meta;
                writeln!(
                    out,
                    "{:<16} {:<9} {:<16} {:<24} {}",
                    m.id,
                    m.severity.as_str(),
                    m.area_name(),
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
    let builtin = wasp_engine::builtin_controls()
        .into_iter()
        .find(|m| m.is_named(&args.id));
    let m = match builtin {
        Some(m) => m.clone(),
        None => match all(&args.policy)?
            .into_iter()
            .find(|c| c.meta.is_named(&args.id))
        {
            Some(c) => c.meta,
            None => bail!("no control `{}` (see `wasp rules`)", args.id),
        },
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let r = (|| {
        writeln!(out, "# {} {}: {}", m.id, m.name, m.title)?;
        writeln!(out)?;
        writeln!(out, "- Severity: {}", m.severity)?;
        writeln!(out, "- Area: {}", m.area_name())?;
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
    wasp_core::io::quiet_broken_pipe(r)?;
    Ok(ExitCode::from(exit::OK))
}
