//! The `.wasp.toml` configuration: parse (strict keys, types, globs, dates) → resolve
//! selectors, severity overrides and ignores against the built-in controls. Errors must point
//! into the text (line 0 only for the whole file).
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use wasp_engine::config::Config;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Config::parse(text, Path::new(".wasp.toml")) {
        Ok(cfg) => {
            if let Err(e) = cfg.resolve(&wasp_controls::metas(), wasp_controls::ALIASES) {
                assert!(!e.message.is_empty());
                let _ = e.to_string();
            }
        }
        Err(e) => {
            assert!(!e.message.is_empty(), "an error without a message");
            if e.line > 0 {
                common::assert_error_pos(text, wasp_core::Pos::new(e.line, e.column), &e.message);
            }
            let _ = e.to_string();
        }
    }
});
