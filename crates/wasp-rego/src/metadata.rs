//! The `# METADATA` annotation of a policy: OPA's annotation format (a YAML comment block right
//! above `package`), with wasp's fields under `custom`.
//!
//! ```rego
//! # METADATA
//! # title: S3 buckets must keep object versions
//! # description: Versioning lets you recover objects after accidental or malicious deletion.
//! # custom:
//! #   id: ACME-S3-001
//! #   severity: high
//! #   best_practices: [SEC10-BP01]
//! #   remediation: Enable versioning on the bucket.
//! #   kinds: [bucket]
//! package acme.s3_versioning
//! ```

use std::str::FromStr;

use wasp_control::{Area, AREAS};
use wasp_core::Severity;
use wasp_model::KindTag;
use yaml_rust2::{Yaml, YamlLoader};

/// Where something was written in a policy file: 1-based line and column.
pub type Line = u32;

/// An error in the annotation, with the line it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaError {
    pub line: Line,
    pub message: String,
}

fn err(line: Line, message: impl Into<String>) -> MetaError {
    MetaError {
        line,
        message: message.into(),
    }
}

/// What a policy's annotation says about its control.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Metadata {
    pub id: String,
    pub name: Option<String>,
    pub title: String,
    pub description: String,
    pub severity: Severity,
    pub area: Option<Area>,
    pub best_practices: Vec<String>,
    pub remediation: String,
    /// Kinds of the normalized model the control applies to (empty: no kind filter).
    pub kinds: Vec<KindTag>,
    /// Source types the control applies to (`aws_s3_bucket`, `AWS::S3::Bucket`; empty: no
    /// type filter).
    pub resource_types: Vec<String>,
    /// Line of the `# METADATA` comment.
    pub line: Line,
}

/// The keys `custom` may hold.
const CUSTOM_KEYS: &[&str] = &[
    "id",
    "name",
    "severity",
    "area",
    "best_practices",
    "remediation",
    "kinds",
    "resource_types",
];

/// A `# METADATA` comment block: its first line and its YAML text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub line: Line,
    pub yaml: String,
}

/// The line of the `package` declaration (1-based), if any.
pub fn package_line(source: &str) -> Option<Line> {
    source
        .lines()
        .position(|l| {
            let t = l.trim_start();
            t.strip_prefix("package")
                .is_some_and(|r| r.starts_with(char::is_whitespace))
        })
        .map(|i| i as Line + 1)
}

/// The last `# METADATA` block that starts before the `package` line: the package's annotation.
pub fn package_block(source: &str) -> Option<Block> {
    let lines: Vec<&str> = source.lines().collect();
    let end = package_line(source).map_or(lines.len(), |l| l as usize - 1);
    let mut found = None;
    let mut i = 0;
    while i < end {
        if lines.get(i).is_some_and(|l| l.trim() == "# METADATA") {
            let start = i;
            let mut body = Vec::new();
            i += 1;
            while let Some(l) = lines.get(i).filter(|_| i < end) {
                let t = l.trim_start();
                let Some(rest) = t.strip_prefix('#') else {
                    break;
                };
                if rest.trim() == "METADATA" {
                    break;
                }
                body.push(rest);
                i += 1;
            }
            found = Some(Block {
                line: start as Line + 1,
                yaml: dedent(&body),
            });
        } else {
            i += 1;
        }
    }
    found
}

/// Removes the indentation every non-blank line shares (the space after `#`).
fn dedent(lines: &[&str]) -> String {
    let indent = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    let mut out = String::new();
    for l in lines {
        out.push_str(l.get(indent..).unwrap_or(""));
        out.push('\n');
    }
    out
}

