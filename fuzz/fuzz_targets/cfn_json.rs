//! CloudFormation JSON: parse (positions, duplicate keys, depth limit) → load → every control of
//! the registry through `wasp_engine::evaluate`. `cfn::parse` is used so the BOM / `{` sniffing
//! that picks JSON over YAML is covered too.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use wasp_iac::cfn::{self, CfnOptions};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = cfn::sniff(text);
    let parsed = if text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
    {
        cfn::parse(text)
    } else {
        wasp_iac::json::parse(text)
    };
    let doc = match parsed {
        Ok(d) => d,
        Err(e) => {
            common::assert_error_pos(text, e.pos, &e.message);
            return;
        }
    };
    let _ = cfn::is_template(&doc);
    let load = cfn::load(Path::new("fuzz-input.json"), &doc, &CfnOptions::default());
    for r in &load.model.resources {
        common::assert_pos_within(text, r.pos, &r.address);
    }
    let _ = wasp_engine::evaluate(&load.model);
});
