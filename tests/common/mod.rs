//! Helpers shared by the integration tests.

pub mod cli;
pub mod invariants;
pub mod jsonl;
pub mod tools;
