//! The spelling tables of the sources name the model's own fields.

use std::collections::BTreeSet;

use wasp_model::{Kind, Spelling};

fn tables() -> [(&'static str, &'static [Spelling]); 2] {
    [
        ("cloudformation", wasp_iac::cfn::SOURCE.spelling),
        ("terraform", wasp_iac::terraform::SOURCE.spelling),
    ]
}

/// Every field a table spells (values aside) is a field of the kind's model JSON: its first
/// segment, and the next ones as long as they go through objects.
#[test]
fn tables_name_model_fields() {
    let mut wrong = Vec::new();
    for (source, table) in tables() {
        for s in table.iter().filter(|s| !s.field.contains('=')) {
            let mut json = serde_json::to_value(Kind::default_of(s.kind)).unwrap();
            for segment in s.field.split('.') {
                match json.get(segment) {
                    Some(v) => json = v.clone(),
                    None if json.is_object() => {
                        wrong.push(format!("{source}: {} has no `{}`", s.kind.name(), s.field));
                        break;
                    }
                    // A list or an absent struct: nothing further to check against.
                    None => break,
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A table spells each field of a kind (or of one type of it) once: a second entry would never
/// be read.
#[test]
fn tables_spell_each_field_once() {
    for (source, table) in tables() {
        let mut seen = BTreeSet::new();
        for s in table {
            assert!(
                seen.insert((s.kind, s.source_type, s.field)),
                "{source}: {} `{}` is spelled twice",
                s.kind.name(),
                s.field
            );
        }
    }
}
