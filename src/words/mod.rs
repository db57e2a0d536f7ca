//! Word knowledge shared by the stages, below all of them: word lists kept
//! as data files ([`data`]), fast hash maps for words ([`hash`]), and short
//! words packed into integers (`key`), and the one word table the stages
//! look their words up in ([`table`]: [`WordTable`] by [`Key`]).
//!
//! Nothing here knows English: the stages own their lists (`src/*/data`)
//! and say what each line means; this module parses the files, merges a
//! user's additions into them, and rejects what no list may hold (a word
//! twice, a malformed example).

pub mod data;
pub mod hash;
pub(crate) mod key;
pub mod table;

pub use data::{DataError, DataFile, DataSet, Entry, Example};
pub use table::{Key, WordTable, WordTableBuilder, WordView, KEY_BYTES};
