//! The words behind a piece of evidence, read back from its document.
//!
//! Evidence keeps only `(doc, start, end)`; the document is read again from
//! `doc` (a path as it was given to `build`), tried as it is and then under
//! each of a list of base directories. A document that cannot be read, or
//! whose span no longer fits it (the file changed), gives a note saying so
//! instead of text.
//!
//! A graph JSON is data from anywhere, and its `doc` fields could name any
//! file (`/etc/passwd`, `/dev/zero`). So a document is read back only when
//! its real path (links followed) is
//!
//! * under one of the base directories (`--docs`, the graph's directory)
//!   or of the roots the graph was built from (its `roots` field: the
//!   paths given to `build`, resolved like the documents; a graph saved
//!   before roots were recorded has none),
//! * a regular file with a document's extension (`.txt`, `.md`, `.html`,
//!   ...), so no root, however broad, opens a key, `/etc/passwd` or a
//!   device (a graph from elsewhere names its own roots),
//! * and not larger than [`MAX_DOCUMENT_BYTES`].
//!
//! Anything else gives a note saying why it was refused. The bytes are
//! decoded as at extraction ([`crate::ingest::decode_bytes`]: UTF-16 and
//! Windows-1252 files show their text, spans fit), and a UTF-8 byte order
//! mark is never shown.
//!
//! Evidence of a **record** of a JSON Lines file (its `file` and `line`
//! set, `doc` the record's id) is read from that line of the file (under
//! the same rules, the file a `.jsonl` or `.ndjson` one of any size, each
//! record at most [`MAX_DOCUMENT_BYTES`]): the record's `text` field (else
//! `html`, `body` or `content`), when its `id`, if it has one, is still
//! the evidence's document. Records of CSV and compressed files are not
//! read back (a note says so).

use crate::graph::Evidence;
use crate::ingest::{decode_bytes, Format, MAX_DOCUMENT_BYTES};
use serde::Serialize;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// A piece of evidence with its text, or the reason there is none.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EvidenceText {
    /// The document.
    pub doc: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The words at the span, whitespace collapsed; `null` when unreadable.
    pub text: Option<String>,
    /// Why there is no text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// Reads documents once and slices evidence out of them.
#[derive(Debug, Default)]
pub struct DocCache {
    bases: Vec<PathBuf>,
    roots: Vec<PathBuf>,
    /// The real paths documents may be read under, worked out once.
    allowed: Option<Vec<PathBuf>>,
    docs: HashMap<String, Result<String, String>>,
    /// The start offset of each line of the record files read, by real
    /// path.
    lines: HashMap<PathBuf, Vec<u64>>,
}

/// The fields a record's text may be in, in the order tried.
const TEXT_FIELDS: [&str; 4] = ["text", "html", "body", "content"];

