//! Invariants every input must keep, shared by the property tests
//! (`tests/props.rs`), the hostile-input tests (`tests/hostile.rs`) and the
//! cargo-fuzz target (`fuzz/fuzz_targets/extract.rs`, which includes this
//! file by path).
//!
//! [`check_bytes`] runs any bytes through `ingest::read_bytes` and
//! `Extractor::extract` and panics (with the reason) when:
//!
//! * a span of the record is out of bounds, reversed, or not on character
//!   boundaries of the analysed body and of the text as read, or a mention's or speaker's `text` is
//!   not what its span slices;
//! * the body is not as long as the text, or a UTF-8 document's text is not
//!   the input bytes;
//! * the JSON record does not round-trip through serde_json;
//! * the DOT or JSON graph of the record does not parse.

#![allow(dead_code)]

use actorgraph::export::{self, Format as OutFormat};
use actorgraph::graph::{ActorGraph, GraphOptions};
use actorgraph::ingest::{read_bytes, Document, Encoding, Format};
use actorgraph::pipeline::{DocRecord, Extractor};

/// The format hint a fuzz input asks for (its first byte, when it has one).
pub fn hint_of(selector: u8) -> (&'static str, Option<Format>) {
    match selector % 4 {
        0 => ("fuzz.txt", Some(Format::Text)),
        1 => ("fuzz.md", Some(Format::Markdown)),
        2 => ("fuzz.html", Some(Format::Html)),
        _ => ("fuzz", None),
    }
}

/// Run the whole pipeline on `data` read as `name` and check every
/// invariant. Returns the document and record when the input was a
/// document (binary and empty inputs are errors that name the file).
pub fn check_bytes(name: &str, data: &[u8], hint: Option<Format>) -> Option<(Document, DocRecord)> {
    let doc = match read_bytes(name, data, hint) {
        Ok(d) => d,
        Err(e) => {
            assert!(
                e.to_string().contains(name),
                "error {e} does not name {name}"
            );
            return None;
        }
    };
    assert_eq!(
        doc.body.len(),
        doc.text.len(),
        "body and text lengths differ"
    );
    if doc.encoding == Encoding::Utf8 {
        assert_eq!(
            doc.text.as_bytes(),
            data,
            "UTF-8 text is not the input bytes"
        );
    }
    let rec = Extractor::new().extract(&doc);
    check_record(&doc, &rec);
    Some((doc, rec))
}

/// `s..e` must be a non-reversed range on character boundaries of `body`
/// and of `text` (the text as read: spans are offsets into the file);
/// returns the slice of `body`.
fn slice<'t>(body: &'t str, text: &str, s: usize, e: usize, what: &str) -> &'t str {
    assert!(s <= e, "{what}: reversed span {s}..{e}");
    assert!(
        text.get(s..e).is_some(),
        "{what}: span {s}..{e} off the char boundaries of the text as read"
    );
    body.get(s..e).unwrap_or_else(|| {
        panic!(
            "{what}: span {s}..{e} out of bounds or off char boundaries (len {})",
            body.len()
        )
    })
}

/// Check a record against its document.
pub fn check_record(doc: &Document, rec: &DocRecord) {
    let body = doc.body.as_str();
    assert_eq!(rec.doc, doc.name);
    assert_eq!(rec.encoding, doc.encoding);
    for m in &rec.mentions {
        let got = slice(body, &doc.text, m.start, m.end, "mention");
        assert_eq!(got, m.text, "mention text differs from its span");
        assert!(!m.text.is_empty(), "empty mention at {}", m.start);
        assert!(
            m.sentence < rec.sentences.len().max(1),
            "mention sentence index out of range"
        );
    }
    let mut prev_end = 0;
    for s in &rec.sentences {
        slice(body, &doc.text, s.start, s.end, "sentence");
        assert!(
            s.start >= prev_end,
            "sentences overlap or go backwards at {}",
            s.start
        );
        prev_end = s.end;
    }
    for a in &rec.attributions {
        if let Some(sp) = &a.speaker {
            let got = slice(body, &doc.text, sp.start, sp.end, "speaker");
            assert_eq!(got, sp.text, "speaker text differs from its span");
        }
        for p in a.cue.pieces() {
            slice(body, &doc.text, p.start, p.end, "cue");
        }
        for p in a.content.pieces() {
            slice(body, &doc.text, p.start, p.end, "content");
        }
        assert!(
            a.sentence < rec.sentences.len(),
            "attribution sentence index out of range"
        );
    }
    // The JSON Lines record round-trips.
    let line = serde_json::to_string(rec).expect("record serializes");
    assert!(!line.contains('\n'), "a JSON Lines record holds a newline");
    let back: DocRecord = serde_json::from_str(&line).expect("record parses back");
    assert_eq!(&back, rec, "record changed in a JSON round trip");
    // The graph of the record exports to DOT and JSON that parse.
    let mut g = ActorGraph::new(GraphOptions::default());
    g.add_record(rec);
    let mut dot = Vec::new();
    export::write(&g, OutFormat::Dot, &mut dot).expect("DOT writes");
    let dot = String::from_utf8(dot).expect("DOT is UTF-8");
    if let Err(e) = check_dot(&dot) {
        panic!("DOT does not parse: {e}\n{dot}");
    }
    let mut json = Vec::new();
    export::write(&g, OutFormat::Json, &mut json).expect("JSON writes");
    serde_json::from_slice::<serde_json::Value>(&json).expect("graph JSON parses");
}