/// Parses the annotation block into the control's metadata.
pub fn parse(block: &Block) -> Result<Metadata, MetaError> {
    // Lines of the YAML text are numbered from the line after `# METADATA`.
    let at = |yaml_line: usize| block.line + yaml_line as Line;
    let docs = YamlLoader::load_from_str(&block.yaml).map_err(|e| {
        err(
            at(e.marker().line().max(1)),
            format!("invalid METADATA YAML: {}", e.info()),
        )
    })?;
    let Some(doc) = docs.first() else {
        return Err(err(block.line, "empty METADATA block"));
    };
    let Yaml::Hash(top) = doc else {
        return Err(err(block.line, "METADATA must be a YAML mapping"));
    };
    let get = |h: &yaml_rust2::yaml::Hash, k: &str| h.get(&Yaml::String(k.to_string())).cloned();
    let line = block.line;
    let text = |v: Option<Yaml>, key: &str| -> Result<Option<String>, MetaError> {
        match v {
            None | Some(Yaml::Null) => Ok(None),
            Some(Yaml::String(s)) => Ok(Some(s.trim().to_string())),
            Some(Yaml::Integer(i)) => Ok(Some(i.to_string())),
            Some(Yaml::Real(r)) => Ok(Some(r)),
            Some(Yaml::Boolean(b)) => Ok(Some(b.to_string())),
            Some(_) => Err(err(line, format!("`{key}` must be a string"))),
        }
    };
    let list = |v: Option<Yaml>, key: &str| -> Result<Vec<String>, MetaError> {
        match v {
            None | Some(Yaml::Null) => Ok(Vec::new()),
            Some(Yaml::String(s)) => Ok(vec![s.trim().to_string()]),
            Some(Yaml::Array(items)) => items
                .into_iter()
                .map(|i| match i {
                    Yaml::String(s) => Ok(s.trim().to_string()),
                    _ => Err(err(line, format!("`{key}` must be a list of strings"))),
                })
                .collect(),
            Some(_) => Err(err(line, format!("`{key}` must be a list of strings"))),
        }
    };

    let title = text(get(top, "title"), "title")?.unwrap_or_default();
    let description = text(get(top, "description"), "description")?.unwrap_or_default();
    let custom = match get(top, "custom") {
        Some(Yaml::Hash(h)) => h,
        Some(_) => return Err(err(line, "`custom` must be a mapping")),
        None => {
            return Err(err(
                line,
                "METADATA has no `custom` section (it needs at least `custom.id` and `custom.severity`)",
            ))
        }
    };
    for k in custom.keys() {
        let name = k.as_str().unwrap_or("");
        if !CUSTOM_KEYS.contains(&name) {
            return Err(err(
                line,
                format!(
                    "unknown key `custom.{name}` (expected one of: {})",
                    CUSTOM_KEYS.join(", ")
                ),
            ));
        }
    }

    let id = text(get(&custom, "id"), "custom.id")?
        .filter(|s| !s.is_empty())
        .ok_or_else(|| err(line, "METADATA needs `custom.id` (for example ACME-S3-001)"))?;
    if !id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
    {
        return Err(err(
            line,
            format!("`custom.id` `{id}` may hold only letters, digits, `-`, `_` and `.`"),
        ));
    }
    if id.to_ascii_uppercase().starts_with("WASP-") {
        return Err(err(
            line,
            format!(
                "`custom.id` `{id}`: ids starting with WASP- are reserved for built-in controls"
            ),
        ));
    }
    if title.is_empty() {
        return Err(err(line, "METADATA needs a `title`"));
    }
    let name = text(get(&custom, "name"), "custom.name")?.filter(|s| !s.is_empty());
    if let Some(n) = &name {
        if !n
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(err(
                line,
                format!("`custom.name` `{n}` must be kebab-case (a-z, 0-9, -)"),
            ));
        }
    }
    let severity = match text(get(&custom, "severity"), "custom.severity")? {
        None => {
            return Err(err(
                line,
                "METADATA needs `custom.severity` (info, low, medium, high or critical)",
            ))
        }
        Some(s) => Severity::from_str(&s).map_err(|e| err(line, e.to_string()))?,
    };
    let area = match text(get(&custom, "area"), "custom.area")? {
        None => None,
        Some(a) => Some(Area::parse(&a).filter(|p| p.as_str() == a).ok_or_else(|| {
            err(
                line,
                format!("unknown area `{a}` (expected one of: {})", AREAS.join(", ")),
            )
        })?),
    };
    let best_practices = list(get(&custom, "best_practices"), "custom.best_practices")?;
    for bp in &best_practices {
        if !is_best_practice(bp) {
            return Err(err(
                line,
                format!("`{bp}` is not a best practice id (expected SECnn-BPnn, like SEC08-BP02)"),
            ));
        }
    }
    let remediation = text(get(&custom, "remediation"), "custom.remediation")?.unwrap_or_default();
    let mut kinds = Vec::new();
    for k in list(get(&custom, "kinds"), "custom.kinds")? {
        match KindTag::from_name(&k) {
            Some(t) if t != KindTag::Other => kinds.push(t),
            _ => {
                let known: Vec<&str> = KindTag::ALL
                    .iter()
                    .filter(|t| **t != KindTag::Other)
                    .map(|t| t.name())
                    .collect();
                return Err(err(
                    line,
                    format!("unknown kind `{k}` (expected one of: {})", known.join(", ")),
                ));
            }
        }
    }
    let resource_types = list(get(&custom, "resource_types"), "custom.resource_types")?;
    Ok(Metadata {
        id,
        name,
        title,
        description,
        severity,
        area,
        best_practices: best_practices
            .into_iter()
            .map(|b| b.to_ascii_uppercase())
            .collect(),
        remediation,
        kinds,
        resource_types,
        line,
    })
}

