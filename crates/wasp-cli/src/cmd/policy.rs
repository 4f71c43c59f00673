//! `--policy`: custom controls written in Rego (docs/custom-controls.md), for `scan`, `review`,
//! `rules` and `explain`.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Result;
use clap::Args;
use wasp_engine::config::Config;
use wasp_engine::CustomControls;

/// Where custom controls come from.
#[derive(Debug, Args, Default)]
pub struct PolicyArgs {
    /// Custom controls: a Rego policy file, or a directory of them (repeatable); added to the
    /// configuration's `policies`. See docs/custom-controls.md.
    #[arg(long = "policy", value_name = "PATH", help_heading = "Input")]
    pub policies: Vec<PathBuf>,
}

impl PolicyArgs {
    /// Every policy path: the configuration's `policies`, then `--policy`.
    pub fn paths(&self, config: Option<&Config>) -> Vec<PathBuf> {
        let same = |p: &PathBuf| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
        let mut paths: Vec<PathBuf> = Vec::new();
        let mut seen = Vec::new();
        let config_paths = config.map(|c| c.policies.clone()).unwrap_or_default();
        for p in config_paths
            .into_iter()
            .chain(self.policies.iter().cloned())
        {
            let key = same(&p);
            if !seen.contains(&key) {
                seen.push(key);
                paths.push(p);
            }
        }
        paths
    }

    /// The custom controls, ready for a scan; `None` when there are none.
    pub fn load(&self, config: Option<&Config>) -> Result<Option<CustomControls>> {
        #[cfg(feature = "rego")]
        {
            Ok(self.load_set(config)?.map(|s| s as CustomControls))
        }
        #[cfg(not(feature = "rego"))]
        {
            if self.paths(config).is_empty() {
                Ok(None)
            } else {
                anyhow::bail!("custom policies need wasp built with the `rego` feature")
            }
        }
    }

    /// The Rego controls themselves (for listing and documentation).
    #[cfg(feature = "rego")]
    pub fn load_set(&self, config: Option<&Config>) -> Result<Option<Arc<wasp_rego::PolicySet>>> {
        wasp_engine::load_policies(&self.paths(config)).map_err(|e| {
            if e.errors.len() == 1 {
                anyhow::anyhow!("{e}")
            } else {
                anyhow::anyhow!("{} errors in custom policies:\n{e}", e.errors.len())
            }
        })
    }
}

/// The configuration in force for commands that take no scan path (`rules`, `explain`): the
/// nearest `.wasp.toml` at or above the current directory.
pub fn cwd_config() -> Result<Option<Config>> {
    match wasp_engine::config::find(std::path::Path::new(".")) {
        Some(p) => Ok(Some(Config::load(&p).map_err(|e| anyhow::anyhow!("{e}"))?)),
        None => Ok(None),
    }
}
