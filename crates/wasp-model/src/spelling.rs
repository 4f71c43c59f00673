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
    fn find(&self, kind: KindTag, field: &str) -> Option<Property> {
        self.spelling
            .iter()
            .find(|s| s.kind == kind && s.field == field)
            .map(|s| s.property)
    }

    /// The source's name for a field of a kind; the field itself when it has none.
    pub fn property(&self, kind: KindTag, field: &'static str) -> &'static str {
        match self.find(kind, field) {
            Some(Property::Named(p)) => p,
            _ => field,
        }
    }

    /// Whether the source can declare a field of a kind.
    pub fn declares(&self, kind: KindTag, field: &str) -> bool {
        self.find(kind, field) != Some(Property::Undeclarable)
    }

    /// How the source writes `value` of a field of a kind.
    pub fn spell_value<'a>(&self, kind: KindTag, field: &str, value: &'a str) -> &'a str {
        let found = self.spelling.iter().find(|s| {
            s.kind == kind
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

/// Spelling entries, kind by kind:
///
/// ```
/// use wasp_model::{spelling, KindTag, Property, Spelling};
/// static SPELLING: &[Spelling] = spelling! {
///     Volume { "encrypted" => "Encrypted", "kms_key" => "KmsKeyId" }
///     Bucket { "mfa_delete" => ! }
/// };
/// assert_eq!(SPELLING.len(), 3);
/// assert_eq!(SPELLING[2].property, Property::Undeclarable);
/// ```
#[macro_export]
macro_rules! spelling {
    ($($kind:ident { $($field:literal => $prop:tt),* $(,)? })*) => {
        &[$($($crate::Spelling {
            kind: $crate::KindTag::$kind,
            field: $field,
            property: $crate::spelling!(@prop $prop),
        },)*)*]
    };
    (@prop !) => { $crate::Property::Undeclarable };
    (@prop $p:literal) => { $crate::Property::Named($p) };
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
        },
    };

    #[test]
    fn spells_fields_and_values_by_kind() {
        assert_eq!(SOURCE.property(KindTag::Volume, "encrypted"), "Encrypted");
        assert_eq!(SOURCE.property(KindTag::Volume, "kms_key"), "kms_key");
        assert_eq!(SOURCE.property(KindTag::Bucket, "encrypted"), "encrypted");
        assert!(!SOURCE.declares(KindTag::Bucket, "mfa_delete"));
        assert!(SOURCE.declares(KindTag::Bucket, "versioning"));
        assert_eq!(SOURCE.property(KindTag::Bucket, "mfa_delete"), "mfa_delete");
        assert_eq!(
            SOURCE.spell_value(KindTag::EcsService, "assign_public_ip", "true"),
            "ENABLED"
        );
        assert_eq!(
            SOURCE.spell_value(KindTag::EcsService, "assign_public_ip", "false"),
            "false"
        );
    }
}
