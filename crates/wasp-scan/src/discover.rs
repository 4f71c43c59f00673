//! Finding the files to scan: walk paths (respecting .gitignore), sort them by kind.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use wasp_core::{InputError, Pos};

/// What the walk found.
#[derive(Debug, Default)]
pub struct Discovered {
    /// Directories holding `.tf` / `.tf.json` files: each is a Terraform module.
    pub terraform_dirs: BTreeSet<PathBuf>,
    /// Every other candidate file; its content decides (CloudFormation, plan JSON, or nothing).
    pub files: Vec<PathBuf>,
    /// Paths that could not be walked.
    pub errors: Vec<InputError>,
}

/// Extensions never worth reading as templates.
const SKIP_EXT: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "ico", "svg", "pdf", "zip", "gz", "tgz", "bz2", "xz", "jar",
    "class", "so", "dll", "exe", "o", "a", "rlib", "wasm", "woff", "woff2", "ttf", "mp3", "mp4",
    "lock", "rs", "go", "py", "js", "ts", "java", "c", "h", "cpp", "md", "tfstate", "tfvars",
    "hcl", "sh", "zsh", "toml", "ini", "cfg", "csv", "html", "css",
];

pub fn is_terraform_file(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with(".tf") || name.ends_with(".tf.json")
}

pub fn discover(paths: &[PathBuf]) -> Discovered {
    let mut out = Discovered::default();
    for root in paths {
        if !root.exists() {
            out.errors.push(InputError::new(
                root,
                Pos::NONE,
                "no such file or directory",
            ));
            continue;
        }
        let walker = ignore::WalkBuilder::new(root)
            .hidden(true)
            .git_ignore(true)
            .git_global(false)
            .git_exclude(true)
            .require_git(false)
            .follow_links(false)
            .build();
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(err) => {
                    let path = match &err {
                        ignore::Error::WithPath { path, .. } => path.clone(),
                        _ => root.clone(),
                    };
                    out.errors
                        .push(InputError::new(path, Pos::NONE, err.to_string()));
                    continue;
                }
            };
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            let path = entry.into_path();
            if is_terraform_file(&path) {
                if let Some(dir) = path.parent() {
                    out.terraform_dirs.insert(dir.to_path_buf());
                }
                continue;
            }
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase)
                .unwrap_or_default();
            if SKIP_EXT.contains(&ext.as_str()) {
                continue;
            }
            out.files.push(path);
        }
    }
    out.files.sort();
    out.files.dedup();
    out
}

/// Files with these extensions are expected to be templates or plans when their content says
/// so; a parse error in them is reported. Other files are only taken when they parse cleanly.
pub fn is_data_file(p: &Path) -> bool {
    matches!(
        p.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("yaml" | "yml" | "json" | "template" | "cfn")
    )
}
