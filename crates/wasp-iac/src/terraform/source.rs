//! Reading a module tree: the `.tf` / `.tf.json` files of each directory, parsed once, and the
//! declarations (variables, locals, resources, module calls, outputs) indexed for evaluation.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use hcl_edit::expr::Expression;
use hcl_edit::structure::{Block, Body};
use hcl_edit::Span;
use wasp_core::{FileRef, InputError, Pos};
use wasp_model::{Map, Node, V};

use crate::limits::MAX_FILE_BYTES;

/// Deepest bracket nesting accepted in an HCL file (the parser recurses per level).
pub(crate) const MAX_HCL_NESTING: usize = 64;
/// Deepest chain of local module calls.
pub(crate) const MAX_MODULE_DEPTH: usize = 32;

/// One source file and its line table.
pub(crate) struct SrcFile {
    pub path: FileRef,
    pub text: String,
    line_starts: Vec<usize>,
    /// `Pos::file` of positions in this file: 1 + its index in the model's file table, or 0.
    file_id: u32,
}

impl SrcFile {
    pub fn new(path: FileRef, text: String, file_id: u32) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SrcFile {
            path,
            text,
            line_starts,
            file_id,
        }
    }

    /// Line and column (1-based, column in characters) of a byte offset.
    pub fn pos(&self, off: usize) -> Pos {
        let off = off.min(self.text.len());
        let line = match self.line_starts.binary_search(&off) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let col = self
            .text
            .get(start..off)
            .map(|s| s.chars().count())
            .unwrap_or(off - start);
        Pos {
            line: line as u32 + 1,
            col: col as u32 + 1,
            file: self.file_id,
        }
    }

    pub fn span_pos(&self, span: Option<Range<usize>>) -> Pos {
        span.map(|s| self.pos(s.start)).unwrap_or(Pos::NONE)
    }
}

/// Where positions of an expression come from: its file, or one fixed position (a template
/// inside a JSON string).
#[derive(Clone, Copy)]
pub(crate) enum Loc<'a> {
    File(&'a SrcFile),
    Fixed(Pos),
}

impl Loc<'_> {
    pub fn at(self, span: Option<Range<usize>>) -> Pos {
        match self {
            Loc::File(f) => f.span_pos(span),
            Loc::Fixed(p) => p,
        }
    }
}

pub(crate) enum Parsed {
    Hcl(Body),
    Json(Node),
}

/// What a module call's `source` points at.
#[derive(Clone, Debug)]
pub(crate) enum ChildSrc {
    Local(usize),
    Remote(String),
    Missing(String),
}

/// The files of one directory.
pub(crate) struct ModuleDef {
    pub dir: PathBuf,
    /// `terraform.tfvars`, `terraform.tfvars.json`, then `*.auto.tfvars[.json]` in lexical
    /// order: read only when the module is the root.
    pub var_files: Vec<PathBuf>,
    pub files: Vec<(SrcFile, Parsed)>,
    pub children: HashMap<String, ChildSrc>,
}

/// Reads a directory and, recursively, the local modules it calls.
#[derive(Default)]
pub(crate) struct Loader {
    pub defs: Vec<ModuleDef>,
    pub errors: Vec<InputError>,
    pub files: Vec<PathBuf>,
    /// Files positions point into (`Pos::file` is 1 + the index here).
    pub table: Vec<FileRef>,
    by_dir: HashMap<PathBuf, usize>,
}

/// Sets the file of every position in a node.
pub(crate) fn set_file(n: &mut Node, file: u32) {
    n.pos.file = file;
    match &mut n.v {
        V::Seq(s) => s.iter_mut().for_each(|x| set_file(x, file)),
        V::Map(m) => m.entries.iter_mut().for_each(|e| {
            e.key_pos.file = file;
            set_file(&mut e.value, file);
        }),
        _ => {}
    }
}

