//! The normalized AWS resource model.
//!
//! Loaders turn source files into [`Node`] trees; source adapters turn those into typed
//! [`Resource`]s; controls read only the typed model.

pub mod data;
pub mod detection;
pub mod identity;
mod json;
pub mod network;
pub mod node;
pub mod resources;
pub mod value;

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde::Serialize;
use wasp_core::{FileRef, Location, Pos, ResourceRef};

pub use data::*;
pub use detection::*;
pub use identity::*;
pub use network::*;
pub use node::{Entry, Map, Node, Ref, V};
pub use resources::*;
pub use value::{items, path, value, FromNode, Value, REF_PREFIX};

/// The source format a resource was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    #[serde(rename = "cloudformation")]
    CloudFormation,
    Terraform,
    TerraformPlan,
}

/// One normalized resource. Its JSON form (what custom controls read) is described in
/// docs/custom-controls.md: positions and suppressions are left out, the kind's fields follow
/// its name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resource {
    /// CloudFormation logical id or Terraform instance address.
    pub address: String,
    /// The type as the source names it: `AWS::S3::Bucket`, `aws_s3_bucket`.
    #[serde(rename = "type")]
    pub source_type: String,
    pub format: SourceFormat,
    #[serde(serialize_with = "json::file")]
    pub file: FileRef,
    #[serde(skip)]
    pub pos: Pos,
    #[serde(flatten)]
    pub kind: Kind,
    /// Addresses of resources this one refers to (edges of the graph).
    pub refs: BTreeSet<String>,
    /// Suppressions written in the resource's own definition (CloudFormation
    /// `Metadata: {wasp: {ignore: [...]}}`); comment suppressions are read by the scan.
    #[serde(skip)]
    pub ignores: Vec<Ignore>,
}

/// A suppression of one control on one resource, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignore {
    /// Control id or name, as written.
    pub control: String,
    pub reason: String,
    pub pos: Pos,
}

impl Resource {
    pub fn reference(&self) -> ResourceRef {
        ResourceRef {
            address: self.address.clone(),
            resource_type: self.source_type.clone(),
        }
    }
}

/// All resources loaded from one unit (a CloudFormation template or a Terraform module tree).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Model {
    pub resources: Vec<Resource>,
    /// Files that positions with `Pos::file > 0` point into (see [`Pos`]).
    pub files: Vec<FileRef>,
    /// The lines of each source file holding the `wasp:ignore` marker, for comment
    /// suppressions, as the loader read them (`Some(empty)`: no file has one). `None` when
    /// the loader did not keep them: the files are read again.
    pub marked_lines: Option<Vec<(PathBuf, Vec<String>)>>,
}

/// The lines of `text` when it holds the comment-suppression marker `wasp:ignore`.
pub fn marked_lines(text: &str) -> Option<Vec<String>> {
    text.contains("wasp:ignore")
        .then(|| text.lines().map(str::to_string).collect())
}

impl Model {
    /// The location of `pos` (a position inside `res`), or of the resource itself when `pos` is
    /// unknown.
    pub fn location(&self, res: &Resource, pos: Option<Pos>) -> Location {
        let pos = pos.filter(|p| p.is_known()).unwrap_or(res.pos);
        let file = match pos.file {
            0 => &res.file,
            k => self.files.get(k as usize - 1).unwrap_or(&res.file),
        };
        Location::new(file.as_path(), Pos::new(pos.line, pos.col))
    }

    pub fn get(&self, address: &str) -> Option<&Resource> {
        self.resources.iter().find(|r| r.address == address)
    }
}
