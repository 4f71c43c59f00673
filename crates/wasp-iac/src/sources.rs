//! CloudFormation, Terraform configuration and Terraform plans as [`Source`]s of the model.

use std::path::Path;
use std::sync::Arc;

use wasp_core::InputError;
use wasp_source::{extension, Claim, Source, Unit};

use crate::cfn::{self, CfnOptions};
use crate::terraform::{self as tf, TfOptions};

/// Extensions never worth reading as templates or plans.
const SKIP_EXT: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "ico", "svg", "pdf", "zip", "gz", "tgz", "bz2", "xz", "jar",
    "class", "so", "dll", "exe", "o", "a", "rlib", "wasm", "woff", "woff2", "ttf", "mp3", "mp4",
    "lock", "rs", "go", "py", "js", "ts", "java", "c", "h", "cpp", "md", "tfstate", "tfvars",
    "hcl", "sh", "zsh", "toml", "ini", "cfg", "csv", "html", "css",
];

/// Extensions of files expected to hold a template or a plan when their content says so: a
/// parse error in them is reported. Other files are only taken when they parse cleanly.
const DATA_EXT: &[&str] = &["yaml", "yml", "json", "template", "cfn"];

fn is_terraform_file(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with(".tf") || name.ends_with(".tf.json")
}

/// How CloudFormation and plans claim a file: any file but Terraform's and those of
/// extensions that never hold one.
fn claim_document(p: &Path) -> Claim {
    let ext = extension(p);
    if is_terraform_file(p) || SKIP_EXT.contains(&ext.as_str()) {
        Claim::No
    } else {
        Claim::File {
            expected: DATA_EXT.contains(&ext.as_str()),
        }
    }
}

/// A YAML or JSON document, parsed; a parse error is a unit with that error when the file is
/// expected to be a document.
#[allow(clippy::result_large_err)] // the error is the unit the caller returns
fn parse(path: &Path, text: &str, expected: bool) -> Result<wasp_model::Node, Option<Unit>> {
    cfn::parse(text)
        .map_err(|e| expected.then(|| Unit::error(InputError::new(path, e.pos, e.message), 1)))
}

/// CloudFormation templates (YAML or JSON, SAM included), with their parameter values.
#[derive(Debug, Clone, Default)]
pub struct CloudFormation {
    pub options: CfnOptions,
}

impl Source for CloudFormation {
    fn name(&self) -> &'static str {
        cfn::SOURCE.name
    }

    fn claim(&self, path: &Path) -> Claim {
        claim_document(path)
    }

    fn load_file(&self, path: &Path, text: &str, expected: bool) -> Option<Unit> {
        if !cfn::sniff(text) {
            return None;
        }
        let doc = match parse(path, text, expected) {
            Ok(d) => d,
            Err(unit) => return unit,
        };
        if !cfn::is_template(&doc) {
            return None;
        }
        let l = cfn::load(path, &doc, &self.options);
        Some(Unit {
            model: l.model,
            errors: l.errors,
            files: 1,
            ..Unit::default()
        })
    }
}

/// Terraform plans in JSON (`terraform show -json`): the planned values are exact, so the
/// configuration of the plan's own directory is not evaluated again.
#[derive(Debug, Clone, Copy, Default)]
pub struct TerraformPlan;

impl Source for TerraformPlan {
    fn name(&self) -> &'static str {
        tf::PLAN_SOURCE.name
    }

    fn claim(&self, path: &Path) -> Claim {
        claim_document(path)
    }

    fn load_file(&self, path: &Path, text: &str, expected: bool) -> Option<Unit> {
        if !text.contains("\"planned_values\"") && !text.contains("\"resource_changes\"") {
            return None;
        }
        let doc = match parse(path, text, expected) {
            Ok(d) => d,
            Err(unit) => return unit,
        };
        if !tf::is_plan(&doc) {
            return None;
        }
        let l = tf::load_plan(path, &doc);
        Some(Unit {
            model: l.model,
            errors: l.errors,
            files: 1,
            supersedes: path.parent().map(Path::to_path_buf),
            ..Unit::default()
        })
    }
}

/// Terraform configuration: each directory holding `.tf` or `.tf.json` files is a root
/// module, with its local modules, variable values and variable files.
#[derive(Debug, Clone, Default)]
pub struct Terraform {
    pub options: TfOptions,
}

impl Source for Terraform {
    fn name(&self) -> &'static str {
        tf::SOURCE.name
    }

    fn claim(&self, path: &Path) -> Claim {
        if is_terraform_file(path) {
            Claim::Directory
        } else {
            Claim::No
        }
    }

    fn load_directory(&self, dir: &Path) -> Unit {
        let r = tf::load_root_dir(dir, &self.options);
        Unit {
            files: r.load.files.len(),
            model: r.load.model,
            errors: r.load.errors,
            supersedes: None,
            root: Some(r.keys.key),
            reaches: r.keys.reached,
        }
    }
}

/// The infrastructure-as-code sources, in the order the engine asks them: plans (which
/// supersede their directory's configuration), CloudFormation, Terraform configuration.
pub fn sources(cfn: CfnOptions, tf: TfOptions) -> Vec<Arc<dyn Source>> {
    vec![
        Arc::new(TerraformPlan),
        Arc::new(CloudFormation { options: cfn }),
        Arc::new(Terraform { options: tf }),
    ]
}