pub(crate) fn canon(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Reads a file within the size limit.
pub(crate) fn read_text(path: &Path) -> Result<String, String> {
    use wasp_core::io::{read_text as read, size, ReadError};
    read(path, MAX_FILE_BYTES).map_err(|e| match e {
        ReadError::Io(e) => format!("cannot read file: {e}"),
        ReadError::TooLarge { max } => format!("file is larger than the {} limit", size(max)),
        ReadError::NotUtf8(_) => "file is not valid UTF-8".to_string(),
    })
}

/// The deepest bracket nesting of a text (a cheap guard run before the recursive parser).
pub(crate) fn nesting_depth(text: &str) -> (usize, usize) {
    let mut depth = 0usize;
    let mut max = 0usize;
    let mut at = 0usize;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    max = depth;
                    at = i;
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    (max, at)
}

/// Parses HCL text, with the nesting guard; errors carry a position.
pub(crate) fn parse_hcl(file: &SrcFile) -> Result<Body, (Pos, String)> {
    let (depth, at) = nesting_depth(&file.text);
    if depth > MAX_HCL_NESTING {
        return Err((
            file.pos(at),
            format!("nesting deeper than {MAX_HCL_NESTING} levels"),
        ));
    }
    hcl_edit::parser::parse_body(&file.text).map_err(|e| {
        let loc = e.location();
        (
            file.pos(loc.offset()),
            format!("invalid HCL: {}", e.message()),
        )
    })
}

impl Loader {
    /// Loads `dir` and its local modules; returns the index of its definition.
    pub fn load(&mut self, dir: &Path) -> usize {
        let mut stack = Vec::new();
        self.load_dir(dir, &mut stack)
    }

    /// The canonical directory of every module read, with its index in `defs`.
    pub fn dirs(&self) -> impl Iterator<Item = (&PathBuf, usize)> {
        self.by_dir.iter().map(|(k, &i)| (k, i))
    }

    fn load_dir(&mut self, dir: &Path, stack: &mut Vec<PathBuf>) -> usize {
        let key = canon(dir);
        if let Some(&i) = self.by_dir.get(&key) {
            return i;
        }
        let mut names: Vec<PathBuf> = Vec::new();
        let mut var_files: Vec<PathBuf> = Vec::new();
        match std::fs::read_dir(dir) {
            Ok(rd) => {
                for e in rd.filter_map(Result::ok) {
                    let name = e.file_name();
                    let Some(n) = name.to_str() else { continue };
                    let tf = (n.ends_with(".tf") || n.ends_with(".tf.json")) && !n.starts_with('.');
                    let vars = n == "terraform.tfvars"
                        || n == "terraform.tfvars.json"
                        || n.ends_with(".auto.tfvars")
                        || n.ends_with(".auto.tfvars.json");
                    if !tf && !vars {
                        continue;
                    }
                    // The entry's type comes with the listing; only a symlink needs a stat.
                    let is_file = match e.file_type() {
                        Ok(t) if t.is_symlink() => e.path().is_file(),
                        Ok(t) => t.is_file(),
                        Err(_) => false,
                    };
                    if !is_file {
                        continue;
                    }
                    if tf {
                        names.push(e.path());
                    } else {
                        var_files.push(e.path());
                    }
                }
            }
            Err(e) => {
                self.errors.push(InputError::new(
                    dir,
                    Pos::NONE,
                    format!("cannot read directory: {e}"),
                ));
            }
        };
        // Terraform's order: terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars* in
        // lexical order.
        var_files.sort_by_key(|p| {
            let n = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            let rank = match n {
                "terraform.tfvars" => 0,
                "terraform.tfvars.json" => 1,
                _ => 2,
            };
            (rank, p.clone())
        });
        names.sort();
        let mut texts = Vec::new();
        for path in names {
            self.files.push(path.clone());
            match read_text(&path) {
                Ok(t) => texts.push((path, t)),
                Err(msg) => self.errors.push(InputError::new(&path, Pos::NONE, msg)),
            }
        }
        let idx = self.add_module(dir, key.clone(), var_files, texts);
        // Local module calls.
        let mut calls: Vec<(String, String, PathBuf, Pos)> = Vec::new();
        for (src, parsed) in &self.defs[idx].files {
            for (name, source, pos) in module_sources(src, parsed) {
                calls.push((name, source, src.path.to_path_buf(), pos));
            }
        }
        stack.push(key);
        let mut children = HashMap::new();
        for (name, source, file, pos) in calls {
            let child = if is_local(&source) {
                let cdir = dir.join(&source);
                let ckey = canon(&cdir);
                if stack.contains(&ckey) {
                    self.errors.push(InputError::new(
                        &file,
                        pos,
                        format!("module `{name}` calls itself (cycle through `{source}`)"),
                    ));
                    ChildSrc::Missing(format!("module `{name}` is part of a module cycle"))
                } else if stack.len() >= MAX_MODULE_DEPTH {
                    self.errors.push(InputError::new(
                        &file,
                        pos,
                        format!("module nesting deeper than {MAX_MODULE_DEPTH} levels"),
                    ));
                    ChildSrc::Missing(format!("module `{name}` nested too deeply"))
                } else if !cdir.is_dir() {
                    self.errors.push(InputError::new(
                        &file,
                        pos,
                        format!("module `{name}`: source directory `{source}` not found"),
                    ));
                    ChildSrc::Missing(format!("module `{name}` source `{source}` not found"))
                } else {
                    ChildSrc::Local(self.load_dir(&cdir, stack))
                }
            } else {
                ChildSrc::Remote(source)
            };
            children.insert(name, child);
        }
        stack.pop();
        self.defs[idx].children = children;
        idx
    }

    /// Parses the texts of one module's files (`.tf.json` by name, HCL otherwise) and adds the
    /// module; syntax errors are recorded. Returns the index of its definition.
    fn add_module(
        &mut self,
        dir: &Path,
        key: PathBuf,
        var_files: Vec<PathBuf>,
        texts: Vec<(PathBuf, String)>,
    ) -> usize {
        let mut files = Vec::new();
        for (path, text) in texts {
            let is_json = path.to_string_lossy().ends_with(".json");
            let fref: FileRef = Arc::new(path.clone());
            self.table.push(fref.clone());
            let file_id = self.table.len() as u32;
            let src = SrcFile::new(fref, text, file_id);
            let parsed = if is_json {
                crate::json::parse(&src.text)
                    .map(|mut n| {
                        set_file(&mut n, file_id);
                        Parsed::Json(n)
                    })
                    .map_err(|e| (e.pos, format!("invalid JSON: {}", e.message)))
            } else {
                parse_hcl(&src).map(Parsed::Hcl)
            };
            match parsed {
                Ok(p) => files.push((src, p)),
                Err((pos, msg)) => {
                    self.errors
                        .push(InputError::new(&path, Pos::new(pos.line, pos.col), msg))
                }
            }
        }
        let idx = self.defs.len();
        self.by_dir.insert(key, idx);
        self.defs.push(ModuleDef {
            dir: dir.to_path_buf(),
            var_files,
            files,
            children: HashMap::new(),
        });
        idx
    }

    /// Loads one module from file texts held in memory, `(path, text)` pairs. Nothing is read
    /// from disk: local module calls are not followed (the module's outputs are unknown) and
    /// there are no variable files. Returns the index of its definition.
    pub fn load_texts(&mut self, dir: &Path, texts: Vec<(PathBuf, String)>) -> usize {
        self.files.extend(texts.iter().map(|(p, _)| p.clone()));
        let idx = self.add_module(dir, dir.to_path_buf(), Vec::new(), texts);
        let mut children = HashMap::new();
        for (src, parsed) in &self.defs[idx].files {
            for (name, source, _) in module_sources(src, parsed) {
                let child = if is_local(&source) {
                    ChildSrc::Missing(format!(
                        "module `{name}`: local source `{source}` is not read for files held in memory"
                    ))
                } else {
                    ChildSrc::Remote(source)
                };
                children.insert(name, child);
            }
        }
        self.defs[idx].children = children;
        idx
    }
}

/// A module source that is a local directory (`./x`, `../x`).
fn is_local(source: &str) -> bool {
    source.starts_with("./") || source.starts_with("../")
}

/// `module "name" { source = "..." }` declarations of a file, with literal sources only.
fn module_sources(src: &SrcFile, parsed: &Parsed) -> Vec<(String, String, Pos)> {
    let mut out = Vec::new();
    match parsed {
        Parsed::Hcl(body) => {
            for b in body.get_blocks("module") {
                let Some(name) = b.labels.first().map(|l| l.as_str().to_string()) else {
                    continue;
                };
                let source = match b.body.get_attribute("source").map(|a| &a.value) {
                    Some(Expression::String(s)) => s.value().clone(),
                    _ => String::new(),
                };
                out.push((name, source, src.span_pos(b.span())));
            }
        }
        Parsed::Json(root) => {
            for (labels, map, pos) in json_blocks(root.get("module"), 1) {
                let source = map
                    .get("source")
                    .and_then(|s| s.as_str())
                    .unwrap_or_default()
                    .to_string();
                out.push((labels[0].clone(), source, pos));
            }
        }
    }
    out
}

/// Blocks in Terraform JSON syntax: `{"label1": {"label2": {...body}}}`, where any level may also
/// be an array of such objects.
pub(crate) fn json_blocks(node: Option<&Node>, labels: usize) -> Vec<(Vec<String>, &Map, Pos)> {
    let mut out = Vec::new();
    if let Some(n) = node {
        walk_json_blocks(n, labels, &mut Vec::new(), &mut out);
    }
    out
}

fn walk_json_blocks<'a>(
    n: &'a Node,
    left: usize,
    labels: &mut Vec<String>,
    out: &mut Vec<(Vec<String>, &'a Map, Pos)>,
) {
    match &n.v {
        V::Seq(items) => {
            for i in items {
                walk_json_blocks(i, left, labels, out);
            }
        }
        V::Map(m) if left == 0 => out.push((labels.clone(), m, n.pos)),
        V::Map(m) => {
            for e in &m.entries {
                labels.push(e.key.to_string());
                walk_json_blocks(&e.value, left - 1, labels, out);
                labels.pop();
            }
        }
        _ => {}
    }
}

/// An expression: HCL syntax, or a JSON value whose strings are templates.
#[derive(Clone, Copy)]
pub(crate) enum Ex<'d> {
    Hcl(&'d Expression, &'d SrcFile),
    Json(&'d Node),
}

/// A block body.
#[derive(Clone, Copy)]
pub(crate) enum Bd<'d> {
    Hcl(&'d Body, &'d SrcFile),
    Json(&'d Map),
}

impl<'d> Bd<'d> {
    /// The expression of attribute `name`, if set as an attribute.
    pub fn attr(self, name: &str) -> Option<Ex<'d>> {
        match self {
            Bd::Hcl(b, f) => b.get_attribute(name).map(|a| Ex::Hcl(&a.value, f)),
            Bd::Json(m) => m.get(name).map(Ex::Json),
        }
    }
}

