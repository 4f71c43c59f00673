//! Where a resource comes from, and how that source spells the model's properties.
//!
//! Controls name the model's own fields (the names of the model's JSON form, documented in
//! docs/custom-controls.md); messages name the property as the user wrote it, in whatever
//! source the resource came from. Each source declares its spelling as a table beside its
//! adapter; a field it does not list is named as the model names it.

use crate::KindTag;

/// A source of resources, as the model knows it.
#[derive(Debug)]
pub struct SourceInfo {
    /// Its name in the model's JSON form (`format`): `cloudformation`, `terraform`,
    /// `terraform_plan`.
    pub name: &'static str,
    /// How it spells model fields, kind by kind.
    pub spelling: &'static [Spelling],
}

/// How a source spells one field of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spelling {
    pub kind: KindTag,
    /// Only for resources of this type as the source names it (`AWS::ApiGatewayV2::Stage`),
    /// where types of one kind spell a field differently; `None`: every type of the kind.
    pub source_type: Option<&'static str>,
    /// The model field, a dotted path for nested ones (`metadata.http_tokens`), or
    /// `field=value` for the way the source writes one value of a field.
    pub field: &'static str,
    pub property: Property,
}

/// What a source has for a model field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Property {
    /// The property (or value) as the source writes it.
    Named(&'static str),
    /// The source has no way to declare it.
    Undeclarable,
}

/// Sources are told apart by name.
impl PartialEq for SourceInfo {
    fn eq(&self, other: &SourceInfo) -> bool {
        self.name == other.name
    }
}
impl Eq for SourceInfo {}

impl SourceInfo {
    /// The entry for a field of a kind: the one for `source_type` if there is one, else the
    /// kind's.
    fn find(&self, kind: KindTag, source_type: &str, field: &str) -> Option<Property> {
        by_kind(self, kind, |entries| {
            let of = |typed: bool| {
                entries.iter().find(|s| {
                    s.field == field
                        && match s.source_type {
                            Some(t) => typed && t == source_type,
                            None => !typed,
                        }
                })
            };
            of(true).or_else(|| of(false)).map(|s| s.property)
        })
    }

    /// The source's name for a field of a kind (and type); the field itself when it has none.
    pub fn property(&self, kind: KindTag, source_type: &str, field: &'static str) -> &'static str {
        match self.find(kind, source_type, field) {
            Some(Property::Named(p)) => p,
            _ => field,
        }
    }

    /// Whether the source can declare a field of a kind (and type).
    pub fn declares(&self, kind: KindTag, source_type: &str, field: &str) -> bool {
        self.find(kind, source_type, field) != Some(Property::Undeclarable)
    }

    /// How the source writes `value` of a field of a kind.
    pub fn spell_value<'a>(&self, kind: KindTag, field: &str, value: &'a str) -> &'a str {
        let found = self.spelling.iter().find(|s| {
            s.kind == kind
                && s.source_type.is_none()
                && s.field
                    .split_once('=')
                    .is_some_and(|(f, v)| f == field && v == value)
        });
        match found.map(|s| s.property) {
            Some(Property::Named(p)) => p,
            _ => value,
        }
    }
}

