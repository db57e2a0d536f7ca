//! Reading the documents of a run: in parallel, in input order, each
//! failure reported on stderr with its path and counted.

use actorgraph::ingest::{collect_inputs, read_path, Encoding};
use actorgraph::pipeline::{DocRecord, Extractor};
use rayon::prelude::*;
use std::path::PathBuf;

/// What a run over documents gave.
pub struct Outcome {
    /// Records of the documents read, in input order.
    pub records: Vec<DocRecord>,
    /// How many paths or documents failed.
    pub failed: usize,
}

/// Read and extract every document under `paths`.
pub fn extract_all(paths: &[PathBuf], extractor: &Extractor) -> Outcome {
    let (inputs, errors) = collect_inputs(paths);
    let mut failed = errors.len();
    for e in &errors {
        eprintln!("actorgraph: {e}");
    }
    let results: Vec<_> = inputs
        .par_iter()
        .map(|input| read_path(&input.path).map(|doc| (doc.encoding, extractor.extract(&doc))))
        .collect();
    let mut records = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok((enc, rec)) => {
                if !enc.is_exact() {
                    eprintln!(
                        "actorgraph: {}: not valid UTF-8, read as {}; offsets refer to the decoded text",
                        rec.doc,
                        serde_json::to_value(enc).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
                    );
                }
                let _ = Encoding::Utf8;
                records.push(rec);
            }
            Err(e) => {
                eprintln!("actorgraph: {e}");
                failed += 1;
            }
        }
    }
    Outcome { records, failed }
}
