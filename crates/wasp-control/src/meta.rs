//! Control metadata: one shape for built-in, custom and (later) detection controls.

use std::borrow::Cow;
use std::fmt;

use serde::{Serialize, Serializer};
use wasp_core::{Severity, Text};

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

/// Every area's name, in the order of [`Area`].
pub const AREAS: [&str; 6] = [
    "identity",
    "detection",
    "network",
    "compute",
    "data-at-rest",
    "data-in-transit",
];

impl Area {
    pub const ALL: [Area; 6] = [
        Area::Identity,
        Area::Detection,
        Area::Network,
        Area::Compute,
        Area::DataAtRest,
        Area::DataInTransit,
    ];

    pub fn as_str(self) -> &'static str {
        AREAS[self as usize]
    }

    /// The area of this name (case-insensitive).
    pub fn parse(name: &str) -> Option<Area> {
        Area::ALL
            .into_iter()
            .find(|a| a.as_str().eq_ignore_ascii_case(name))
    }
}

impl fmt::Display for Area {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A reference to an external framework.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Reference {
    /// `CIS AWS Foundations v3.0`, `AWS Foundational Security Best Practices`, `Checkov`.
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

/// A list of short texts: static for built-in controls (no copy), owned for controls loaded
/// at run time.
#[derive(Debug, Clone)]
pub enum Texts {
    Static(&'static [&'static str]),
    Owned(Vec<String>),
}

impl Texts {
    pub const EMPTY: Texts = Texts::Static(&[]);

    pub fn iter(&self) -> TextsIter<'_> {
        match self {
            Texts::Static(s) => TextsIter::Static(s.iter()),
            Texts::Owned(o) => TextsIter::Owned(o.iter()),
        }
    }
    pub fn len(&self) -> usize {
        match self {
            Texts::Static(s) => s.len(),
            Texts::Owned(o) => o.len(),
        }
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn contains(&self, s: &str) -> bool {
        self.iter().any(|t| t == s)
    }
    pub fn join(&self, sep: &str) -> String {
        self.iter().collect::<Vec<_>>().join(sep)
    }
    pub fn to_vec(&self) -> Vec<String> {
        self.iter().map(str::to_string).collect()
    }
}

/// The items of [`Texts`].
#[derive(Debug, Clone)]
pub enum TextsIter<'a> {
    Static(std::slice::Iter<'a, &'static str>),
    Owned(std::slice::Iter<'a, String>),
}

impl<'a> Iterator for TextsIter<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        match self {
            TextsIter::Static(i) => i.next().copied(),
            TextsIter::Owned(i) => i.next().map(String::as_str),
        }
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            TextsIter::Static(i) => i.size_hint(),
            TextsIter::Owned(i) => i.size_hint(),
        }
    }
}

impl ExactSizeIterator for TextsIter<'_> {}

impl PartialEq for Texts {
    fn eq(&self, other: &Texts) -> bool {
        self.iter().eq(other.iter())
    }
}
impl Eq for Texts {}

impl From<Vec<String>> for Texts {
    fn from(v: Vec<String>) -> Texts {
        Texts::Owned(v)
    }
}

impl Serialize for Texts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// Everything known about a control, and the single source of its documentation: what the
/// engine selects on, findings carry, the review weighs and every renderer describes.
///
/// Built-in controls write theirs as a `static` with [`meta!`](crate::meta!), borrowing every
/// text; controls loaded at run time own theirs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meta {
    /// Stable id, never reused: `WASP-S3-001`.
    pub id: Text,
    /// Kebab-case name: `s3-bucket-default-encryption-missing`.
    pub name: Text,
    /// One line: what is wrong when the control fails.
    pub title: Text,
    pub severity: Severity,
    /// The Security Pillar area; `None` for a custom control that names none.
    #[serde(serialize_with = "area_name")]
    pub area: Option<Area>,
    /// Security Pillar best practices it evidences (`SEC08-BP02`).
    pub best_practices: Texts,
    pub references: Cow<'static, [Reference]>,
    /// One-line fix.
    pub remediation: Text,
    /// Markdown under the fixed headings `## What it checks`, `## Why it matters`,
    /// `## Remediation`; may be empty.
    pub doc: Text,
}

fn area_name<S: Serializer>(area: &Option<Area>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(area.map_or(Meta::NO_AREA, Area::as_str))
}

impl Meta {
    /// How listings name the area of a control that has none.
    pub const NO_AREA: &'static str = "custom";

    /// Metadata built at run time: this id, name, title and severity, and as yet no area,
    /// best practice, reference, remediation or documentation.
    pub fn new(
        id: impl Into<String>,
        name: impl Into<String>,
        title: impl Into<String>,
        severity: Severity,
    ) -> Meta {
        Meta {
            id: id.into().into(),
            name: name.into().into(),
            title: title.into().into(),
            severity,
            area: None,
            best_practices: Texts::EMPTY,
            references: Cow::Borrowed(&[]),
            remediation: Text::Borrowed(""),
            doc: Text::Borrowed(""),
        }
    }

