//! The rule of `tests/common/tools.rs`, checked: a test whose tool or
//! input is missing passes with a note locally and fails in CI. The test
//! runs itself as a child process under each environment (environment
//! variables cannot be set safely inside a multi-threaded test run).

mod common;

use std::process::Command;

const CHILD: &str = "ACTORGRAPH_TOOLS_RULE_CHILD";

#[test]
fn a_missing_tool_fails_only_in_ci() {
    if std::env::var_os(CHILD).is_some() {
        // The child: something is missing.
        let present = common::tools::require_or_skip(false, "a tool no machine has");
        assert!(!present);
        return;
    }
    let cases: &[(&[(&str, &str)], bool)] = &[
        (&[], false),
        (&[("CI", "false")], false),
        (&[("CI", "true")], true),
        (&[("CI", "1")], true),
        (&[("ACTORGRAPH_REQUIRE_TOOLS", "1")], true),
    ];
    for &(env, fails) in cases {
        let o = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "a_missing_tool_fails_only_in_ci", "--nocapture"])
            .env_remove("CI")
            .env_remove("ACTORGRAPH_REQUIRE_TOOLS")
            .env(CHILD, "1")
            .envs(env.iter().copied())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(!o.status.success(), fails, "{env:?}: {err}");
        assert!(err.contains("a tool no machine has"), "{env:?}: {err}");
        // The child really ran the test (not filtered to nothing).
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(
            out.contains("1 passed") || out.contains("1 failed"),
            "{out}"
        );
    }
}
