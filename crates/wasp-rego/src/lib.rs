//! Custom controls written in Rego (OPA's policy language), evaluated with the `regorus`
//! interpreter against the JSON view of the normalized model (docs/custom-controls.md).
//!
//! A policy file is one control: a `# METADATA` annotation right above `package` names it
//! ([`metadata`]), and its `deny` rule decides, per applicable resource:
//!
//! - `input` is the resource (`{"address", "type", "format", "file", "kind", ...fields}`);
//! - `data.wasp.resources` is every resource of the same template or Terraform module;
//! - `deny` (a set of messages, or of objects with `msg`) non-empty: one failure per message;
//! - else `unknown` (optional, a set of reasons) non-empty: unknown;
//! - else pass.
//!
//! A `.rego` file with neither annotation nor `deny` is a library the controls can import.
//! Errors in a policy are reported with file:line at load time; an error while evaluating one
//! policy on one resource makes that result unknown, never the scan fail.

pub mod metadata;
mod recursion;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::num::NonZeroU32;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::Duration;

use regorus::utils::limits::ExecutionTimerConfig;
use regorus::{Engine, Value as RValue};
use wasp_control::{ControlSet, Meta, Outcome, Texts, Verdict};
use wasp_model::{KindTag, Model, Resource};

/// How long one policy may take on one resource before its result becomes unknown.
pub const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(2);

/// Largest policy file read (regorus enforces the same bound).
const MAX_POLICY_BYTES: u64 = 1024 * 1024;

/// An error in a policy file, at file:line:column (0 when not known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError {
    pub file: PathBuf,
    pub line: u32,
    pub col: u32,
    pub message: String,
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.col > 0 {
                write!(f, ":{}", self.col)?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

/// Every error found while loading policies (loading goes on after the first).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    pub errors: Vec<PolicyError>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.errors.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

/// One custom control: a policy file's metadata and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomControl {
    /// Id (`custom.id`), name (`custom.name`, or the last component of the package), title,
    /// severity, area, best practices, remediation; its `doc` is what `wasp explain` prints.
    pub meta: Meta,
    pub description: String,
    /// Kinds it applies to (empty: any).
    pub kinds: Vec<KindTag>,
    /// Source types it applies to (empty: any).
    pub resource_types: Vec<String>,
    /// `data.acme.s3_versioning`.
    pub package: String,
    pub file: PathBuf,
    /// Line of the `# METADATA` annotation.
    pub line: u32,
    /// The policy declares an `unknown` rule.
    pub has_unknown: bool,
}

impl CustomControl {
    /// Whether the control applies to a resource (its kind and type filters).
    pub fn applies_to(&self, res: &Resource) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&res.kind.tag()))
            && (self.resource_types.is_empty()
                || self
                    .resource_types
                    .iter()
                    .any(|t| t.eq_ignore_ascii_case(&res.source_type)))
    }

    /// The control's documentation, as `wasp explain` prints it.
    fn doc(
        description: &str,
        kinds: &[KindTag],
        resource_types: &[String],
        package: &str,
        file: &Path,
        line: u32,
    ) -> String {
        let mut out = String::new();
        if !description.is_empty() {
            out.push_str(description);
            out.push_str("\n\n");
        }
        let applies = match (kinds.is_empty(), resource_types.is_empty()) {
            (true, true) => "every resource".to_string(),
            _ => kinds
                .iter()
                .map(|k| k.name().to_string())
                .chain(resource_types.iter().cloned())
                .collect::<Vec<_>>()
                .join(", "),
        };
        out.push_str(&format!("- Applies to: {applies}\n"));
        out.push_str(&format!(
            "- Custom control: `{}` in {}:{}\n",
            package,
            file.display(),
            line
        ));
        out
    }
}

/// Loaded custom controls, ready to evaluate models (from several threads at once).
#[derive(Debug, Clone)]
pub struct PolicySet {
    controls: Vec<CustomControl>,
    engine: Engine,
}

impl Default for PolicySet {
    fn default() -> Self {
        PolicySet {
            controls: Vec::new(),
            engine: new_engine(DEFAULT_TIME_LIMIT),
        }
    }
}