    /// The area's name, or [`Meta::NO_AREA`].
    pub fn area_name(&self) -> &'static str {
        self.area.map_or(Meta::NO_AREA, Area::as_str)
    }

    /// The same control seen with another severity (a `[severity]` override).
    pub fn with_severity(&self, severity: Severity) -> Meta {
        Meta {
            severity,
            ..self.clone()
        }
    }

    /// Whether `id_or_name` is this control's id or name (case-insensitive).
    pub fn is_named(&self, id_or_name: &str) -> bool {
        self.id.eq_ignore_ascii_case(id_or_name) || self.name.eq_ignore_ascii_case(id_or_name)
    }
}

/// A built-in control's [`Meta`] as a `static`, every text borrowed:
///
/// ```
/// use wasp_control::{fsbp, meta, Area, Meta};
/// use wasp_core::Severity;
///
/// pub static META: Meta = meta! {
///     id: "WASP-S3-006",
///     name: "s3-bucket-insecure-transport-allowed",
///     title: "S3 bucket policy does not require TLS",
///     severity: Severity::Medium,
///     area: Area::DataInTransit,
///     best_practices: &["SEC09-BP02"],
///     references: &[fsbp("S3.5")],
///     remediation: "Deny s3:* when aws:SecureTransport is false.",
///     doc: "## What it checks\n...",
/// };
/// assert_eq!(META.best_practices.join(","), "SEC09-BP02");
/// ```
#[macro_export]
macro_rules! meta {
    ($($field:ident : $value:expr),* $(,)?) => {
        $crate::Meta { $($field: $crate::__meta_field!($field, $value)),* }
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __meta_field {
    (severity, $v:expr) => {
        $v
    };
    (area, $v:expr) => {
        ::std::option::Option::Some($v)
    };
    (best_practices, $v:expr) => {
        $crate::Texts::Static($v)
    };
    (references, $v:expr) => {
        ::std::borrow::Cow::Borrowed($v)
    };
    ($text:ident, $v:expr) => {
        ::std::borrow::Cow::Borrowed($v)
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    static M: Meta = crate::meta! {
        id: "WASP-X-001",
        name: "x-thing",
        title: "A thing",
        severity: Severity::High,
        area: Area::DataAtRest,
        best_practices: &["SEC08-BP02", "SEC08-BP01"],
        references: &[fsbp("S3.1"), cis("2.1.1")],
        remediation: "Fix it.",
        doc: "## What it checks",
    };

    #[test]
    fn static_and_owned_metadata_are_one_shape() {
        let owned = Meta {
            id: "WASP-X-001".to_string().into(),
            name: "x-thing".to_string().into(),
            title: "A thing".to_string().into(),
            severity: Severity::High,
            area: Some(Area::DataAtRest),
            best_practices: Texts::Owned(vec!["SEC08-BP02".into(), "SEC08-BP01".into()]),
            references: vec![fsbp("S3.1"), cis("2.1.1")].into(),
            remediation: "Fix it.".to_string().into(),
            doc: "## What it checks".to_string().into(),
        };
        assert_eq!(owned, M);
        assert_eq!(
            serde_json::to_value(&owned).unwrap(),
            serde_json::to_value(&M).unwrap()
        );
        assert_eq!(M.best_practices.iter().len(), 2);
        assert!(M.best_practices.contains("SEC08-BP01"));
        assert!(M.is_named("x-THING") && M.is_named("wasp-x-001") && !M.is_named("x"));
        assert_eq!(M.with_severity(Severity::Low).severity, Severity::Low);
    }

    #[test]
    fn serializes_as_the_rules_listing_shows_it() {
        let v = serde_json::to_value(&M).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "id",
                "name",
                "title",
                "severity",
                "area",
                "best_practices",
                "references",
                "remediation",
                "doc"
            ]
        );
        assert_eq!(v["area"], "data-at-rest");
        assert_eq!(v["references"][1]["id"], "2.1.1");
        let none = Meta {
            area: None,
            ..M.clone()
        };
        assert_eq!(serde_json::to_value(&none).unwrap()["area"], "custom");
    }

    #[test]
    fn areas_parse_and_print() {
        for a in Area::ALL {
            assert_eq!(Area::parse(a.as_str()), Some(a));
            assert_eq!(serde_json::to_value(a).unwrap(), a.as_str());
        }
        assert_eq!(Area::parse("DATA-AT-REST"), Some(Area::DataAtRest));
        assert_eq!(Area::parse("governance"), None);
    }
}
