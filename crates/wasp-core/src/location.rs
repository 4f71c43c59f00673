//! Where things are: positions in files, deployed resources, recorded events.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// A position in a source file, 1-based. `line == 0` means "no position known".
///
/// `file` says which file: `0` is the file of the resource the position belongs to; `k > 0` is
/// entry `k - 1` of the model's file table (a Terraform module spreads one normalized resource
/// over several files).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub file: u32,
}

fn is_zero(v: &u32) -> bool {
    *v == 0
}

impl Pos {
    pub const fn new(line: u32, col: u32) -> Self {
        Pos { line, col, file: 0 }
    }
    /// A position in entry `index` (0-based) of the model's file table.
    pub const fn in_file(line: u32, col: u32, index: u32) -> Self {
        Pos {
            line,
            col,
            file: index + 1,
        }
    }
    pub const NONE: Pos = Pos {
        line: 0,
        col: 0,
        file: 0,
    };
    pub fn is_known(self) -> bool {
        self.line > 0
    }

    /// Where a text ends: its last line (lines end at `\n`, `\r\n` or a lone `\r`, as in YAML)
    /// and the column after its last character. Parsers clamp end-of-input positions to it.
    pub fn end_of(text: &str) -> Pos {
        let mut line = 1u32;
        let mut col = 1u32;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\n' || (c == '\r' && chars.peek() != Some(&'\n')) {
                line = line.saturating_add(1);
                col = 1;
            } else if c != '\r' {
                col = col.saturating_add(1);
            }
        }
        Pos::new(line, col)
    }
}

/// A shared, cheaply clonable file path.
pub type FileRef = Arc<PathBuf>;

/// Where a finding, a result or an input error is: a position in a file (a template, a
/// module, a log), a deployed cloud resource, or a recorded event.
///
/// Its JSON form is an object whose `kind` says which (`file`, `cloud`, `event`), beside that
/// kind's fields. Ordered files first (by path component, line, column), then cloud resources,
/// then events.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Location {
    File(FileLocation),
    // Boxed: results and findings hold a location each, most of them file positions.
    Cloud(Box<CloudLocation>),
    Event(Box<EventLocation>),
}

/// A file and a position in it (`line == 0`: the whole file, no position).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FileLocation {
    pub file: PathBuf,
    pub line: u32,
    pub column: u32,
}

/// A deployed resource: where it lives and what names it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CloudLocation {
    /// `aws`, `aws-cn`, `aws-us-gov`.
    pub partition: String,
    /// The 12-digit account id; empty when not known.
    pub account: String,
    /// The region; empty for global resources (IAM, CloudFront, the account itself).
    pub region: String,
    /// The resource's ARN, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// The resource's id, when it has no ARN or the id is what users know it by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_id: Option<String>,
}

/// A recorded event (a CloudTrail record, say).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EventLocation {
    /// Where the event was read: a log file, a stream, a table.
    pub source: String,
    /// The event's own id (`eventID`).
    pub event_id: String,
    /// When it happened, as the event states it (RFC 3339).
    pub time: String,
}

/// The JSON form `#[serde(tag = "kind")]` would write, written as one struct: reports hold
/// hundreds of thousands of locations, and the derived form goes through a map.
impl Serialize for Location {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        match self {
            Location::File(f) => {
                let mut st = s.serialize_struct("Location", 4)?;
                st.serialize_field("kind", "file")?;
                st.serialize_field("file", &f.file)?;
                st.serialize_field("line", &f.line)?;
                st.serialize_field("column", &f.column)?;
                st.end()
            }
            Location::Cloud(c) => {
                let mut st = s.serialize_struct("Location", 6)?;
                st.serialize_field("kind", "cloud")?;
                st.serialize_field("partition", &c.partition)?;
                st.serialize_field("account", &c.account)?;
                st.serialize_field("region", &c.region)?;
                if let Some(arn) = &c.arn {
                    st.serialize_field("arn", arn)?;
                }
                if let Some(id) = &c.resource_id {
                    st.serialize_field("resource_id", id)?;
                }
                st.end()
            }
            Location::Event(e) => {
                let mut st = s.serialize_struct("Location", 4)?;
                st.serialize_field("kind", "event")?;
                st.serialize_field("source", &e.source)?;
                st.serialize_field("event_id", &e.event_id)?;
                st.serialize_field("time", &e.time)?;
                st.end()
            }
        }
    }
}

impl Ord for FileLocation {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        // Reports sort hundreds of thousands of locations, most of them in the same file as
        // their neighbour: equal bytes are equal paths, without splitting into components.
        let file = if self.file.as_os_str() == other.file.as_os_str() {
            std::cmp::Ordering::Equal
        } else {
            self.file.cmp(&other.file)
        };
        file.then(self.line.cmp(&other.line))
            .then(self.column.cmp(&other.column))
    }
}

impl PartialOrd for FileLocation {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Location {
    /// A position in a file.
    pub fn new(file: impl Into<PathBuf>, pos: Pos) -> Self {
        Location::File(FileLocation {
            file: file.into(),
            line: pos.line,
            column: pos.col,
        })
    }

    /// The file, when this is a file position.
    pub fn file(&self) -> Option<&Path> {
        match self {
            Location::File(f) => Some(&f.file),
            _ => None,
        }
    }

