//! What evaluation produces: results, findings, suppressions and input errors.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::{Location, Pos, Severity};

/// The result of one control on one resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The resource satisfies the control.
    Pass,
    /// The resource violates the control: a finding.
    Fail,
    /// The control could not decide because a value it needs is not statically known.
    Unknown,
}

/// Text that is most often a control's static metadata (borrowed, no copy per finding) and
/// sometimes built at run time (custom controls, read back from a file).
pub type Text = std::borrow::Cow<'static, str>;

/// One control evaluated on one resource: the raw evidence the review is built from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckResult {
    pub control_id: Text,
    pub status: Status,
    pub resource: ResourceRef,
    /// Why it failed, or why it is unknown; empty for a pass.
    pub message: String,
    pub location: Location,
}

/// The resource a result or finding is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ResourceRef {
    /// Logical address: CloudFormation logical id or Terraform address (`aws_s3_bucket.logs`,
    /// `module.net.aws_security_group.web["a"]`).
    pub address: String,
    /// The type as the source names it (`AWS::S3::Bucket`, `aws_s3_bucket`).
    pub resource_type: String,
}

/// A failing control on a resource, with everything a user needs to act on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub control_id: Text,
    pub control_name: Text,
    pub title: Text,
    pub severity: Severity,
    pub resource: ResourceRef,
    pub location: Location,
    pub message: String,
    /// One-line fix.
    pub remediation: Text,
    /// Security Pillar best practices the control evidences (`SEC08-BP02`).
    pub best_practices: Vec<String>,
    /// Stable identity of the finding: derived from the control id and the resource address
    /// (never from line numbers), so it survives edits that move the resource.
    pub fingerprint: String,
}

/// Stable fingerprint of a (control, resource) pair: 64-bit FNV-1a of
/// `control_id \0 file-independent address`, as 16 hex digits.
pub fn fingerprint(control_id: &str, resource_address: &str) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h = OFFSET;
    for b in control_id
        .bytes()
        .chain(std::iter::once(0u8))
        .chain(resource_address.bytes())
    {
        h ^= u64::from(b);
        h = h.wrapping_mul(PRIME);
    }
    format!("{h:016x}")
}

/// A finding that an inline or configured suppression silenced. Reports list these with
/// their reason; they are never dropped silently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppressed {
    pub finding: Finding,
    pub reason: String,
    /// Where the suppression is written.
    pub at: Location,
}

/// A file that could not be read or understood. Never fatal to a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{location}: {message}")]
pub struct InputError {
    pub location: Location,
    pub message: String,
}

impl InputError {
    pub fn new(file: impl Into<PathBuf>, pos: Pos, message: impl Into<String>) -> Self {
        InputError {
            location: Location::new(file, pos),
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_is_stable_and_depends_on_both_parts() {
        let a = fingerprint("WASP-S3-001", "Bucket");
        assert_eq!(a, fingerprint("WASP-S3-001", "Bucket"));
        assert_ne!(a, fingerprint("WASP-S3-002", "Bucket"));
        assert_ne!(a, fingerprint("WASP-S3-001", "Bucket2"));
        // The separator keeps ("ab","c") and ("a","bc") apart.
        assert_ne!(fingerprint("ab", "c"), fingerprint("a", "bc"));
        assert_eq!(a.len(), 16);
    }
}
