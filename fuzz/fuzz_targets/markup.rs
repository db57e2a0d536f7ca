//! Fuzz the Markdown and HTML readers with documents that look like real
//! pages: the first byte picks Markdown (even) or HTML (odd); every other
//! byte is a piece of prose with its markup, a zero byte ending a paragraph
//! (`invariants::markup_from_bytes`). Beside the invariants of
//! `tests/common/invariants.rs`, every mention's span must start and end
//! in the file with the mention's own characters (markup blanked in place).

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let html = selector % 2 == 1;
    let text = invariants::markup_from_bytes(html, bytes);
    let (name, hint) = if html {
        ("fuzz.html", Some(actorgraph::ingest::Format::Html))
    } else {
        ("fuzz.md", Some(actorgraph::ingest::Format::Markdown))
    };
    if let Some((_, rec)) = invariants::check_bytes(name, text.as_bytes(), hint) {
        invariants::check_markup_spans(&text, &rec);
    }
});
