//! The normalized AWS resource model.
//!
//! Loaders turn source files into [`Node`] trees; source adapters turn those into typed
//! [`Resource`]s; controls read only the typed model.
//!
//! The typed resources live in one module per AWS service ([`s3`], [`ec2`], [`iam`], ...),
//! named as the controls' service folders; [`kind`] lists them as kinds, and [`shared`] holds
//! what several services use (policy documents, links). Every type is re-exported here.

pub mod kind;
pub mod node;
pub mod shared;
pub mod value;

mod index;
mod json;
mod spelling;

// The resources of each AWS service, one module a service, named as the controls' folders.
pub mod accessanalyzer;
pub mod acm;
pub mod apigateway;
pub mod backup;
pub mod cloudfront;
pub mod cloudtrail;
pub mod codebuild;
pub mod cognito;
pub mod config;
pub mod dms;
pub mod dynamodb;
pub mod ec2;
pub mod ecr;
pub mod ecs;
pub mod efs;
pub mod eks;
pub mod elasticache;
pub mod elb;
pub mod firehose;
pub mod guardduty;
pub mod iam;
pub mod kinesis;
pub mod kms;
pub mod lambda;
pub mod logs;
pub mod macie;
pub mod mq;
pub mod opensearch;
pub mod rds;
pub mod redshift;
pub mod s3;
pub mod secrets;
pub mod securityhub;
pub mod sns;
pub mod sqs;
pub mod ssm;
pub mod vpc;
pub mod waf;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;
use wasp_core::{FileRef, Location, Pos, ResourceRef};

pub use kind::*;
pub use node::{Entry, Map, Node, Ref, V};
pub use shared::*;
pub use value::{items, path, value, FromNode, Value, REF_PREFIX};

pub use accessanalyzer::*;
pub use acm::*;
pub use apigateway::*;
pub use backup::*;
pub use cloudfront::*;
pub use cloudtrail::*;
pub use codebuild::*;
pub use cognito::*;
pub use config::*;
pub use dms::*;
pub use dynamodb::*;
pub use ec2::*;
pub use ecr::*;
pub use ecs::*;
pub use efs::*;
pub use eks::*;
pub use elasticache::*;
pub use elb::*;
pub use firehose::*;
pub use guardduty::*;
pub use iam::*;
pub use kinesis::*;
pub use kms::*;
pub use lambda::*;
pub use logs::*;
pub use macie::*;
pub use mq::*;
pub use opensearch::*;
pub use rds::*;
pub use redshift::*;
pub use s3::*;
pub use secrets::*;
pub use securityhub::*;
pub use sns::*;
pub use sqs::*;
pub use ssm::*;
pub use vpc::*;
pub use waf::*;

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
    /// Other names the resource is known by where it is deployed: its ARN, its resource id.
    /// Empty for resources read from templates, whose ids exist only once deployed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ids: Vec<String>,
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
        self.source
            .property(self.kind.tag(), &self.source_type, field)
    }

    /// Whether the resource's source can declare a model field at all (CloudFormation cannot
    /// set a bucket's MFA delete, say).
    pub fn declares(&self, field: &str) -> bool {
        self.source
            .declares(self.kind.tag(), &self.source_type, field)
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

/// All resources loaded from one unit (a CloudFormation template, a Terraform module tree, an
/// account's snapshot).
///
/// Lookups by address or id and by kind go through an index built on the first lookup, so a
/// control that looks up other resources costs the same on a template of ten resources and on
/// an account of a hundred thousand. `resources` must not change once the model is looked up
/// (loaders build it whole first); if it does, lookups fall back to scanning.
#[derive(Debug, Clone, Default)]
pub struct Model {
    pub resources: Vec<Resource>,
    /// Files that positions with `Pos::file > 0` point into (see [`Pos`]).
    pub files: Vec<FileRef>,
    /// The lines of each source file holding the `wasp:ignore` marker, for comment
    /// suppressions, as the loader read them (`Some(empty)`: no file has one). `None` when
    /// the loader did not keep them: the files are read again.
    pub marked_lines: Option<Vec<(PathBuf, Vec<String>)>>,
    index: index::Index,
}

/// Models are equal when their contents are; indexes and memos are not compared.
impl PartialEq for Model {
    fn eq(&self, other: &Model) -> bool {
        self.resources == other.resources
            && self.files == other.files
            && self.marked_lines == other.marked_lines
    }
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

    /// A model of these resources, with positions in `files`.
    pub fn new(resources: Vec<Resource>, files: Vec<FileRef>) -> Model {
        Model {
            resources,
            files,
            ..Model::default()
        }
    }

    /// The resource at this address (CloudFormation logical id, Terraform address), or known
    /// by this id (ARN, resource id) where it is deployed.
    pub fn get(&self, address_or_id: &str) -> Option<&Resource> {
        match self.index.get(&self.resources) {
            Some(ix) => ix
                .by_name
                .get(address_or_id)
                .map(|&i| &self.resources[i as usize]),
            None => self
                .resources
                .iter()
                .find(|r| r.address == address_or_id || r.ids.iter().any(|i| i == address_or_id)),
        }
    }

    /// The resources of one kind, in model order.
    pub fn of_kind(&self, kind: KindTag) -> impl Iterator<Item = &Resource> + '_ {
        let picked: Box<dyn Iterator<Item = &Resource> + '_> = match self.index.get(&self.resources)
        {
            Some(ix) => Box::new(
                ix.by_kind
                    .get(&kind)
                    .map_or(&[][..], Vec::as_slice)
                    .iter()
                    .map(|&i| &self.resources[i as usize]),
            ),
            None => Box::new(self.resources.iter().filter(move |r| r.kind.tag() == kind)),
        };
        picked
    }

    /// A value derived from the whole model, computed once per model (the first time any
    /// control asks) and shared afterwards: the way a control that needs to know, for every
    /// resource, something about all the others stays linear. `T` identifies the value: each
    /// use has a type of its own.
    pub fn memo<T: Send + Sync + 'static>(&self, build: impl FnOnce(&Model) -> T) -> Arc<T> {
        self.index.memo(self, build)
    }
}