pub(crate) struct VarDecl<'d> {
    pub name: String,
    pub default: Option<Ex<'d>>,
    /// Declared `type` is `string` or absent: command-line values are taken literally.
    pub literal_cli: bool,
}

pub(crate) struct ResDecl<'d> {
    pub data: bool,
    pub rtype: String,
    pub name: String,
    pub body: Bd<'d>,
    pub file: &'d SrcFile,
    pub pos: Pos,
    pub count: Option<Ex<'d>>,
    pub for_each: Option<Ex<'d>>,
}

pub(crate) struct CallDecl<'d> {
    pub name: String,
    pub body: Bd<'d>,
    pub count: Option<Ex<'d>>,
    pub for_each: Option<Ex<'d>>,
    pub child: ChildSrc,
}

/// The declarations of one module definition.
pub(crate) struct ModIndex<'d> {
    pub dir: &'d Path,
    pub vars: Vec<VarDecl<'d>>,
    pub locals: HashMap<String, Ex<'d>>,
    pub res: Vec<ResDecl<'d>>,
    pub res_by_key: HashMap<(bool, String, String), usize>,
    pub calls: Vec<CallDecl<'d>>,
    pub outputs: HashMap<String, Ex<'d>>,
}

impl<'d> ModIndex<'d> {
    pub fn build(def: &'d ModuleDef) -> Self {
        let mut ix = ModIndex {
            dir: &def.dir,
            vars: Vec::new(),
            locals: HashMap::new(),
            res: Vec::new(),
            res_by_key: HashMap::new(),
            calls: Vec::new(),
            outputs: HashMap::new(),
        };
        let mut seen_vars = HashSet::new();
        for (src, parsed) in &def.files {
            match parsed {
                Parsed::Hcl(body) => {
                    for b in body.blocks() {
                        ix.add_hcl_block(def, src, b, &mut seen_vars);
                    }
                }
                Parsed::Json(root) => ix.add_json(def, src, root, &mut seen_vars),
            }
        }
        ix
    }