/// True for a JSON Lines file (whose records evidence may be read from).
fn is_jsonl(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

impl DocCache {
    /// A cache that tries document paths as they are, then under `bases`;
    /// documents are read only under `bases` (and the roots given to
    /// [`DocCache::with_roots`]).
    pub fn new(bases: Vec<PathBuf>) -> DocCache {
        DocCache {
            bases,
            ..DocCache::default()
        }
    }

    /// Also read documents under these roots (a graph's
    /// [`ActorGraph::roots`](crate::graph::ActorGraph::roots)), resolved
    /// as documents are: as they are, then under each base.
    pub fn with_roots<I, P>(mut self, roots: I) -> DocCache
    where
        I: IntoIterator<Item = P>,
        P: AsRef<Path>,
    {
        self.roots
            .extend(roots.into_iter().map(|r| r.as_ref().to_path_buf()));
        self.allowed = None;
        self
    }

    /// The real paths of the bases and roots that exist.
    fn allowed(&mut self) -> &[PathBuf] {
        if self.allowed.is_none() {
            let mut v: Vec<PathBuf> = Vec::new();
            let mut add = |p: &Path| {
                if let Ok(real) = std::fs::canonicalize(p) {
                    if !v.contains(&real) {
                        v.push(real);
                    }
                }
            };
            for b in &self.bases {
                add(b);
            }
            for r in &self.roots {
                add(r);
                if r.is_relative() {
                    for b in &self.bases {
                        add(&b.join(r));
                    }
                }
            }
            self.allowed = Some(v);
        }
        self.allowed.as_deref().unwrap_or_default()
    }

    /// Why the file at real path `real` may not be read, if it may not
    /// (`records`: a JSON Lines file of records, of any size).
    fn refusal(&mut self, real: &Path, records: bool) -> Option<String> {
        if !self.allowed().iter().any(|root| real.starts_with(root)) {
            return Some(format!(
                "{}: refused: not under the paths the graph was built from \
                 (give the documents' directory with --docs)",
                real.display()
            ));
        }
        if records && !is_jsonl(real) {
            return Some(format!(
                "{}: refused: evidence is read back from JSON Lines records only (.jsonl, .ndjson)",
                real.display()
            ));
        }
        if !records && Format::from_path(real).is_none() {
            return Some(format!(
                "{}: refused: not a document (.txt, .md, .html)",
                real.display()
            ));
        }
        match std::fs::metadata(real) {
            Ok(m) if !m.is_file() => {
                Some(format!("{}: refused: not a regular file", real.display()))
            }
            Ok(_) if records => None,
            Ok(m) if m.len() > MAX_DOCUMENT_BYTES => Some(format!(
                "{}: refused: larger than {MAX_DOCUMENT_BYTES} bytes",
                real.display()
            )),
            Ok(_) => None,
            Err(e) => Some(format!("{}: {e}", real.display())),
        }
    }

    /// The real path of the file `doc` names (as it is, then under each
    /// base) that may be read, or why there is none.
    fn resolve(&mut self, doc: &str, records: bool) -> Result<PathBuf, String> {
        let p = Path::new(doc);
        let mut tries = vec![p.to_path_buf()];
        if p.is_relative() {
            tries.extend(self.bases.iter().map(|b| b.join(p)));
        }
        let mut first_error: Option<String> = None;
        let mut refused: Option<String> = None;
        for t in tries {
            let real = match std::fs::canonicalize(&t) {
                Ok(r) => r,
                Err(e) => {
                    first_error.get_or_insert_with(|| e.to_string());
                    continue;
                }
            };
            match self.refusal(&real, records) {
                Some(why) => {
                    refused.get_or_insert(why);
                }
                None => return Ok(real),
            }
        }
        if let Some(why) = refused {
            return Err(format!("document not read ({why})"));
        }
        Err(format!(
            "document not readable here ({doc}: {}; give the documents' directory with --docs)",
            first_error.unwrap_or_default()
        ))
    }

    /// The text of the record at `line` of the JSON Lines file `file`,
    /// which should be the document `id`.
    fn load_record(&mut self, file: &str, line: u64, id: &str) -> Result<String, String> {
        use std::io::{BufRead, Seek};
        let real = self.resolve(file, true)?;
        let io = |e: std::io::Error| format!("{}: {e}", real.display());
        if !self.lines.contains_key(&real) {
            // Each line's start, found once per file.
            let mut starts = vec![0u64];
            let f = std::fs::File::open(&real).map_err(io)?;
            let mut r = std::io::BufReader::with_capacity(1 << 16, f);
            let mut at = 0u64;
            loop {
                let buf = r.fill_buf().map_err(io)?;
                if buf.is_empty() {
                    break;
                }
                let n = buf.len();
                for i in memchr::memchr_iter(b'\n', buf) {
                    starts.push(at + i as u64 + 1);
                }
                at += n as u64;
                r.consume(n);
            }
            self.lines.insert(real.clone(), starts);
        }
        let starts = &self.lines[&real];
        let start = line
            .checked_sub(1)
            .and_then(|k| starts.get(k as usize))
            .copied()
            .ok_or_else(|| {
                format!(
                    "{}: has no line {line} (changed since the graph was built?)",
                    real.display()
                )
            })?;
        let mut f = std::fs::File::open(&real).map_err(io)?;
        f.seek(std::io::SeekFrom::Start(start)).map_err(io)?;
        let mut bytes = Vec::new();
        std::io::BufReader::new(f)
            .take(MAX_DOCUMENT_BYTES + 1)
            .read_until(b'\n', &mut bytes)
            .map_err(io)?;
        let record: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| {
            format!(
                "{}:{line}: not a JSON record ({e}; changed since the graph was built?)",
                real.display()
            )
        })?;
        if let Some(other) = record.get("id").and_then(|v| v.as_str()) {
            if other != id {
                return Err(format!(
                    "{}:{line}: holds {other:?}, not {id:?} (changed since the graph was built?)",
                    real.display()
                ));
            }
        }
        TEXT_FIELDS
            .iter()
            .find_map(|f| record.get(*f).and_then(|v| v.as_str()))
            .map(str::to_owned)
            .ok_or_else(|| format!("{}:{line}: the record has no text field", real.display()))
    }

    fn load(&mut self, doc: &str) -> Result<String, String> {
        let real = self.resolve(doc, false)?;
        let read = std::fs::File::open(&real).and_then(|f| {
            let mut bytes = Vec::new();
            f.take(MAX_DOCUMENT_BYTES + 1).read_to_end(&mut bytes)?;
            Ok(bytes)
        });
        match read {
            Ok(b) if b.len() as u64 > MAX_DOCUMENT_BYTES => Err(format!(
                "document not read ({}: refused: larger than {MAX_DOCUMENT_BYTES} bytes)",
                real.display()
            )),
            Ok(b) => Ok(decode_bytes(&b).0),
            Err(e) => Err(format!(
                "document not readable here ({doc}: {e}; give the documents' directory with --docs)"
            )),
        }
    }

    /// The text of one piece of evidence.
    pub fn text(&mut self, ev: &Evidence) -> EvidenceText {
        // A record is cached under its file and line, a file under its name.
        let key = match (ev.file(), ev.line()) {
            (Some(f), Some(l)) => format!("{f}\0{l}\0{}", ev.doc),
            (Some(f), None) => f.to_owned(),
            _ => ev.doc.clone(),
        };
        if !self.docs.contains_key(&key) {
            let loaded = match (ev.file(), ev.line()) {
                (Some(f), Some(l)) => self.load_record(f, l, &ev.doc),
                (Some(f), None) => self.load(f),
                _ => self.load(&ev.doc),
            };
            self.docs.insert(key.clone(), loaded);
        }
        let (text, error) = match &self.docs[&key] {
            Ok(t) => match t.get(ev.start..ev.end) {
                Some(s) => (Some(collapse(s)), None),
                None => (
                    None,
                    Some(format!(
                        "span {}..{} does not fit {} (changed since the graph was built?)",
                        ev.start, ev.end, ev.doc
                    )),
                ),
            },
            Err(e) => (None, Some(e.clone())),
        };
        EvidenceText {
            doc: ev.doc.clone(),
            start: ev.start,
            end: ev.end,
            text,
            error,
        }
    }
}