fn new_engine(limit: Duration) -> Engine {
    let mut engine = Engine::new();
    engine.set_execution_timer_config(ExecutionTimerConfig {
        limit,
        check_interval: NonZeroU32::MIN,
    });
    engine
}

/// The `.rego` files of the given files and directories (directories walked recursively, in
/// name order; hidden entries and OPA test files `*_test.rego` left out).
pub fn policy_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, LoadError> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut files, &mut errors);
        } else if p.is_file() {
            files.push(p.clone());
        } else {
            errors.push(PolicyError {
                file: p.clone(),
                line: 0,
                col: 0,
                message: "no such policy file or directory".into(),
            });
        }
    }
    if errors.is_empty() {
        files.dedup();
        Ok(files)
    } else {
        Err(LoadError { errors })
    }
}

/// The `.rego` files below a directory, through the one directory walk (hidden entries and
/// what `.gitignore` ignores left out), in path order; OPA test files are not controls.
fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<PolicyError>) {
    let walked = wasp_source::walk(&[dir.to_path_buf()], None);
    errors.extend(walked.errors.into_iter().map(|e| PolicyError {
        file: e.location.file().unwrap_or(dir).to_path_buf(),
        line: 0,
        col: 0,
        message: format!("cannot read directory: {}", e.message),
    }));
    files.extend(walked.files.into_iter().filter(|p| {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        name.ends_with(".rego") && !name.ends_with("_test.rego")
    }));
}

fn read_policy(path: &Path) -> Result<String, PolicyError> {
    let fail = |message: String| PolicyError {
        file: path.to_path_buf(),
        line: 0,
        col: 0,
        message,
    };
    use wasp_core::io::{read_text, size, ReadError};
    read_text(path, MAX_POLICY_BYTES).map_err(|e| {
        fail(match e {
            ReadError::TooLarge { max } => format!("policy file is larger than {}", size(max)),
            ReadError::NotUtf8(_) => "not valid UTF-8".into(),
            other => other.to_string(),
        })
    })
}

/// Turns a regorus error (`--> file:line:col ... error: message`) into file, line, column
/// and message.
fn located(file: &Path, e: &anyhow::Error) -> PolicyError {
    let text = format!("{e:#}");
    let mut line = 0;
    let mut col = 0;
    if let Some(at) = text.lines().find_map(|l| l.trim().strip_prefix("--> ")) {
        let mut parts = at.rsplitn(3, ':');
        if let (Some(c), Some(l)) = (parts.next(), parts.next()) {
            col = c.trim().parse().unwrap_or(0);
            line = l.trim().parse().unwrap_or(0);
        }
    }
    let message = text
        .lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix("error: "))
        .map(str::to_string)
        .unwrap_or_else(|| {
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with("-->") && !l.contains('|'))
                .collect::<Vec<_>>()
                .join(" ")
        });
    PolicyError {
        file: file.to_path_buf(),
        line,
        col,
        message,
    }
}

