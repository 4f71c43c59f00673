//! The control library.
//!
//! Each control lives in its own file, grouped by service, and is written once against the
//! normalized model ([`wasp_model`]), so it runs on every source the model is loaded from.
//! A control is its metadata ([`Meta`], also its documentation page) and a check function that
//! answers, per resource, [`Outcome::Pass`], [`Outcome::Fail`] or [`Outcome::Unknown`].

use serde::Serialize;
use wasp_core::{ControlSummary, Pos, Severity};
use wasp_model::{KindTag, Model, Resource};

pub mod docs;
mod helpers;

pub mod cloudtrail;
pub mod ec2;
pub mod elb;
pub mod iam;
pub mod kms;
pub mod lambda;
pub mod rds;
pub mod s3;
// [identity modules]
// [detection modules]
// [network and compute modules]
// [data modules]

/// The Security Pillar area a control belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Area {
    /// SEC02, SEC03.
    Identity,
    /// SEC04.
    Detection,
    /// SEC05.
    Network,
    /// SEC06.
    Compute,
    /// SEC07, SEC08.
    DataAtRest,
    /// SEC09.
    DataInTransit,
}

impl Area {
    pub fn as_str(self) -> &'static str {
        match self {
            Area::Identity => "identity",
            Area::Detection => "detection",
            Area::Network => "network",
            Area::Compute => "compute",
            Area::DataAtRest => "data-at-rest",
            Area::DataInTransit => "data-in-transit",
        }
    }
}

/// A reference to an external framework.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Reference {
    /// `CIS AWS Foundations`, `AWS FSBP`, `Checkov`.
    pub framework: &'static str,
    pub id: &'static str,
}

pub const fn cis(id: &'static str) -> Reference {
    Reference {
        framework: "CIS AWS Foundations v3.0",
        id,
    }
}
pub const fn fsbp(id: &'static str) -> Reference {
    Reference {
        framework: "AWS Foundational Security Best Practices",
        id,
    }
}
pub const fn checkov(id: &'static str) -> Reference {
    Reference {
        framework: "Checkov",
        id,
    }
}

/// Everything known about a control, and the single source of its documentation.
#[derive(Debug, Serialize)]
pub struct Meta {
    /// Stable id, never reused: `WASP-S3-001`.
    pub id: &'static str,
    /// Kebab-case name: `s3-bucket-default-encryption-missing`.
    pub name: &'static str,
    pub title: &'static str,
    pub severity: Severity,
    pub area: Area,
    /// Security Pillar best practices it evidences.
    pub best_practices: &'static [&'static str],
    /// Resource kinds it applies to; others are skipped without calling the check.
    #[serde(skip)]
    pub kinds: &'static [KindTag],
    pub references: &'static [Reference],
    /// One-line fix.
    pub remediation: &'static str,
    /// Markdown under the fixed headings `## What it checks`, `## Why it matters`,
    /// `## Remediation` (with CloudFormation and Terraform snippets).
    pub doc: &'static str,
}

/// What a control says about one resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Pass,
    /// Fails, with what is wrong and where (a property of the resource; `None` for the
    /// resource itself, for example when a setting is missing).
    Fail {
        message: String,
        pos: Option<Pos>,
    },
    /// Cannot be decided statically.
    Unknown {
        reason: String,
        pos: Option<Pos>,
    },
}

/// A registered control.
pub struct Control {
    pub meta: &'static Meta,
    /// Checks one resource of an applicable kind. May return several outcomes (for example one
    /// per security group rule); an empty list means "not applicable".
    pub check: fn(&Resource, &Model) -> Vec<Outcome>,
}

impl Control {
    pub fn applies_to(&self, kind: KindTag) -> bool {
        self.meta.kinds.contains(&kind)
    }
    pub fn summary(&self) -> ControlSummary {
        ControlSummary {
            id: self.meta.id.to_string(),
            name: self.meta.name.to_string(),
            title: self.meta.title.to_string(),
            severity: self.meta.severity,
            best_practices: self
                .meta
                .best_practices
                .iter()
                .map(|s| s.to_string())
                .collect(),
            remediation: self.meta.remediation.to_string(),
        }
    }
}

macro_rules! control {
    ($m:path) => {{
        use $m as c;
        Control {
            meta: &c::META,
            check: c::check,
        }
    }};
}

/// Every control, in one ordered, greppable list.
pub static REGISTRY: &[Control] = &[
    control!(s3::bucket_default_encryption_missing),
    control!(s3::bucket_public_access_block_disabled),
    control!(s3::bucket_public_acl),
    control!(s3::bucket_versioning_disabled),
    control!(s3::bucket_access_logging_disabled),
    control!(s3::bucket_insecure_transport_allowed),
    control!(ec2::sg_admin_ports_open_to_internet),
    control!(ec2::sg_database_ports_open_to_internet),
    control!(ec2::sg_all_traffic_open_to_internet),
    control!(ec2::ebs_unencrypted),
    control!(ec2::imdsv2_not_required),
    control!(ec2::instance_public_ip),
    control!(rds::storage_unencrypted),
    control!(rds::publicly_accessible),
    control!(kms::key_rotation_disabled),
    control!(iam::policy_full_admin),
    control!(cloudtrail::not_multi_region),
    control!(cloudtrail::log_validation_disabled),
    control!(cloudtrail::not_encrypted_with_kms),
    control!(elb::http_listener_without_redirect),
    control!(elb::outdated_tls_policy),
    control!(lambda::deprecated_runtime),
    control!(lambda::plaintext_secret_in_environment),
    // [identity controls]
    // [detection controls]
    // [network and compute controls]
    // [data controls]
];

/// Every registered control, as the review needs to know it.
pub fn summaries() -> Vec<ControlSummary> {
    REGISTRY.iter().map(Control::summary).collect()
}

/// Looks a control up by id or name (case-insensitive).
pub fn find(id_or_name: &str) -> Option<&'static Control> {
    REGISTRY.iter().find(|c| {
        c.meta.id.eq_ignore_ascii_case(id_or_name) || c.meta.name.eq_ignore_ascii_case(id_or_name)
    })
}

#[cfg(test)]
mod meta_tests;
