//! Terraform: HCL and JSON configuration (a directory as a module, local modules recursively)
//! and plan JSON (`terraform show -json`) into the normalized model.
//!
//! Configuration is evaluated statically: variables (defaults, `terraform.tfvars`,
//! `*.auto.tfvars` in lexical order, then `--var-file` files, then `--var` values), locals,
//! references, templates, conditionals, for-expressions, splats and the common functions.
//! Anything not statically certain is unknown with the reason; an attribute of another resource
//! that its source does not set statically is a reference (`V::Ref`) so the adapter can join
//! resources by reference.
//!
//! `count` and `for_each` expand into instance addresses (`aws_s3_bucket.b[0]`,
//! `aws_s3_bucket.b["logs"]`). When the count or collection is not known statically the
//! resource yields a single instance addressed `aws_x.y[*]` whose `count.index` / `each.*` are
//! unknown, so only the attributes that depend on them are unknown.
//!
//! Remote modules are not fetched: their outputs are unknown and their resources absent.
//! `file()` and the like are never evaluated.

mod adapter;
mod eval;
mod funcs;
mod plan;
mod policy;
mod source;
mod spelling;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use wasp_core::{InputError, Pos};
use wasp_model::{Model, Node, SourceInfo};

use adapter::RawRes;
use eval::Eval;
use source::{canon, parse_hcl, read_text, Loader, Loc, ModIndex, SrcFile};

pub use plan::{is_plan, load_plan};

/// Terraform configuration (HCL, `.tf.json`) as a source of the model.
pub static SOURCE: SourceInfo = SourceInfo {
    name: "terraform",
    spelling: spelling::SPELLING,
};

/// Terraform plans (`terraform show -json`) as a source of the model: planned values spelled
/// as the configuration spells them.
pub static PLAN_SOURCE: SourceInfo = SourceInfo {
    name: "terraform_plan",
    spelling: spelling::SPELLING,
};

/// Variable values given on the command line.
#[derive(Debug, Clone, Default)]
pub struct TfOptions {
    /// `--var name=value`, in order (later wins).
    pub vars: Vec<(String, String)>,
    /// `--var-file` paths, in order (later wins; all before `vars`).
    pub var_files: Vec<PathBuf>,
}

/// What loading one root module (or one plan) produced.
#[derive(Debug, Clone, Default)]
pub struct TfLoad {
    pub model: Model,
    pub errors: Vec<InputError>,
    /// Files read.
    pub files: Vec<PathBuf>,
}

/// Loads each directory (holding .tf / .tf.json files) as a root module. A directory that another
/// given directory uses as a local module is not loaded again as a root (its resources appear under
/// `module.<name>.` of the caller), so findings are not duplicated.
pub fn load_dirs(dirs: &[PathBuf], opts: &TfOptions) -> Vec<TfLoad> {
    let (loads, keys): (Vec<TfLoad>, Vec<RootKeys>) = dirs
        .iter()
        .map(|d| {
            let r = load_root_dir(d, opts);
            (r.load, r.keys)
        })
        .unzip();
    let drop = wasp_source::redundant(keys.iter().map(|k| (Some(k.key.as_path()), &k.reached)));
    loads
        .into_iter()
        .zip(drop)
        .filter(|(_, d)| !d)
        .map(|(l, _)| l)
        .collect()
}

/// One directory loaded as a root module, with what [`wasp_source::redundant`] needs to tell
/// whether another root already covers it.
#[derive(Debug, Default)]
pub struct TfRoot {
    pub load: TfLoad,
    pub keys: RootKeys,
}

/// Where a root module is and which module directories it uses.
#[derive(Debug, Default, Clone)]
pub struct RootKeys {
    /// The directory, canonicalized.
    pub key: PathBuf,
    /// The directories of the local modules it calls (canonicalized, recursively).
    pub reached: HashSet<PathBuf>,
}

/// Loads one directory as a root module. Each directory is independent of the others, so
/// callers may load many in parallel and decide afterwards, with [`wasp_source::redundant`],
/// which to keep.
pub fn load_root_dir(dir: &Path, opts: &TfOptions) -> TfRoot {
    let mut loader = Loader::default();
    let root = loader.load(dir);
    let mut key = None;
    let mut reached = HashSet::new();
    for (k, i) in loader.dirs() {
        if i == root {
            key = Some(k.clone());
        } else {
            reached.insert(k.clone());
        }
    }
    let key = key.unwrap_or_else(|| canon(dir));
    TfRoot {
        load: load_root(loader, root, opts),
        keys: RootKeys { key, reached },
    }
}

