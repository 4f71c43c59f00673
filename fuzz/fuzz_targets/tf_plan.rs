//! Terraform plan JSON (`terraform show -json`): parse → `load_plan` (planned values,
//! `after_unknown`, configuration references, nested modules) → every control.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use wasp_iac::terraform;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let doc = match wasp_iac::json::parse(text) {
        Ok(d) => d,
        Err(e) => {
            common::assert_error_pos(text, e.pos, &e.message);
            return;
        }
    };
    let _ = terraform::is_plan(&doc);
    let load = terraform::load_plan(Path::new("fuzz-plan.json"), &doc);
    for r in &load.model.resources {
        common::assert_pos_within(text, r.pos, &r.address);
    }
    let _ = wasp_engine::evaluate(&load.model);
});