/// Whitespace runs collapsed to one space, ends trimmed.
/// A byte order mark is dropped.
pub fn collapse(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '\u{feff}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_spans_and_explains_failures() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "Ines Varga met\n  Tavi Renn. Then rain.").unwrap();
        let mut c = DocCache::new(vec![dir.path().to_path_buf()]);
        let cases: [(&str, usize, usize, Option<&str>); 4] = [
            (
                p.to_str().unwrap(),
                0,
                27,
                Some("Ines Varga met Tavi Renn."),
            ),
            ("a.txt", 28, 38, Some("Then rain.")),
            ("a.txt", 30, 99, None),
            ("missing.txt", 0, 3, None),
        ];
        for (doc, start, end, want) in cases {
            let t = c.text(&Evidence {
                doc: doc.into(),
                start,
                end,
                ..Default::default()
            });
            assert_eq!(t.text.as_deref(), want, "{doc} {start}..{end}");
            assert_eq!(t.error.is_some(), want.is_none());
        }
        let t = c.text(&Evidence {
            doc: "missing.txt".into(),
            start: 0,
            end: 1,
            ..Default::default()
        });
        assert!(t.error.unwrap().contains("not readable"));
    }

    #[test]
    fn reads_records_of_json_lines_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("news.jsonl");
        std::fs::write(
            &p,
            concat!(
                r#"{"id": "hw-1", "text": "Ines Varga met Paulo Brandt."}"#,
                "\n",
                r#"{"id": "hw-2", "html": "<p>Olek Sarno spoke.</p>"}"#,
                "\n"
            ),
        )
        .unwrap();
        std::fs::write(
            dir.path().join("news.csv"),
            "id,text\nhw-3,Tavi Renn left.\n",
        )
        .unwrap();
        let mut c = DocCache::new(vec![dir.path().to_path_buf()]);
        let ev = |doc: &str, file: &str, line, start, end| Evidence {
            source: Some(Box::new(crate::graph::EvidenceSource {
                file: Some(file.into()),
                line: Some(line),
                date: None,
            })),
            ..Evidence::new(doc, start, end)
        };
        let t = c.text(&ev("hw-1", "news.jsonl", 1, 0, 10));
        assert_eq!(t.text.as_deref(), Some("Ines Varga"));
        assert_eq!(t.doc, "hw-1");
        let t = c.text(&ev("hw-2", "news.jsonl", 2, 3, 13));
        assert_eq!(t.text.as_deref(), Some("Olek Sarno"));
        let t = c.text(&ev("hw-9", "news.jsonl", 1, 0, 4));
        assert!(t.error.unwrap().contains("not \"hw-9\""));
        let t = c.text(&ev("hw-1", "news.jsonl", 7, 0, 4));
        assert!(t.error.unwrap().contains("no line 7"));
        let t = c.text(&ev("hw-3", "news.csv", 2, 0, 4));
        assert!(t.error.unwrap().contains("JSON Lines records only"));
    }
}