/// Loads one root module from file texts held in memory, `(path, text)` pairs (`.tf.json` by
/// name, HCL otherwise), through the same parser and evaluator as [`load_root_dir`]. Nothing is
/// read from disk: local module calls are not followed (their outputs are unknown), there are
/// no automatic variable files, and `opts.var_files` is left out (`opts.vars` apply). For the
/// fuzz targets and for tests.
#[doc(hidden)]
pub fn load_module_texts(dir: &Path, files: &[(PathBuf, String)], opts: &TfOptions) -> TfLoad {
    let mut loader = Loader::default();
    let root = loader.load_texts(dir, files.to_vec());
    let opts = TfOptions {
        vars: opts.vars.clone(),
        var_files: Vec::new(),
    };
    load_root(loader, root, &opts)
}

fn load_root(loader: Loader, root: usize, opts: &TfOptions) -> TfLoad {
    let Loader {
        defs,
        mut errors,
        mut files,
        table,
        ..
    } = loader;
    let marked: Vec<(PathBuf, Vec<String>)> = defs
        .iter()
        .flat_map(|d| &d.files)
        .filter_map(|(src, _)| {
            wasp_model::marked_lines(&src.text).map(|l| (src.path.to_path_buf(), l))
        })
        .collect();
    let idx: Vec<ModIndex<'_>> = defs.iter().map(ModIndex::build).collect();
    let mut ev = Eval::new(&idx);
    // A scratch instance evaluates constant expressions of variable files.
    let scratch = ev.root(root, HashMap::new());
    let mut given: HashMap<String, Node> = HashMap::new();
    let var_files = defs[root].var_files.clone();
    for p in &var_files {
        read_var_file(&mut ev, scratch, p, &mut given, &mut errors);
        files.push(p.clone());
    }
    for p in &opts.var_files {
        read_var_file(&mut ev, scratch, p, &mut given, &mut errors);
        files.push(p.clone());
    }
    for (k, v) in &opts.vars {
        let node = if ev.var_literal_cli(scratch, k) == Some(false) {
            match hcl_edit::parser::parse_expr(v) {
                Ok(e) => {
                    let f = SrcFile::new(Arc::new(PathBuf::from("<--var>")), v.clone(), 0);
                    ev.hx(scratch, &e, Loc::File(&f), &eval::Bind::default(), 0)
                }
                Err(_) => Node::str(Pos::NONE, v.as_str()),
            }
        } else {
            Node::str(Pos::NONE, v.as_str())
        };
        given.insert(k.clone(), node);
    }
    let m = ev.root(root, given);
    let mut res = Vec::new();
    ev.collect(m, &mut res, 0);
    let raw = res
        .into_iter()
        .map(|r| RawRes {
            address: r.address,
            rtype: r.rtype,
            file: r.file,
            pos: r.pos,
            body: r.body,
            refs: r.refs,
        })
        .collect();
    let mut model = adapter::adapt(raw, &SOURCE, table);
    model.marked_lines = Some(marked);
    TfLoad {
        model,
        errors,
        files,
    }
}

/// Reads a `.tfvars` (HCL) or `.tfvars.json` file into `given`.
fn read_var_file(
    ev: &mut Eval<'_>,
    m: usize,
    path: &Path,
    given: &mut HashMap<String, Node>,
    errors: &mut Vec<InputError>,
) {
    let text = match read_text(path) {
        Ok(t) => t,
        Err(msg) => {
            errors.push(InputError::new(path, Pos::NONE, msg));
            return;
        }
    };
    let file = SrcFile::new(Arc::new(path.to_path_buf()), text, 0);
    if path.to_string_lossy().ends_with(".json") {
        match crate::json::parse(&file.text) {
            Ok(Node {
                v: wasp_model::V::Map(map),
                ..
            }) => {
                for e in map.entries {
                    given.insert(e.key.to_string(), e.value);
                }
            }
            Ok(n) => errors.push(InputError::new(
                path,
                n.pos,
                "variable file must hold a JSON object",
            )),
            Err(e) => errors.push(InputError::new(
                path,
                e.pos,
                format!("invalid JSON: {}", e.message),
            )),
        }
        return;
    }
    match parse_hcl(&file) {
        Ok(body) => {
            for a in body.attributes() {
                let v = ev.hx(m, &a.value, Loc::File(&file), &eval::Bind::default(), 0);
                given.insert(a.key.as_str().to_string(), v);
            }
        }
        Err((pos, msg)) => errors.push(InputError::new(path, Pos::new(pos.line, pos.col), msg)),
    }
}
