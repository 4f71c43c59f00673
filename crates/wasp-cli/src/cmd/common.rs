//! Options and helpers shared by subcommands that scan.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use wasp_scan::ScanOptions;

/// When to color terminal output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    /// Color when writing to a terminal and `NO_COLOR` is not set.
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to color stdout.
    pub fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        }
    }
}

/// Inputs of a scan.
#[derive(Debug, Args)]
#[command(next_help_heading = "Input")]
pub struct InputArgs {
    /// Files and directories to scan (directories are walked, honouring .gitignore).
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// CloudFormation parameter value, overriding its default (repeatable).
    #[arg(long = "param", value_name = "KEY=VALUE", value_parser = parse_kv)]
    pub params: Vec<(String, String)>,

    /// CloudFormation parameters file: `[{"ParameterKey":..,"ParameterValue":..}]`,
    /// `{"Parameters": {..}}` or a plain `{"Key": "Value"}` object.
    #[arg(long = "params-file", value_name = "FILE")]
    pub params_files: Vec<PathBuf>,

    /// Terraform variable value (repeatable), as `terraform -var`.
    #[arg(long = "var", value_name = "NAME=VALUE", value_parser = parse_kv)]
    pub vars: Vec<(String, String)>,

    /// Terraform variables file, as `terraform -var-file`.
    #[arg(long = "var-file", value_name = "FILE")]
    pub var_files: Vec<PathBuf>,
}

fn parse_kv(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
        _ => Err(format!("expected KEY=VALUE, got `{s}`")),
    }
}

impl InputArgs {
    pub fn scan_options(&self) -> Result<ScanOptions> {
        let mut cfn_params = Vec::new();
        for f in &self.params_files {
            cfn_params.extend(read_params_file(f)?);
        }
        cfn_params.extend(self.params.iter().cloned());
        Ok(ScanOptions {
            cfn_params,
            tf_vars: self.vars.clone(),
            tf_var_files: self.var_files.clone(),
        })
    }
}

/// Reads a CloudFormation parameters file in any of the three common shapes.
fn read_params_file(path: &PathBuf) -> Result<Vec<(String, String)>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read parameters file {}", path.display()))?;
    let json: serde_json::Value = serde_json::from_str(&text)
        .with_context(|| format!("parameters file {} is not valid JSON", path.display()))?;
    let scalar = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        serde_json::Value::Array(a) => Some(
            a.iter()
                .map(|x| {
                    x.as_str()
                        .map(str::to_string)
                        .unwrap_or_else(|| x.to_string())
                })
                .collect::<Vec<_>>()
                .join(","),
        ),
        _ => None,
    };
    let mut out = Vec::new();
    match &json {
        serde_json::Value::Array(items) => {
            for (i, it) in items.iter().enumerate() {
                let k = it.get("ParameterKey").and_then(|k| k.as_str());
                let v = it.get("ParameterValue").and_then(scalar);
                match (k, v) {
                    (Some(k), Some(v)) => out.push((k.to_string(), v)),
                    _ => bail!(
                        "{}: entry [{i}] needs ParameterKey and ParameterValue",
                        path.display()
                    ),
                }
            }
        }
        serde_json::Value::Object(map) => {
            let map = match map.get("Parameters") {
                Some(serde_json::Value::Object(p)) => p,
                _ => map,
            };
            for (k, v) in map {
                match scalar(v) {
                    Some(v) => out.push((k.clone(), v)),
                    None => bail!("{}: parameter `{k}` is not a scalar", path.display()),
                }
            }
        }
        _ => bail!("{}: expected a JSON array or object", path.display()),
    }
    Ok(out)
}
