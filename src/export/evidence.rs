//! The words behind a piece of evidence, read back from its document.
//!
//! Evidence keeps only `(doc, start, end)`; the document is read again from
//! `doc` (a path as it was given to `build`), tried as it is and then under
//! each of a list of base directories. A document that cannot be read, or
//! whose span no longer fits it (the file changed), gives a note saying so
//! instead of text.

use crate::graph::Evidence;
use serde::Serialize;
use std::collections::HashMap;
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
    docs: HashMap<String, Result<String, String>>,
}

impl DocCache {
    /// A cache that tries document paths as they are, then under `bases`.
    pub fn new(bases: Vec<PathBuf>) -> DocCache {
        DocCache {
            bases,
            docs: HashMap::new(),
        }
    }

    fn load(&self, doc: &str) -> Result<String, String> {
        let p = Path::new(doc);
        let first = match std::fs::read(p) {
            Ok(b) => return Ok(String::from_utf8_lossy(&b).into_owned()),
            Err(e) => e,
        };
        if p.is_relative() {
            for base in &self.bases {
                if let Ok(b) = std::fs::read(base.join(p)) {
                    return Ok(String::from_utf8_lossy(&b).into_owned());
                }
            }
        }
        Err(format!("document not readable here ({doc}: {first})"))
    }

    /// The text of one piece of evidence.
    pub fn text(&mut self, ev: &Evidence) -> EvidenceText {
        if !self.docs.contains_key(&ev.doc) {
            let loaded = self.load(&ev.doc);
            self.docs.insert(ev.doc.clone(), loaded);
        }
        let (text, error) = match &self.docs[&ev.doc] {
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
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
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
            });
            assert_eq!(t.text.as_deref(), want, "{doc} {start}..{end}");
            assert_eq!(t.error.is_some(), want.is_none());
        }
        let t = c.text(&Evidence {
            doc: "missing.txt".into(),
            start: 0,
            end: 1,
        });
        assert!(t.error.unwrap().contains("not readable"));
    }
}
