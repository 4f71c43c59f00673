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
mod spelling;
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

pub use spelling::{Property, SourceInfo, Spelling};

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
    /// The source it was read from (`format` in its JSON form: `cloudformation`, `terraform`,
    /// `terraform_plan`), which also says how the source spells the model's properties.
    #[serde(rename = "format", serialize_with = "json::source_name")]
    pub source: &'static SourceInfo,
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
    /// A model field (`encrypted`, `metadata.http_tokens`) as the resource's source spells it
    /// (`Encrypted`, `MetadataOptions.HttpTokens`), for messages; the field itself when the
    /// source has no spelling of its own.
    pub fn property(&self, field: &'static str) -> &'static str {
        self.source.property(self.kind.tag(), field)
    }

    /// Whether the resource's source can declare a model field at all (CloudFormation cannot
    /// set a bucket's MFA delete, say).
    pub fn declares(&self, field: &str) -> bool {
        self.source.declares(self.kind.tag(), field)
    }

    /// A value of a model field as the resource's source writes it (`ENABLED` for an ECS
    /// service's `assign_public_ip` of `true` in CloudFormation); `value` itself otherwise.
    pub fn spell_value<'a>(&self, field: &str, value: &'a str) -> &'a str {
        self.source.spell_value(self.kind.tag(), field, value)
    }

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
