//! Inputs found by the fuzz targets (`scripts/fuzz.sh`, FUZZING.md), minimized where that kept
//! them readable. Each once broke an invariant the loaders promise: no panic, and every error
//! at a position inside the text.

use std::path::Path;

use wasp_core::Pos;
use wasp_iac::cfn::{self, CfnOptions, CfnTags};
use wasp_iac::yaml;

/// Last line and the column after the last character.
fn end_of(text: &str) -> Pos {
    let line = text.split('\n').count() as u32;
    let last = text.rsplit('\n').next().unwrap_or("");
    Pos::new(line, last.chars().count() as u32 + 1)
}

/// cfn_yaml: the YAML scanner reports errors at the end of input on a line after the last
/// one; the error must point at the end of the text instead (minimized: `%n`).
#[test]
fn yaml_error_at_end_of_input_is_inside_the_text() {
    let e = yaml::parse("%n", &CfnTags).unwrap_err();
    assert_eq!((e.pos.line, e.pos.col), (1, 3), "{e:?}");
    assert!(!e.message.is_empty());

    // As found: a template whose last line is a key without its colon.
    let text = include_str!("fuzz-regressions/yaml_error_at_end_of_input.yaml");
    let e = cfn::parse(text).unwrap_err();
    assert_eq!(e.pos, end_of(text), "{e:?}");
    assert_eq!(e.message, "simple key expected");
}

/// The same input without the stray last line still loads.
#[test]
fn yaml_error_at_end_of_input_template_loads_without_the_last_line() {
    let text = include_str!("fuzz-regressions/yaml_error_at_end_of_input.yaml");
    let fixed = text.trim_end_matches("Logging");
    let doc = cfn::parse(fixed).unwrap();
    let load = cfn::load(Path::new("t.yaml"), &doc, &CfnOptions::default());
    assert_eq!(load.model.resources.len(), 1);
    assert!(load.errors.is_empty(), "{:?}", load.errors);
}

/// tf_hcl loads files held in memory; that entry point must load a module as the directory
/// loader does.
#[test]
fn terraform_texts_load_like_the_directory() {
    use wasp_iac::terraform::{self, TfOptions};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/hardened/terraform");
    let opts = TfOptions::default();
    let from_dir = terraform::load_root_dir(&dir, &opts).load;
    let mut files: Vec<(std::path::PathBuf, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "tf"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .collect();
    files.sort();
    let from_texts = terraform::load_module_texts(&dir, &files, &opts);
    let addresses = |m: &wasp_model::Model| -> Vec<(String, u32)> {
        m.resources
            .iter()
            .map(|r| (r.address.clone(), r.pos.line))
            .collect()
    };
    assert!(!from_dir.model.resources.is_empty());
    assert_eq!(addresses(&from_texts.model), addresses(&from_dir.model));
    assert!(from_texts.errors.is_empty(), "{:?}", from_texts.errors);

    // A local module call is not followed in memory: its outputs are unknown, and no error.
    let text = "module \"m\" {\n  source = \"./m\"\n}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = module.m.name\n}\n";
    let load = terraform::load_module_texts(
        Path::new("mem"),
        &[(Path::new("mem/main.tf").to_path_buf(), text.to_string())],
        &opts,
    );
    assert_eq!(load.model.resources.len(), 1);
    assert!(load.errors.is_empty(), "{:?}", load.errors);
}