/// `SECnn-BPnn`.
fn is_best_practice(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[..3].eq_ignore_ascii_case(b"SEC")
        && b[3..5].iter().all(u8::is_ascii_digit)
        && b[5..8].eq_ignore_ascii_case(b"-BP")
        && b[8..].iter().all(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: &str = "# A comment\n\
# METADATA\n\
# title: Buckets must be versioned\n\
# description: >-\n\
#   Versioning keeps old objects.\n\
# custom:\n\
#   id: ACME-S3-001\n\
#   severity: High\n\
#   best_practices: [SEC10-BP01, sec09-bp02]\n\
#   remediation: Turn versioning on.\n\
#   kinds: [bucket]\n\
#   resource_types: aws_s3_bucket\n\
package acme.s3\n\
\n\
deny contains \"x\" if input.versioning == false\n";

    #[test]
    fn parses_the_package_annotation() {
        let b = package_block(POLICY).unwrap();
        assert_eq!(b.line, 2);
        let m = parse(&b).unwrap();
        assert_eq!(m.id, "ACME-S3-001");
        assert_eq!(m.title, "Buckets must be versioned");
        assert_eq!(m.description, "Versioning keeps old objects.");
        assert_eq!(m.severity, Severity::High);
        assert_eq!(m.best_practices, ["SEC10-BP01", "SEC09-BP02"]);
        assert_eq!(m.remediation, "Turn versioning on.");
        assert_eq!(m.kinds, [KindTag::Bucket]);
        assert_eq!(m.resource_types, ["aws_s3_bucket"]);
        assert_eq!(package_line(POLICY), Some(13));
    }

    #[test]
    fn metadata_after_package_is_not_the_package_annotation() {
        let src = "package a\n# METADATA\n# title: x\n";
        assert_eq!(package_block(src), None);
    }

    fn error_of(yaml: &str) -> MetaError {
        parse(&Block {
            line: 10,
            yaml: yaml.to_string(),
        })
        .unwrap_err()
    }

    #[test]
    fn rejects_bad_metadata_with_a_line() {
        let e = error_of("title: t\ncustom:\n  id: ACME-1\n  severity: severe\n");
        assert!(e.message.contains("unknown severity `severe`"), "{e:?}");
        assert_eq!(e.line, 10);
        let e = error_of("title: t\ncustom:\n  severity: low\n");
        assert!(e.message.contains("custom.id"), "{e:?}");
        let e = error_of("title: t\ncustom:\n  id: WASP-S3-001\n  severity: low\n");
        assert!(e.message.contains("reserved"), "{e:?}");
        let e = error_of("title: t\ncustom:\n  id: A-1\n  severity: low\n  kinds: [bukket]\n");
        assert!(e.message.contains("unknown kind `bukket`"), "{e:?}");
        assert!(e.message.contains("security_group"), "{e:?}");
        let e = error_of("title: t\ncustom:\n  id: A-1\n  severity: low\n  best_practice: [x]\n");
        assert!(
            e.message.contains("unknown key `custom.best_practice`"),
            "{e:?}"
        );
        let e =
            error_of("title: t\ncustom:\n  id: A-1\n  severity: low\n  best_practices: [SEC8]\n");
        assert!(e.message.contains("not a best practice"), "{e:?}");
        let e = error_of("custom:\n  id: A-1\n  severity: low\n");
        assert!(e.message.contains("title"), "{e:?}");
        let e = error_of("title: t\ncustom: [1]\n");
        assert!(e.message.contains("mapping"), "{e:?}");
        // A YAML syntax error points at its own line in the file.
        let e = error_of("title: t\ncustom:\n  id: [unclosed\n");
        assert!(e.message.starts_with("invalid METADATA YAML"), "{e:?}");
        assert!(e.line > 10, "{e:?}");
    }
}