    /// The line of a file position; 0 for anything else or when not known.
    pub fn line(&self) -> u32 {
        match self {
            Location::File(f) => f.line,
            _ => 0,
        }
    }

    /// The column of a file position; 0 for anything else or when not known.
    pub fn column(&self) -> u32 {
        match self {
            Location::File(f) => f.column,
            _ => 0,
        }
    }

    /// What the kind is called in JSON and reports: `file`, `cloud`, `event`.
    pub fn kind(&self) -> &'static str {
        match self {
            Location::File(_) => "file",
            Location::Cloud(_) => "cloud",
            Location::Event(_) => "event",
        }
    }
}

impl fmt::Display for FileLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.file.display())
        } else {
            write!(f, "{}:{}:{}", self.file.display(), self.line, self.column)
        }
    }
}

impl fmt::Display for CloudLocation {
    /// The ARN; else `id (account region)`, the parts that are known.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(arn) = &self.arn {
            return f.write_str(arn);
        }
        f.write_str(self.resource_id.as_deref().unwrap_or("resource"))?;
        let place: Vec<&str> = [self.account.as_str(), self.region.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        if !place.is_empty() {
            write!(f, " ({})", place.join(" "))?;
        }
        Ok(())
    }
}

impl fmt::Display for EventLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} event {} at {}",
            self.source, self.event_id, self.time
        )
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File(l) => l.fmt(f),
            Location::Cloud(l) => l.fmt(f),
            Location::Event(l) => l.fmt(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_order_by_path_components_then_position() {
        let l = |f: &str, line| Location::new(f, Pos::new(line, 1));
        // By component, as paths order: `a` before `a-b` although `/` > `-` as bytes.
        assert!(l("a/x.tf", 9) < l("a-b/x.tf", 1));
        assert!(l("a/x.tf", 1) < l("a/x.tf", 2));
        assert_eq!(
            l("a//x.tf", 3).cmp(&l("a/x.tf", 3)),
            std::cmp::Ordering::Equal
        );
        assert_eq!(l("a//x.tf", 3), l("a/x.tf", 3));
        let mut v = vec![
            l("b.tf", 1),
            l("a/x.tf", 2),
            l("a-b/x.tf", 1),
            l("a/x.tf", 1),
        ];
        v.sort();
        assert_eq!(
            v,
            [
                l("a/x.tf", 1),
                l("a/x.tf", 2),
                l("a-b/x.tf", 1),
                l("b.tf", 1)
            ]
        );
    }

    #[test]
    fn location_display() {
        let l = Location::new("a/b.yaml", Pos::new(3, 7));
        assert_eq!(l.to_string(), "a/b.yaml:3:7");
        assert_eq!(Location::new("x.tf", Pos::NONE).to_string(), "x.tf");
        assert_eq!(cloud(Some("arn:aws:s3:::b")).to_string(), "arn:aws:s3:::b");
        assert_eq!(cloud(None).to_string(), "sg-1 (111122223333 eu-west-1)");
        assert_eq!(
            event().to_string(),
            "trail.json event 3f1c at 2026-01-02T03:04:05Z"
        );
    }

    fn cloud(arn: Option<&str>) -> Location {
        Location::Cloud(Box::new(CloudLocation {
            partition: "aws".into(),
            account: "111122223333".into(),
            region: "eu-west-1".into(),
            arn: arn.map(str::to_string),
            resource_id: Some("sg-1".into()),
        }))
    }

    fn event() -> Location {
        Location::Event(Box::new(EventLocation {
            source: "trail.json".into(),
            event_id: "3f1c".into(),
            time: "2026-01-02T03:04:05Z".into(),
        }))
    }

    #[test]
    fn locations_serialize_with_their_kind_and_read_back() {
        for l in [
            Location::new("a/b.yaml", Pos::new(3, 7)),
            cloud(None),
            event(),
        ] {
            let json = serde_json::to_value(&l).unwrap();
            assert_eq!(json["kind"], l.kind());
            assert_eq!(serde_json::from_value::<Location>(json).unwrap(), l);
        }
        assert_eq!(
            serde_json::to_string(&Location::new("a.tf", Pos::new(2, 1))).unwrap(),
            r#"{"kind":"file","file":"a.tf","line":2,"column":1}"#
        );
        let c = serde_json::to_value(cloud(None)).unwrap();
        assert!(c.get("arn").is_none(), "absent parts are left out: {c}");
        let l = Location::new("a/b.yaml", Pos::new(3, 7));
        assert_eq!(
            (l.file(), l.line(), l.column()),
            (Some(Path::new("a/b.yaml")), 3, 7)
        );
        assert_eq!((cloud(None).file(), cloud(None).line()), (None, 0));
    }

    #[test]
    fn a_location_is_no_larger_than_a_file_position_and_a_tag() {
        assert!(
            std::mem::size_of::<Location>() <= std::mem::size_of::<FileLocation>() + 8,
            "{} bytes",
            std::mem::size_of::<Location>()
        );
    }

    #[test]
    fn files_order_before_cloud_resources_before_events() {
        let mut v = [event(), cloud(None), Location::new("z.tf", Pos::new(9, 9))];
        v.sort();
        assert_eq!(
            v.iter().map(Location::kind).collect::<Vec<_>>(),
            ["file", "cloud", "event"]
        );
    }
}