/// A small checker for the DOT the exporter writes: `digraph ID { stmt;* }`
/// where IDs are bare words, numbers or double-quoted strings (escapes
/// `\"` and `\\`, no raw control characters, at most 16 KiB as Graphviz
/// requires), attribute lists are
/// balanced `[ a=b, ... ]`, statements end in `;`, and nothing follows the
/// closing brace. Returns the first problem found.
pub fn check_dot(dot: &str) -> Result<(), String> {
    // Graphviz's scanner stops at 16 KiB per quoted string.
    const GRAPHVIZ_MAX_STRING: usize = 16384;
    #[derive(Debug, PartialEq)]
    enum Tok {
        Id,
        Sym(char),
        Arrow,
    }
    let mut toks = Vec::new();
    let mut it = dot.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        match c {
            c if c.is_whitespace() => {}
            '"' => {
                let mut closed = false;
                while let Some((_, d)) = it.next() {
                    match d {
                        '\\' => {
                            it.next()
                                .ok_or(format!("dangling escape in string at {i}"))?;
                        }
                        '"' => {
                            closed = true;
                            break;
                        }
                        d if d.is_control() && d != '\t' => {
                            return Err(format!("control character in string at {i}"))
                        }
                        _ => {}
                    }
                }
                if !closed {
                    return Err(format!("unterminated string at {i}"));
                }
                let len = it.peek().map_or(dot.len(), |&(j, _)| j) - i;
                if len > GRAPHVIZ_MAX_STRING {
                    return Err(format!(
                        "quoted string at {i} is {len} bytes; Graphviz refuses more than {GRAPHVIZ_MAX_STRING}"
                    ));
                }
                toks.push(Tok::Id);
            }
            '-' if it.peek().is_some_and(|&(_, d)| d == '>') => {
                it.next();
                toks.push(Tok::Arrow);
            }
            '{' | '}' | '[' | ']' | '=' | ',' | ';' => toks.push(Tok::Sym(c)),
            c if c.is_alphanumeric() || c == '_' || c == '.' || c == '-' || c == '#' => {
                while it
                    .peek()
                    .is_some_and(|&(_, d)| d.is_alphanumeric() || d == '_' || d == '.')
                {
                    it.next();
                }
                toks.push(Tok::Id);
            }
            c => return Err(format!("unexpected {c:?} at {i}")),
        }
    }
    // Grammar: Id(digraph) Id '{' stmt* '}'.
    let mut k = 0;
    let expect = |k: &mut usize, t: Tok| -> Result<(), String> {
        if toks.get(*k) == Some(&t) {
            *k += 1;
            Ok(())
        } else {
            Err(format!(
                "expected {t:?} at token {k}, found {:?}",
                toks.get(*k)
            ))
        }
    };
    expect(&mut k, Tok::Id)?;
    expect(&mut k, Tok::Id)?;
    expect(&mut k, Tok::Sym('{'))?;
    loop {
        match toks.get(k) {
            Some(Tok::Sym('}')) => {
                k += 1;
                break;
            }
            Some(Tok::Id) => {
                k += 1;
                if toks.get(k) == Some(&Tok::Arrow) {
                    k += 1;
                    expect(&mut k, Tok::Id)?;
                }
                if toks.get(k) == Some(&Tok::Sym('[')) {
                    k += 1;
                    loop {
                        if toks.get(k) == Some(&Tok::Sym(']')) {
                            k += 1;
                            break;
                        }
                        expect(&mut k, Tok::Id)?;
                        expect(&mut k, Tok::Sym('='))?;
                        expect(&mut k, Tok::Id)?;
                        if toks.get(k) == Some(&Tok::Sym(',')) {
                            k += 1;
                        }
                    }
                }
                expect(&mut k, Tok::Sym(';'))?;
            }
            other => return Err(format!("unexpected {other:?} at token {k}")),
        }
    }
    if k != toks.len() {
        return Err("text after the closing brace".into());
    }
    Ok(())
}