    fn add_hcl_block(
        &mut self,
        def: &'d ModuleDef,
        src: &'d SrcFile,
        b: &'d Block,
        seen_vars: &mut HashSet<String>,
    ) {
        let labels: Vec<&str> = b.labels.iter().map(|l| l.as_str()).collect();
        let pos = src.span_pos(b.span());
        let body = Bd::Hcl(&b.body, src);
        match (b.ident.as_str(), labels.as_slice()) {
            ("variable", [name]) if seen_vars.insert(name.to_string()) => {
                let literal_cli = match b.body.get_attribute("type").map(|a| &a.value) {
                    None => true,
                    Some(Expression::Variable(v)) => v.as_str() == "string",
                    Some(_) => false,
                };
                self.vars.push(VarDecl {
                    name: name.to_string(),
                    default: body.attr("default"),
                    literal_cli,
                });
            }
            ("locals", []) => {
                for a in b.body.attributes() {
                    self.locals
                        .insert(a.key.as_str().to_string(), Ex::Hcl(&a.value, src));
                }
            }
            ("output", [name]) => {
                if let Some(v) = body.attr("value") {
                    self.outputs.insert(name.to_string(), v);
                }
            }
            ("resource", [t, n]) | ("data", [t, n]) => {
                self.add_res(b.ident.as_str() == "data", t, n, body, src, pos);
            }
            ("module", [name]) => self.add_call(def, name, body),
            _ => {}
        }
    }

