//! Word knowledge shared by the stages, below all of them: word lists kept
//! as data files ([`data`]), fast hash maps for words ([`hash`]), and short
//! words packed into integers (`key`).
//!
//! Nothing here knows English: the stages own their lists (`src/*/data`)
//! and say what each line means; this module parses the files, merges a
//! user's additions into them, and rejects what no list may hold (a word
//! twice, a malformed example).

pub mod data;
pub mod hash;
pub(crate) mod key;

pub use data::{DataError, DataFile, DataSet, Entry, Example};
