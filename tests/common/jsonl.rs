//! Corpora as JSON Lines: the fixture writer the record and Spark tests
//! share.
// Each test crate compiles this module and uses only some of it.
#![allow(dead_code)]

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The files of `dir` (`.txt`, `.md`, `.html`) as one JSON Lines file, a
/// record per file in path order, with its path as id and, when the file
/// name holds one (`outlet_2016-03-03_title.txt`, as PolNeAR's do), its
/// date and outlet: the fixture generator for corpora of loose files.
pub fn to_json_lines(dir: &Path, out: &Path) -> usize {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("txt" | "md" | "html")
            )
        })
        .collect();
    paths.sort();
    let mut f = std::io::BufWriter::new(std::fs::File::create(out).unwrap());
    for p in &paths {
        let text = std::fs::read_to_string(p).unwrap();
        let name = p.file_name().unwrap().to_str().unwrap();
        let mut rec = serde_json::json!({ "id": name });
        let key = if name.ends_with(".html") {
            "html"
        } else {
            "text"
        };
        rec[key] = Value::from(text);
        let parts: Vec<&str> = name.splitn(3, '_').collect();
        if parts.len() == 3 && parts[1].len() == 10 && parts[1].as_bytes()[4] == b'-' {
            rec["source"] = Value::from(parts[0]);
            rec["date"] = Value::from(parts[1]);
        }
        serde_json::to_writer(&mut f, &rec).unwrap();
        f.write_all(b"\n").unwrap();
    }
    paths.len()
}
