//! Fuzz `extract` over any bytes: `ingest::read_bytes` then
//! `Extractor::extract`, with the invariants of `tests/common/invariants.rs`
//! (spans slice back, JSON round-trips, DOT and graph JSON parse).
//! The first byte picks the format hint; the rest is the file.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let (name, hint) = invariants::hint_of(selector);
    invariants::check_bytes(name, bytes, hint);
});
