//! Custom lens JSON (`wasp lens import`): parse and validate → the assessment view (risk rules
//! parsed) → export → import again (an exported lens must import back to the same document)
//! → an assessment without evidence.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wasp_lens::{assess, validate, Lens};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (lens, _warnings) = match Lens::import_str(text, None) {
        Ok(l) => l,
        Err(e) => {
            assert!(!e.issues.is_empty(), "an invalid lens without issues");
            return;
        }
    };
    let exported = lens.export_json();
    let again = validate::parse_lens(&exported)
        .unwrap_or_else(|e| panic!("an imported lens does not import back after export: {e:?}"));
    assert_eq!(again.document, lens.document, "export changed the document");
    let review = assess(&lens, &[], &[], None);
    let _ = review.risk_count(wasp_lens::QuestionRisk::High);
    for q in &lens.questions {
        let _ = lens.question(&q.id);
    }
});