/// `data.acme.s3` with identifier components, not under the reserved `data.wasp`.
fn check_package(package: &str) -> Result<(), String> {
    let Some(rest) = package.strip_prefix("data.") else {
        return Err(format!("unexpected package `{package}`"));
    };
    let ident = |c: &str| {
        let mut chars = c.chars();
        chars
            .next()
            .is_some_and(|f| f.is_ascii_alphabetic() || f == '_')
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    if !rest.split('.').all(ident) {
        return Err(format!(
            "package `{rest}` of a control must be a dotted name of identifiers (acme.s3_versioning)"
        ));
    }
    if rest == "wasp" || rest.starts_with("wasp.") {
        return Err("package `wasp` is reserved for the model (`data.wasp.resources`)".into());
    }
    Ok(())
}

impl PolicySet {
    /// Loads the `.rego` files of the given files and directories. A control whose id or name
    /// is already the id or name of a control of `builtin` is an error.
    pub fn load(paths: &[PathBuf], builtin: &[&Meta]) -> Result<PolicySet, LoadError> {
        let files = policy_files(paths)?;
        let mut sources = Vec::new();
        let mut errors = Vec::new();
        for f in files {
            match read_policy(&f) {
                Ok(text) => sources.push((f, text)),
                Err(e) => errors.push(e),
            }
        }
        match PolicySet::from_sources(sources, builtin) {
            Ok(set) if errors.is_empty() => Ok(set),
            Ok(_) => Err(LoadError { errors }),
            Err(mut e) => {
                errors.append(&mut e.errors);
                Err(LoadError { errors })
            }
        }
    }

    /// Builds a set from policy texts (the path names each in messages); ids and names of
    /// `builtin` are taken.
    pub fn from_sources(
        sources: Vec<(PathBuf, String)>,
        builtin: &[&Meta],
    ) -> Result<PolicySet, LoadError> {
        let mut set = PolicySet::default();
        let mut errors = Vec::new();
        let mut owners: HashMap<String, (PathBuf, u32)> = HashMap::new();
        for (path, text) in sources {
            let source_name = path.display().to_string();
            let package = match set.engine.add_policy(source_name.clone(), text.clone()) {
                Ok(p) => p,
                Err(e) => {
                    errors.push(located(&path, &e));
                    continue;
                }
            };
            let declares = |engine: &Engine, rule: &str| {
                engine
                    .has_declared_rule_rooted_at(&source_name, rule)
                    .unwrap_or(false)
            };
            let has_deny = declares(&set.engine, "deny");
            let has_unknown = declares(&set.engine, "unknown");
            let block = metadata::package_block(&text);
            let pkg_line = metadata::package_line(&text).unwrap_or(0);
            let fail = |line: u32, message: String| PolicyError {
                file: path.clone(),
                line,
                col: 0,
                message,
            };
            let block = match block {
                None if has_deny => {
                    errors.push(fail(
                        pkg_line,
                        "a policy with a `deny` rule needs a `# METADATA` annotation right above \
                         `package` (title and custom.id, custom.severity)"
                            .into(),
                    ));
                    continue;
                }
                // A library: helper rules and functions for the controls.
                None => continue,
                Some(b) => b,
            };
            let meta = match metadata::parse(&block) {
                Ok(m) => m,
                Err(e) => {
                    errors.push(fail(e.line, e.message));
                    continue;
                }
            };
            if !has_deny {
                errors.push(fail(
                    pkg_line,
                    format!(
                        "control {} declares no `deny` rule (a set of messages)",
                        meta.id
                    ),
                ));
                continue;
            }
            if let Err(m) = check_package(&package) {
                errors.push(fail(pkg_line, m));
                continue;
            }
            let name = meta.name.clone().unwrap_or_else(|| {
                package
                    .rsplit('.')
                    .next()
                    .unwrap_or(&meta.id)
                    .replace('_', "-")
                    .to_ascii_lowercase()
            });
            let mut clash = None;
            for key in [&meta.id, &name] {
                if let Some(c) = builtin.iter().find(|m| m.is_named(key)) {
                    clash = Some(format!(
                        "`{key}` is already the {} of built-in control {}",
                        if c.id.eq_ignore_ascii_case(key) {
                            "id"
                        } else {
                            "name"
                        },
                        c.id
                    ));
                    break;
                }
                let k = format!("control:{}", key.to_ascii_lowercase());
                if let Some((f, l)) = owners.get(&k) {
                    clash = Some(format!(
                        "`{key}` is already the id or name of the control in {}:{l}",
                        f.display()
                    ));
                    break;
                }
            }
            if let Some((f, l)) = owners.get(&format!("package:{package}")) {
                clash = Some(format!(
                    "package `{}` already holds the control in {}:{l}; each control needs its own package",
                    package.trim_start_matches("data."),
                    f.display()
                ));
            }
            if let Some(m) = clash {
                errors.push(fail(meta.line, m));
                continue;
            }
            for k in [
                format!("control:{}", meta.id.to_ascii_lowercase()),
                format!("control:{name}"),
                format!("package:{package}"),
            ] {
                owners.insert(k, (path.clone(), meta.line));
            }
            let doc = CustomControl::doc(
                &meta.description,
                &meta.kinds,
                &meta.resource_types,
                &package,
                &path,
                meta.line,
            );
            set.controls.push(CustomControl {
                meta: Meta {
                    id: meta.id.into(),
                    name: name.into(),
                    title: meta.title.into(),
                    severity: meta.severity,
                    area: meta.area,
                    best_practices: Texts::Owned(meta.best_practices),
                    references: (&[][..]).into(),
                    remediation: meta.remediation.into(),
                    doc: doc.into(),
                },
                description: meta.description,
                kinds: meta.kinds,
                resource_types: meta.resource_types,
                package,
                file: path.clone(),
                line: meta.line,
                has_unknown,
            });
        }
        if errors.is_empty() {
            if let Some(r) = recursion::find(set.engine.get_modules()) {
                errors.push(PolicyError {
                    file: PathBuf::from(r.file),
                    line: r.line,
                    col: r.col,
                    message: format!(
                        "function `{}` is recursive ({}); Rego does not allow recursion",
                        r.function,
                        r.cycle.join(" → ")
                    ),
                });
            }
        }
        // Whole-program errors (undefined functions, unsafe variables) surface when the
        // policies are first prepared for evaluation.
        if errors.is_empty() {
            if let Err(e) = set.engine.clone().eval_query("true".into(), false) {
                let file = located(Path::new(""), &e);
                errors.push(PolicyError {
                    file: if file.line > 0 {
                        PathBuf::from(
                            format!("{e:#}")
                                .lines()
                                .find_map(|l| l.trim().strip_prefix("--> "))
                                .and_then(|a| a.rsplitn(3, ':').nth(2))
                                .unwrap_or(""),
                        )
                    } else {
                        PathBuf::from("<policies>")
                    },
                    ..file
                });
            }
        }
        if errors.is_empty() {
            Ok(set)
        } else {
            Err(LoadError { errors })
        }
    }

    /// Sets how long one policy may take on one resource.
    pub fn set_time_limit(&mut self, limit: Duration) {
        self.engine
            .set_execution_timer_config(ExecutionTimerConfig {
                limit,
                check_interval: NonZeroU32::MIN,
            });
    }

    pub fn controls(&self) -> &[CustomControl] {
        &self.controls
    }

    pub fn is_empty(&self) -> bool {
        self.controls.is_empty()
    }

    /// The control with this id or name (case-insensitive).
    pub fn find(&self, id_or_name: &str) -> Option<&CustomControl> {
        self.controls.iter().find(|c| c.meta.is_named(id_or_name))
    }

    /// Runs every applicable control on every resource of a model.
    pub fn evaluate(&self, model: &Model) -> Vec<Verdict> {
        self.evaluate_selected(model, &vec![true; self.controls.len()])
    }

    /// Runs the controls `enabled` marks (indexed as [`PolicySet::controls`]) on every
    /// resource of a model they apply to.
    pub fn evaluate_selected(&self, model: &Model, enabled: &[bool]) -> Vec<Verdict> {
        let work: Vec<(usize, Vec<usize>)> = model
            .resources
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let cs = (0..self.controls.len())
                    .filter(|&c| {
                        enabled.get(c).copied().unwrap_or(false) && self.controls[c].applies_to(r)
                    })
                    .collect::<Vec<_>>();
                (i, cs)
            })
            .filter(|(_, cs)| !cs.is_empty())
            .collect();
        if work.is_empty() {
            return Vec::new();
        }
        let inputs: Vec<Result<RValue, String>> = model
            .resources
            .iter()
            .map(|r| {
                serde_json::to_value(r)
                    .map(RValue::from)
                    .map_err(|e| format!("the resource cannot be written as JSON: {e}"))
            })
            .collect();
        let all: Vec<RValue> = inputs
            .iter()
            .map(|i| i.as_ref().cloned().unwrap_or(RValue::Null))
            .collect();
        let data = object([("wasp", object([("resources", RValue::from(all))]))]);

        let mut out = Vec::new();
        let unknown_all = |out: &mut Vec<Verdict>, reason: &str| {
            for (r, cs) in &work {
                for &c in cs {
                    out.push(Verdict {
                        subject: *r,
                        control: c,
                        outcome: Outcome::Unknown {
                            reason: reason.to_string(),
                            pos: None,
                        },
                    });
                }
            }
        };
        let prepare = || -> Result<Engine, String> {
            let mut engine = self.engine.clone();
            engine
                .add_data(data.clone())
                .map_err(|e| format!("custom controls: cannot load the model: {e}"))?;
            Ok(engine)
        };
        let mut engine = match prepare() {
            Ok(e) => e,
            Err(reason) => {
                unknown_all(&mut out, &reason);
                return out;
            }
        };
        for (r, cs) in &work {
            let input = match &inputs[*r] {
                Ok(v) => v.clone(),
                Err(reason) => {
                    for &c in cs {
                        out.push(Verdict {
                            subject: *r,
                            control: c,
                            outcome: Outcome::Unknown {
                                reason: reason.clone(),
                                pos: None,
                            },
                        });
                    }
                    continue;
                }
            };
            engine.set_input(input.clone());
            for &c in cs {
                let control = &self.controls[c];
                let result = catch_unwind(AssertUnwindSafe(|| run(&mut engine, control)));
                let outcomes = match result {
                    Ok(Ok(o)) => o,
                    Ok(Err(reason)) => vec![Outcome::Unknown {
                        reason: format!("custom control failed: {reason}"),
                        pos: None,
                    }],
                    Err(_) => {
                        // The engine's state is not to be trusted after a panic: start afresh.
                        match prepare() {
                            Ok(e) => {
                                engine = e;
                                engine.set_input(input.clone());
                            }
                            Err(reason) => {
                                unknown_all(&mut out, &reason);
                                return out;
                            }
                        }
                        vec![Outcome::Unknown {
                            reason: "custom control failed: the policy engine stopped on this \
                                     resource"
                                .into(),
                            pos: None,
                        }]
                    }
                };
                out.extend(outcomes.into_iter().map(|outcome| Verdict {
                    subject: *r,
                    control: c,
                    outcome,
                }));
            }
        }
        out
    }
}