/// Calls `f` with the entries of `source` for `kind`. Messages ask for spellings once per
/// failing result: the entries are grouped by kind once per source and thread, so a lookup
/// scans a handful of entries instead of the whole table.
fn by_kind<T>(source: &SourceInfo, kind: KindTag, f: impl FnOnce(&[&'static Spelling]) -> T) -> T {
    type Grouped = std::rc::Rc<Vec<Vec<&'static Spelling>>>;
    thread_local! {
        static GROUPED: std::cell::RefCell<Vec<(usize, Grouped)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    let key = source.spelling.as_ptr() as usize;
    let grouped = GROUPED.with(|g| {
        let mut g = g.borrow_mut();
        if let Some((_, v)) = g.iter().find(|(k, _)| *k == key) {
            return v.clone();
        }
        let mut groups: Vec<Vec<&'static Spelling>> = vec![Vec::new(); KindTag::ALL.len()];
        for s in source.spelling {
            groups[s.kind as usize].push(s);
        }
        let v: Grouped = std::rc::Rc::new(groups);
        g.push((key, v.clone()));
        v
    });
    f(grouped.get(kind as usize).map_or(&[][..], Vec::as_slice))
}

/// Spelling entries, kind by kind (`Kind @ "Source::Type"` for one type of the kind):
///
/// ```
/// use wasp_model::{spelling, KindTag, Property, Spelling};
/// static SPELLING: &[Spelling] = spelling! {
///     Volume { "encrypted" => "Encrypted", "kms_key" => "KmsKeyId" }
///     Bucket { "mfa_delete" => ! }
///     ApiStage @ "AWS::ApiGatewayV2::Stage" { "access_logging" => "AccessLogSettings" }
/// };
/// assert_eq!(SPELLING.len(), 4);
/// assert_eq!(SPELLING[2].property, Property::Undeclarable);
/// assert_eq!(SPELLING[3].source_type, Some("AWS::ApiGatewayV2::Stage"));
/// ```
#[macro_export]
macro_rules! spelling {
    (@acc [$($done:tt)*]) => { &[$($done)*] };
    (@acc [$($done:tt)*] $kind:ident @ $ty:literal { $($field:literal => $prop:tt),* $(,)? } $($rest:tt)*) => {
        $crate::spelling!(@acc [$($done)* $($crate::Spelling {
            kind: $crate::KindTag::$kind,
            source_type: ::std::option::Option::Some($ty),
            field: $field,
            property: $crate::spelling!(@prop $prop),
        },)*] $($rest)*)
    };
    (@acc [$($done:tt)*] $kind:ident { $($field:literal => $prop:tt),* $(,)? } $($rest:tt)*) => {
        $crate::spelling!(@acc [$($done)* $($crate::Spelling {
            kind: $crate::KindTag::$kind,
            source_type: ::std::option::Option::None,
            field: $field,
            property: $crate::spelling!(@prop $prop),
        },)*] $($rest)*)
    };
    (@prop !) => { $crate::Property::Undeclarable };
    (@prop $p:literal) => { $crate::Property::Named($p) };
    ($($t:tt)*) => { $crate::spelling!(@acc [] $($t)*) };
}

#[cfg(test)]
mod tests {
    use super::*;

    static SOURCE: SourceInfo = SourceInfo {
        name: "test",
        spelling: crate::spelling! {
            Volume { "encrypted" => "Encrypted" }
            Bucket { "mfa_delete" => ! }
            EcsService { "assign_public_ip=true" => "ENABLED" }
            ApiStage { "access_logging" => "AccessLogSetting" }
            ApiStage @ "AWS::ApiGatewayV2::Stage" { "access_logging" => "AccessLogSettings" }
        },
    };

    #[test]
    fn spells_fields_and_values_by_kind() {
        assert_eq!(
            SOURCE.property(KindTag::Volume, "AWS::EC2::Volume", "encrypted"),
            "Encrypted"
        );
        assert_eq!(
            SOURCE.property(KindTag::Volume, "AWS::EC2::Volume", "kms_key"),
            "kms_key"
        );
        assert_eq!(
            SOURCE.property(KindTag::Bucket, "AWS::S3::Bucket", "encrypted"),
            "encrypted"
        );
        assert!(!SOURCE.declares(KindTag::Bucket, "AWS::S3::Bucket", "mfa_delete"));
        assert!(SOURCE.declares(KindTag::Bucket, "AWS::S3::Bucket", "versioning"));
        assert_eq!(
            SOURCE.property(KindTag::Bucket, "AWS::S3::Bucket", "mfa_delete"),
            "mfa_delete"
        );
        assert_eq!(
            SOURCE.spell_value(KindTag::EcsService, "assign_public_ip", "true"),
            "ENABLED"
        );
        assert_eq!(
            SOURCE.spell_value(KindTag::EcsService, "assign_public_ip", "false"),
            "false"
        );
        let stage = |t| SOURCE.property(KindTag::ApiStage, t, "access_logging");
        assert_eq!(stage("AWS::ApiGateway::Stage"), "AccessLogSetting");
        assert_eq!(stage("AWS::ApiGatewayV2::Stage"), "AccessLogSettings");
    }
}
