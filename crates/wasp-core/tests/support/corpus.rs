//! The large third-party corpora beside the repository (`../shared/corpora/<name>`), for the
//! tests that read them: `#[path = ".../wasp-core/tests/support/corpus.rs"] mod corpus;`.
//!
//! A clone on its own has none of them: such a test says it skipped, on the terminal (not in
//! the captured output), and passes. With `WASP_REQUIRE_CORPORA` set (as `.ci/run` sets it),
//! a missing corpus fails the test instead, so CI never passes it without checking anything.

use std::io::Write;
use std::path::PathBuf;

/// The corpus's directory, or `None` (said on stderr) when it is absent.
pub fn corpus(name: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpora")
        .join(name);
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var_os("WASP_REQUIRE_CORPORA").is_some() {
        panic!(
            "WASP_REQUIRE_CORPORA is set but the corpus `{name}` is missing at {}",
            dir.display()
        );
    }
    // Written to the stream itself: the test harness captures only `print!`-style output.
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED: the corpus `{name}` is not at {} (set WASP_REQUIRE_CORPORA=1 to make this a failure)",
        dir.display()
    );
    None
}
