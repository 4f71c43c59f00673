//! A new control: its file (metadata, kinds and a check to write), its module and registry
//! lines, and a failing and a passing fixture in both source formats to fill in.
//!
//! `cargo dev add-control --service s3 --name s3-bucket-foo-disabled --title "..." \
//!     --severity medium --area data-at-rest --best-practice SEC08-BP02 --kind bucket`

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

/// What the new control is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// The service folder (`s3`).
    pub service: String,
    /// Kebab-case name (`s3-bucket-foo-disabled`).
    pub name: String,
    pub title: String,
    /// `info` .. `critical`.
    pub severity: String,
    /// `identity`, `detection`, `network`, `compute`, `data-at-rest`, `data-in-transit`.
    pub area: String,
    pub best_practices: Vec<String>,
    /// Kind names as the model names them (`bucket`, `security_group`).
    pub kinds: Vec<String>,
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created {
    pub id: String,
    /// Files created or changed, relative to the workspace root.
    pub files: Vec<PathBuf>,
}

fn invalid(msg: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, msg)
}

impl Spec {
    /// Checks the spec against what the library accepts (names, severity, area, best
    /// practices, kinds).
    pub fn validate(&self) -> io::Result<()> {
        let kebab = |s: &str| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        };
        if !self
            .service
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            || self.service.is_empty()
        {
            return Err(invalid(format!(
                "service `{}` is not a folder name",
                self.service
            )));
        }
        if !kebab(&self.name) {
            return Err(invalid(format!("name `{}` is not kebab-case", self.name)));
        }
        if wasp_controls::find(&self.name).is_some() {
            return Err(invalid(format!("`{}` is already a control", self.name)));
        }
        if self.title.trim().is_empty() || self.title.contains('\n') {
            return Err(invalid("the title is one non-empty line".into()));
        }
        if !["info", "low", "medium", "high", "critical"].contains(&self.severity.as_str()) {
            return Err(invalid(format!("unknown severity `{}`", self.severity)));
        }
        if wasp_controls::Area::parse(&self.area).is_none() {
            return Err(invalid(format!("unknown area `{}`", self.area)));
        }
        if self.best_practices.is_empty() {
            return Err(invalid(
                "a control evidences at least one best practice".into(),
            ));
        }
        for bp in &self.best_practices {
            if wasp_lens::Lens::builtin().best_practice(bp).is_none() {
                return Err(invalid(format!(
                    "`{bp}` is not a best practice of the lens"
                )));
            }
        }
        if self.kinds.is_empty() {
            return Err(invalid("a control applies to at least one kind".into()));
        }
        for k in &self.kinds {
            if wasp_model::KindTag::from_name(k).is_none() {
                return Err(invalid(format!(
                    "`{k}` is not a kind of the model (docs/model.md)"
                )));
            }
        }
        Ok(())
    }

    /// The module's file stem: the name without the service's prefix, in snake case.
    pub fn stem(&self) -> String {
        let name = self.name.replace('-', "_");
        let prefix = format!("{}_", self.service);
        name.strip_prefix(&prefix).unwrap_or(&name).to_string()
    }
}

/// The id prefix of a service's controls (`WASP-S3`): the one its controls already use, else
/// the folder in upper case.
pub fn id_prefix(service: &str) -> String {
    wasp_controls::REGISTRY
        .iter()
        .find(|c| c.module.split("::").next() == Some(service))
        .and_then(|c| c.meta.id.rsplit_once('-').map(|(p, _)| p.to_string()))
        .unwrap_or_else(|| format!("WASP-{}", service.to_ascii_uppercase()))
}

/// The next free id under a prefix (`WASP-S3-013`).
pub fn next_id(prefix: &str) -> String {
    let n = wasp_controls::REGISTRY
        .iter()
        .filter_map(|c| c.meta.id.rsplit_once('-'))
        .filter(|(p, _)| *p == prefix)
        .filter_map(|(_, n)| n.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("{prefix}-{:03}", n + 1)
}

/// Inserts `line` among the lines of `text` that start with `prefix`, keeping them sorted by
/// `key`, after the last such line when it sorts last.
pub fn insert_sorted(
    text: &str,
    line: &str,
    starts: &str,
    key: impl Fn(&str) -> String,
) -> io::Result<String> {
    let lines: Vec<&str> = text.lines().collect();
    let block: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].trim_start().starts_with(starts))
        .collect();
    let Some(&last) = block.last() else {
        return Err(invalid(format!("no `{starts}` line to insert beside")));
    };
    let at = block
        .iter()
        .copied()
        .find(|&i| key(lines[i]) > key(line))
        .unwrap_or(last + 1);
    let mut out: Vec<&str> = lines[..at].to_vec();
    out.push(line);
    out.extend_from_slice(&lines[at..]);
    let mut s = out.join("\n");
    if text.ends_with('\n') {
        s.push('\n');
    }
    Ok(s)
}

/// The sort key of a registry line: its control's id, numbers compared as numbers.
fn registry_key(line: &str, ids: &dyn Fn(&str) -> Option<String>) -> String {
    let module = line
        .trim()
        .trim_start_matches("control!(")
        .trim_end_matches("),");
    let id = ids(module).unwrap_or_default();
    match id.rsplit_once('-') {
        Some((p, n)) => format!("{p}-{:>6}", n),
        None => id,
    }
}

