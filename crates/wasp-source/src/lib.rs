//! What every source of the model shares.
//!
//! A source turns input into the normalized model ([`wasp_model`]): CloudFormation templates,
//! Terraform modules and plans today; AWS Config snapshots and CLI output next. The engine walks
//! the given paths once ([`walk`]), offers every file to every source ([`Source::claim`]), reads
//! each claimed file once, and asks the claiming sources in turn to load it
//! ([`Source::load_file`]); a source that reads whole directories ([`Claim::Directory`]) loads
//! each of them as one unit ([`Source::load_directory`]). A source knows nothing of controls,
//! suppressions or reports; its options (CloudFormation parameters, Terraform variables) are its
//! own, set when it is built.

pub mod walk;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use wasp_core::InputError;
use wasp_model::Model;

pub use walk::{absolute, extension, path_order, walk, PathMatcher, PatternError, Walked};

/// What a source makes of a walked file, from its name alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    /// Not this source's.
    No,
    /// A file to read on its own; its content decides. `expected`: the name says it should be
    /// this source's (a `.yaml` may be a template), so a file that cannot be read or does not
    /// parse is an input error; otherwise such a file is passed over in silence.
    File { expected: bool },
    /// A file of a unit that is its whole directory (a Terraform module).
    Directory,
}

/// One unit of input (a template, a plan, a root module with its local modules), loaded.
#[derive(Debug, Default)]
pub struct Unit {
    pub model: Model,
    /// What could not be read or understood; the rest of the unit is still loaded.
    pub errors: Vec<InputError>,
    /// Files it read.
    pub files: usize,
    /// A directory whose directory units are not loaded at all, because this unit holds their
    /// exact content (a Terraform plan supersedes the configuration of its own directory).
    pub supersedes: Option<PathBuf>,
    /// A directory unit's own directory (canonical), and the other directories it reads (its
    /// local modules): a unit whose directory another unit reads, without reading that one
    /// back, is left out, since its resources are that unit's ([`redundant`]).
    pub root: Option<PathBuf>,
    pub reaches: HashSet<PathBuf>,
}

impl Unit {
    /// A unit of one file that holds nothing but an input error.
    pub fn error(e: InputError, files: usize) -> Unit {
        Unit {
            errors: vec![e],
            files,
            ..Unit::default()
        }
    }
}

/// A source of the model.
pub trait Source: Send + Sync + fmt::Debug {
    /// Its name, as resources name their source (`cloudformation`).
    fn name(&self) -> &'static str;

    /// What it makes of a walked file, by its name.
    fn claim(&self, path: &Path) -> Claim;

    /// Loads a file it claimed with [`Claim::File`], from its text (read once for every source
    /// that claimed it): `None` when the content is not this source's.
    fn load_file(&self, path: &Path, text: &str, expected: bool) -> Option<Unit> {
        let _ = (path, text, expected);
        None
    }

    /// Loads a directory holding files it claimed with [`Claim::Directory`], as one unit.
    /// Directories are loaded independently (in parallel); [`redundant`] then leaves out those
    /// another unit covers.
    fn load_directory(&self, dir: &Path) -> Unit {
        let _ = dir;
        Unit::default()
    }
}

/// For each unit (its `root` and `reaches`, as in [`Unit`]), whether to leave it out: it
/// repeats an earlier unit's directory, or another unit reads its directory and is not read
/// back by it. Linear in the number of units and the directories they reach.
pub fn redundant<'a>(
    units: impl IntoIterator<Item = (Option<&'a Path>, &'a HashSet<PathBuf>)>,
) -> Vec<bool> {
    let units: Vec<(Option<&Path>, &HashSet<PathBuf>)> = units.into_iter().collect();
    // directory → the units that reach it
    let mut reached_by: HashMap<&Path, Vec<usize>> = HashMap::new();
    for (j, (_, reaches)) in units.iter().enumerate() {
        for d in reaches.iter() {
            reached_by.entry(d.as_path()).or_default().push(j);
        }
    }
    let mut seen: HashSet<&Path> = HashSet::new();
    units
        .iter()
        .enumerate()
        .map(|(i, (root, reaches))| {
            let Some(root) = root else {
                return false;
            };
            let dup = !seen.insert(root);
            let used_by_other = reached_by.get(root).is_some_and(|js| {
                js.iter()
                    .any(|&j| j != i && units[j].0.is_none_or(|other| !reaches.contains(other)))
            });
            dup || used_by_other
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(root: &str, reaches: &[&str]) -> Unit {
        Unit {
            root: Some(PathBuf::from(root)),
            reaches: reaches.iter().map(PathBuf::from).collect(),
            ..Unit::default()
        }
    }

    #[test]
    fn a_unit_another_reads_is_redundant_unless_it_reads_back() {
        let units = [
            unit("/r/app", &["/r/modules/net"]),
            unit("/r/modules/net", &[]),
            unit("/r/a", &["/r/b"]),
            unit("/r/b", &["/r/a"]),
            unit("/r/app", &[]),
            Unit::default(),
        ];
        assert_eq!(
            redundant(units.iter().map(|u| (u.root.as_deref(), &u.reaches))),
            [false, true, false, false, true, false]
        );
    }
}
