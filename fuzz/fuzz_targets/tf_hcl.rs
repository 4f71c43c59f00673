//! Terraform configuration: one file's text (HCL, or Terraform JSON when it starts with `{`) as
//! a root module loaded in memory → static evaluation (variables, locals, functions,
//! count/for_each, templates) → adapters → every control.
#![no_main]

use std::path::{Path, PathBuf};

use libfuzzer_sys::fuzz_target;
use wasp_iac::terraform::{self, TfOptions};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let name = if text.trim_start().starts_with('{') {
        "main.tf.json"
    } else {
        "main.tf"
    };
    let dir = Path::new("fuzz-module");
    let files = [(dir.join(name), text.to_string())];
    let opts = TfOptions {
        vars: vec![("env".into(), "prod".into())],
        var_files: Vec::<PathBuf>::new(),
    };
    let load = terraform::load_module_texts(dir, &files, &opts);
    for e in &load.errors {
        assert!(!e.message.is_empty(), "an input error without a message");
        if e.location.line() > 0 {
            common::assert_pos_within(text, wasp_core::Pos::new(e.location.line(), 1), &e.message);
        }
    }
    let _ = wasp_engine::evaluate(&load.model);
});
