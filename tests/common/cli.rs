//! Running the real binary: the helpers every command-line test file needs.
// Each test crate compiles this module and uses only some of it.
#![allow(dead_code)]

use serde_json::Value;
use std::process::{Command, Output};

/// The `actorgraph` binary built for these tests.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_actorgraph"))
}

/// Run it with these arguments and wait for it.
pub fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run actorgraph")
}

/// What it printed on standard output, as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// What it printed on standard error, as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The JSON Lines records `extract` printed, one value a line.
pub fn records(o: &Output) -> Vec<Value> {
    String::from_utf8(o.stdout.clone())
        .expect("JSON Lines are UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}
