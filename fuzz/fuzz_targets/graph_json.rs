//! Fuzz reading a saved graph (`build old.json ...`, `query`): any bytes
//! as graph JSON. Accepted graphs must round-trip through JSON, merge into
//! themselves without wrapping a count, and write as JSON, DOT (which must
//! parse), GraphML, GEXF and CSV (`invariants::check_graph_json`).

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    invariants::check_graph_json(data);
});
