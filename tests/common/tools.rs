//! Tests that need something outside the repo (`../shared`, Graphviz,
//! Chromium, `mkfifo`): one rule for when it is missing. Locally the test
//! says so and stops (passes); in CI (`CI=true`, as CI services set it) or
//! with `ACTORGRAPH_REQUIRE_TOOLS` set, it fails, so no check passes
//! vacuously there (checked by `tests/tools_rule.rs`).
// Each test crate compiles this module and uses only some of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// Whether a missing tool or input fails the test: `CI` is `true` (or
/// `1`), or `ACTORGRAPH_REQUIRE_TOOLS` is set.
pub fn strict() -> bool {
    let ci = std::env::var("CI").unwrap_or_default();
    ci.eq_ignore_ascii_case("true")
        || ci == "1"
        || std::env::var_os("ACTORGRAPH_REQUIRE_TOOLS").is_some()
}

/// A check that needs `what`, which is missing: a note, or a panic when
/// [`strict`].
pub fn skip(what: &str) {
    if strict() {
        panic!("{what} (required: CI=true or ACTORGRAPH_REQUIRE_TOOLS is set)");
    }
    eprintln!("note: {what}; check skipped");
}

/// `present`, after a [`skip`] note (or panic) naming `what` when it is
/// not: `if !require_or_skip(have, "...") { return; }`.
pub fn require_or_skip(present: bool, what: &str) -> bool {
    if !present {
        skip(&format!("{what} missing"));
    }
    present
}

/// The program's path, if it is on `PATH`.
pub fn which(program: &str) -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|d| d.join(program))
        .find(|p| p.is_file())
}

/// A path under the shared data directory, if it exists; else a [`skip`]
/// note (or panic) naming it. The directory is `../shared` beside the repo,
/// or `$ACTORGRAPH_SHARED` when set (a git worktree elsewhere).
pub fn shared(rel: &str) -> Option<PathBuf> {
    let dir = match std::env::var_os("ACTORGRAPH_SHARED") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
    };
    let p = dir.join(rel);
    require_or_skip(p.exists(), &p.display().to_string()).then_some(p)
}
