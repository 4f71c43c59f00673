//! The official SARIF 2.1.0 schema (`crates/wasp-report/tests/data/sarif-schema-2.1.0.json`,
//! draft 4, formats checked; its origin and licence in `tests/data/SOURCE`) as a test oracle, shared by the renderer's tests and the CLI's
//! (`#[path = ".../support/sarif_schema.rs"] mod sarif_schema;`).

use std::path::Path;

use serde_json::Value;

/// Every way `doc` breaks the schema, with the path of the offending value.
pub fn sarif_schema_errors(doc: &Value) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../wasp-report/tests/data/sarif-schema-2.1.0.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read the SARIF schema at {}: {e}", path.display()));
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles");
    validator
        .iter_errors(doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}