    fn add_res(&mut self, data: bool, t: &str, n: &str, body: Bd<'d>, src: &'d SrcFile, pos: Pos) {
        let key = (data, t.to_string(), n.to_string());
        if self.res_by_key.contains_key(&key) {
            return;
        }
        self.res_by_key.insert(key, self.res.len());
        self.res.push(ResDecl {
            data,
            rtype: t.to_string(),
            name: n.to_string(),
            body,
            file: src,
            pos,
            count: body.attr("count"),
            for_each: body.attr("for_each"),
        });
    }

    fn add_call(&mut self, def: &'d ModuleDef, name: &str, body: Bd<'d>) {
        if self.calls.iter().any(|c| c.name == name) {
            return;
        }
        let child = def
            .children
            .get(name)
            .cloned()
            .unwrap_or_else(|| ChildSrc::Missing(format!("module `{name}` has no source")));
        self.calls.push(CallDecl {
            name: name.to_string(),
            body,
            count: body.attr("count"),
            for_each: body.attr("for_each"),
            child,
        });
    }

    fn add_json(
        &mut self,
        def: &'d ModuleDef,
        src: &'d SrcFile,
        root: &'d Node,
        seen_vars: &mut HashSet<String>,
    ) {
        for (l, m, _) in json_blocks(root.get("variable"), 1) {
            if seen_vars.insert(l[0].clone()) {
                let literal_cli = match m.get("type").and_then(|t| t.as_str()) {
                    None => true,
                    Some(t) => t == "string" || t == "${string}",
                };
                self.vars.push(VarDecl {
                    name: l[0].clone(),
                    default: m.get("default").map(Ex::Json),
                    literal_cli,
                });
            }
        }
        for (_, m, _) in json_blocks(root.get("locals"), 0) {
            for e in &m.entries {
                self.locals.insert(e.key.to_string(), Ex::Json(&e.value));
            }
        }
        for (l, m, _) in json_blocks(root.get("output"), 1) {
            if let Some(v) = m.get("value") {
                self.outputs.insert(l[0].clone(), Ex::Json(v));
            }
        }
        for (mode, data) in [("resource", false), ("data", true)] {
            for (l, m, pos) in json_blocks(root.get(mode), 2) {
                self.add_res(data, &l[0], &l[1], Bd::Json(m), src, pos);
            }
        }
        for (l, m, _) in json_blocks(root.get("module"), 1) {
            self.add_call(def, &l[0], Bd::Json(m));
        }
    }
}