/// The new control's source file.
pub fn control_file(spec: &Spec, id: &str) -> String {
    let variant = |k: &str| {
        k.split('_')
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                    .unwrap_or_default()
            })
            .collect::<String>()
    };
    let kinds: Vec<String> = spec
        .kinds
        .iter()
        .map(|k| format!("KindTag::{}", variant(k)))
        .collect();
    let area = spec.area.split('-').map(&variant).collect::<String>();
    let severity = variant(&spec.severity);
    let bps: Vec<String> = spec
        .best_practices
        .iter()
        .map(|b| format!("\"{}\"", b.to_ascii_uppercase()))
        .collect();
    let mut s = String::new();
    let _ = write!(
        s,
        r###"use wasp_core::Severity;
use wasp_model::{{KindTag, Model, Resource}};

use crate::{{Area, Outcome}};

crate::declare! {{
    id: "{id}",
    name: "{name}",
    title: "{title}",
    severity: Severity::{severity},
    area: Area::{area},
    best_practices: &[{bps}],
    kinds: &[{kinds}],
    references: &[],
    remediation: "One line: what to change.",
    doc: r#"## What it checks
What the control reads, and when it fails, passes or cannot decide.

## Why it matters
What an attacker or an accident can do when it fails.

## Remediation
```yaml
# The CloudFormation that passes (from the pass_ fixture).
```
```hcl
# The Terraform that passes (from the pass_ fixture).
```
"#,
}}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {{
    let _ = (res, model);
    todo!("{id}: decide Pass, Fail, Skip or Unknown for each resource")
}}
"###,
        name = spec.name,
        title = spec.title.replace('"', "\\\""),
        bps = bps.join(", "),
        kinds = kinds.join(", "),
    );
    s
}

/// The fixtures to fill in: (path relative to the control's fixture folder, text).
pub fn fixtures(spec: &Spec, id: &str) -> Vec<(String, String)> {
    let stem = spec.stem();
    let yaml = |what: &str| {
        format!(
            "# A template whose resource {what} {id} ({}).\nResources: {{}}\n",
            spec.name
        )
    };
    let hcl = |what: &str| format!("# A module whose resource {what} {id} ({}).\n", spec.name);
    vec![
        (format!("fail_{stem}.yaml"), yaml("fails")),
        (format!("pass_{stem}.yaml"), yaml("passes")),
        (format!("fail_{stem}/main.tf"), hcl("fails")),
        (format!("pass_{stem}/main.tf"), hcl("passes")),
    ]
}

/// Writes the new control under the workspace `root`.
pub fn add_control(root: &Path, spec: &Spec) -> io::Result<Created> {
    spec.validate()?;
    let controls = root.join("crates/wasp-controls");
    let src = controls.join("src");
    let id = next_id(&id_prefix(&spec.service));
    let stem = spec.stem();
    let mut files = Vec::new();
    let rel = |p: &Path| p.strip_prefix(root).unwrap_or(p).to_path_buf();

    let service_dir = src.join(&spec.service);
    let file = service_dir.join(format!("{stem}.rs"));
    if file.exists() {
        return Err(invalid(format!("{} exists already", rel(&file).display())));
    }
    let lib_path = src.join("lib.rs");
    let mut lib = std::fs::read_to_string(&lib_path)?;
    let mod_path = service_dir.join("mod.rs");
    if !service_dir.exists() {
        std::fs::create_dir_all(&service_dir)?;
        std::fs::write(
            &mod_path,
            format!("//! The {} controls.\n\npub mod {stem};\n", spec.service),
        )?;
        lib = insert_sorted(
            &lib,
            &format!("pub mod {};", spec.service),
            "pub mod ",
            |l| l.trim().to_string(),
        )?;
    } else {
        let m = std::fs::read_to_string(&mod_path)?;
        let m = insert_sorted(&m, &format!("pub mod {stem};"), "pub mod ", |l| {
            l.trim().to_string()
        })?;
        std::fs::write(&mod_path, m)?;
    }
    files.push(rel(&mod_path));
    std::fs::write(&file, control_file(spec, &id))?;
    files.push(rel(&file));

    let module = format!("{}::{stem}", spec.service);
    let ids = |m: &str| -> Option<String> {
        if m == module {
            return Some(id.clone());
        }
        wasp_controls::REGISTRY
            .iter()
            .find(|c| c.module == m)
            .map(|c| c.meta.id.to_string())
    };
    lib = insert_sorted(
        &lib,
        &format!("    control!({module}),"),
        "control!(",
        |l| registry_key(l, &ids),
    )?;
    std::fs::write(&lib_path, lib)?;
    files.push(rel(&lib_path));

    let fixture_dir = controls.join("fixtures").join(&spec.name);
    for (path, text) in fixtures(spec, &id) {
        let p = fixture_dir.join(path);
        if let Some(d) = p.parent() {
            std::fs::create_dir_all(d)?;
        }
        std::fs::write(&p, text)?;
        files.push(rel(&p));
    }
    Ok(Created { id, files })
}