fn object<const N: usize>(entries: [(&str, RValue); N]) -> RValue {
    RValue::from(
        entries
            .into_iter()
            .map(|(k, v)| (RValue::from(k), v))
            .collect::<BTreeMap<_, _>>(),
    )
}

/// One control on the engine's current input: `deny`, then `unknown`.
fn run(engine: &mut Engine, control: &CustomControl) -> Result<Vec<Outcome>, String> {
    let eval = |engine: &mut Engine, rule: &str| -> Result<Vec<String>, String> {
        let v = engine
            .eval_rule(format!("{}.{rule}", control.package))
            .map_err(|e| located(&control.file, &e).to_string())?;
        messages(&v, control, rule)
    };
    let denied = eval(engine, "deny")?;
    if !denied.is_empty() {
        return Ok(denied
            .into_iter()
            .map(|message| Outcome::Fail { message, pos: None })
            .collect());
    }
    if control.has_unknown {
        let reasons = eval(engine, "unknown")?;
        if !reasons.is_empty() {
            return Ok(vec![Outcome::Unknown {
                reason: reasons.join("; "),
                pos: None,
            }]);
        }
    }
    Ok(vec![Outcome::Pass])
}

/// The messages of a `deny` or `unknown` value: a set (or array) of strings or of objects with
/// `msg`; `true` counts as one message (the title), `false` and undefined as none.
fn messages(v: &RValue, control: &CustomControl, rule: &str) -> Result<Vec<String>, String> {
    let item = |i: &RValue| -> String {
        match i {
            RValue::String(s) => s.to_string(),
            RValue::Object(o) => match o.get(&RValue::from("msg")) {
                Some(RValue::String(s)) => s.to_string(),
                _ => i.to_json_str().unwrap_or_default(),
            },
            other => other.to_json_str().unwrap_or_default(),
        }
    };
    Ok(match v {
        RValue::Undefined | RValue::Null | RValue::Bool(false) => Vec::new(),
        RValue::Bool(true) => vec![control.meta.title.to_string()],
        RValue::String(s) => vec![s.to_string()],
        RValue::Set(s) => s.iter().map(item).collect(),
        RValue::Array(a) => a.iter().map(item).collect(),
        _ => {
            return Err(format!(
                "`{rule}` must be a set of messages, got {}",
                v.to_json_str().unwrap_or_default()
            ))
        }
    })
}

impl ControlSet<Model> for PolicySet {
    fn metas(&self) -> Vec<&Meta> {
        self.controls.iter().map(|c| &c.meta).collect()
    }

    fn evaluate(&self, model: &Model, enabled: &[bool], out: &mut Vec<Verdict>) {
        out.extend(self.evaluate_selected(model, enabled));
    }
}

#[cfg(test)]
mod tests;
