//! Baselines: the findings a project has accepted, so that a scan reports only new ones.
//!
//! A baseline is JSON in the `wasp-baseline/1` schema (docs/configuration.md). Each entry names
//! a finding's control, resource and file for people reading it, but matching uses only the
//! fingerprint, which derives from the control id and the resource address: a resource that
//! moves to another line or file stays matched.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer, Serialize};
use wasp_core::Finding;

/// The schema identifier written into, and required of, baseline files.
pub const SCHEMA: &str = "wasp-baseline/1";

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    pub control_id: String,
    /// The resource address.
    pub resource: String,
    /// The file the finding was in when the baseline was made (informative only).
    #[serde(default)]
    pub file: String,
    /// What matching uses: [`wasp_core::fingerprint`] of control id and resource address.
    #[serde(deserialize_with = "fingerprint")]
    pub fingerprint: String,
}

/// A set of accepted findings.
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    /// Sorted by control, resource, file.
    pub entries: Vec<Entry>,
    fingerprints: HashSet<String>,
}

/// A baseline file that could not be read or understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaselineError {
    pub path: PathBuf,
    /// 1-based; 0 when the whole file is concerned.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for BaselineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "baseline {}: {}", self.path.display(), self.message)
        } else if self.column == 0 {
            write!(
                f,
                "baseline {}:{}: {}",
                self.path.display(),
                self.line,
                self.message
            )
        } else {
            write!(
                f,
                "baseline {}:{}:{}: {}",
                self.path.display(),
                self.line,
                self.column,
                self.message
            )
        }
    }
}

impl std::error::Error for BaselineError {}

#[derive(Serialize)]
struct FileOut<'a> {
    schema: &'static str,
    tool: Tool,
    findings: &'a [Entry],
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Deserialize)]
struct FileIn {
    #[serde(deserialize_with = "schema")]
    #[allow(dead_code)]
    schema: (),
    findings: Vec<Entry>,
}

fn schema<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
    let s = String::deserialize(d)?;
    if s == SCHEMA {
        Ok(())
    } else {
        Err(serde::de::Error::custom(format!(
            "unsupported baseline schema `{s}` (this wasp reads `{SCHEMA}`)"
        )))
    }
}

fn fingerprint<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    if s.len() == 16 && s.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(s.to_ascii_lowercase())
    } else {
        Err(serde::de::Error::custom(format!(
            "invalid fingerprint `{s}` (expected 16 hex digits)"
        )))
    }
}

/// A finding's file as the baseline shows it: `/` separators, no leading `./`.
fn display_file(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    let mut t = s.as_str();
    while let Some(rest) = t.strip_prefix("./") {
        t = rest;
    }
    t.to_string()
}

impl Baseline {
    /// The baseline of a set of findings.
    pub fn from_findings<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Baseline {
        Baseline::from_entries(
            findings
                .into_iter()
                .map(|f| Entry {
                    control_id: f.control_id.to_string(),
                    resource: f.resource.address.clone(),
                    file: f.location.file().map(display_file).unwrap_or_default(),
                    fingerprint: f.fingerprint.clone(),
                })
                .collect(),
        )
    }

    fn from_entries(mut entries: Vec<Entry>) -> Baseline {
        entries.sort();
        entries.dedup();
        let fingerprints = entries.iter().map(|e| e.fingerprint.clone()).collect();
        Baseline {
            entries,
            fingerprints,
        }
    }

    /// Reads a baseline file.
    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let text = crate::read_bounded(path).map_err(|e| BaselineError {
            path: path.to_path_buf(),
            line: 0,
            column: 0,
            message: e.message,
        })?;
        Baseline::parse(&text, path)
    }

    /// Parses baseline JSON; `path` names the file in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Baseline, BaselineError> {
        let file: FileIn = serde_json::from_str(text).map_err(|e| {
            // serde_json appends " at line L column C"; the position is reported separately.
            let msg = e.to_string();
            let message = match msg.rfind(" at line ") {
                Some(i) if e.line() > 0 => msg[..i].to_string(),
                _ => msg,
            };
            BaselineError {
                path: path.to_path_buf(),
                line: e.line(),
                column: e.column(),
                message,
            }
        })?;
        Ok(Baseline::from_entries(file.findings))
    }

    /// The file's text: pretty JSON, entries sorted, ending with a newline.
    pub fn to_json(&self) -> String {
        let doc = FileOut {
            schema: SCHEMA,
            tool: Tool {
                name: "wasp",
                version: env!("CARGO_PKG_VERSION"),
            },
            findings: &self.entries,
        };
        let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Whether a finding with this fingerprint is accepted.
    pub fn contains(&self, fingerprint: &str) -> bool {
        self.fingerprints.contains(fingerprint)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasp_core::{Location, Pos, ResourceRef, Severity};

    fn finding(id: &str, address: &str, file: &str) -> Finding {
        Finding {
            control_id: id.to_string().into(),
            control_name: "n".into(),
            title: "t".into(),
            severity: Severity::High,
            resource: ResourceRef {
                address: address.into(),
                resource_type: "AWS::S3::Bucket".into(),
            },
            location: Location::new(file, Pos::new(4, 3)),
            message: "m".into(),
            remediation: "r".into(),
            best_practices: vec![],
            fingerprint: wasp_core::fingerprint(id, address),
        }
    }

    #[test]
    fn round_trips_sorted_and_matches_by_fingerprint_only() {
        let b = Baseline::from_findings(&[
            finding("WASP-S3-002", "B", "b.yaml"),
            finding("WASP-S3-001", "A", "a.yaml"),
            finding("WASP-S3-001", "A", "a.yaml"),
        ]);
        assert_eq!(b.len(), 2, "duplicates are kept once");
        assert_eq!(b.entries[0].control_id, "WASP-S3-001");
        let text = b.to_json();
        assert!(text.contains("\"schema\": \"wasp-baseline/1\""), "{text}");
        let back = Baseline::parse(&text, Path::new("b.json")).unwrap();
        assert_eq!(back.entries, b.entries);
        // Another file, another line: the same finding.
        let moved = finding("WASP-S3-001", "A", "elsewhere/x.yaml");
        assert!(back.contains(&moved.fingerprint));
        assert!(!back.contains(&finding("WASP-S3-001", "C", "a.yaml").fingerprint));
    }

    #[test]
    fn malformed_baselines_are_errors_with_a_position() {
        let p = Path::new("base.json");
        let e = Baseline::parse(
            "{\n  \"schema\": \"wasp-baseline/1\",\n  \"findings\": [\n",
            p,
        )
        .unwrap_err();
        assert_eq!(e.line, 4, "{e}");
        assert!(e.to_string().starts_with("baseline base.json:4:"), "{e}");
        let e =
            Baseline::parse("{\"schema\": \"wasp-baseline/9\", \"findings\": []}", p).unwrap_err();
        assert!(e.message.contains("unsupported baseline schema"), "{e}");
        assert_eq!(e.line, 1);
        let e = Baseline::parse(
            "{\"schema\": \"wasp-baseline/1\",\n\"findings\": [{\"control_id\": \"X\", \"resource\": \"R\",\n \"fingerprint\": \"zz\"}]}",
            p,
        )
        .unwrap_err();
        assert_eq!(e.line, 3, "{e}");
        assert!(e.message.contains("invalid fingerprint"), "{e}");
        let e = Baseline::parse("{\"schema\": \"wasp-baseline/1\"}", p).unwrap_err();
        assert!(e.message.contains("missing field `findings`"), "{e}");
        assert!(Baseline::parse("[]", p).is_err());
        assert!(Baseline::parse("", p).is_err());
    }
}
