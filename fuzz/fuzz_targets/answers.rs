//! The manual answers file (`answers.yaml`) against the built-in Security Pillar lens: parse →
//! the assessment with those answers. Every problem must carry a line and column in the text.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use wasp_lens::{assess, Answers, Lens};

#[path = "common.rs"]
mod common;

fn lens() -> &'static Lens {
    static LENS: OnceLock<Lens> = OnceLock::new();
    LENS.get_or_init(Lens::builtin)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let lens = lens();
    match Answers::parse(text, Path::new("answers.yaml"), lens) {
        Ok(answers) => {
            for a in answers.answers.values() {
                assert!(
                    lens.best_practice(&a.best_practice).is_some(),
                    "answer for a best practice the lens does not have: {a:?}"
                );
            }
            let review = assess(lens, &[], &[], Some(&answers));
            let _ = review.risk_count(wasp_lens::QuestionRisk::High);
        }
        Err(e) => {
            assert!(!e.issues.is_empty(), "an error without issues");
            for i in &e.issues {
                let pos = wasp_core::Pos::new(i.line as u32, i.column as u32);
                common::assert_error_pos(text, pos, &i.message);
            }
            let _ = e.to_string();
        }
    }
});
