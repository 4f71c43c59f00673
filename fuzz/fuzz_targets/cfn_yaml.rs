//! CloudFormation YAML: parse (short-form tags, anchors, limits) → load (intrinsics, SAM,
//! adapters) → every control of the registry through `wasp_engine::evaluate`.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use wasp_iac::cfn::{self, CfnOptions, CfnTags};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = cfn::sniff(text);
    let doc = match wasp_iac::yaml::parse(text, &CfnTags) {
        Ok(d) => d,
        Err(e) => {
            common::assert_error_pos(text, e.pos, &e.message);
            return;
        }
    };
    let _ = cfn::is_template(&doc);
    let opts = CfnOptions {
        params: vec![("Env".into(), "prod".into())],
    };
    let load = cfn::load(Path::new("fuzz-input.yaml"), &doc, &opts);
    for r in &load.model.resources {
        common::assert_pos_within(text, r.pos, &r.address);
    }
    let _ = wasp_engine::evaluate(&load.model);
});
