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
//!
//! [`check_markup_spans`] checks, for Markdown and HTML made by
//! [`markup_from_bytes`] (markup at the edges of words only), that every
//! mention's span in the file starts and ends with the mention's own
//! characters. [`check_graph_json`] reads any bytes as a graph JSON and,
//! when they are one, merges, writes and reads it back.

#![allow(dead_code)]

use actorgraph::export::{self, Format as OutFormat};
use actorgraph::graph::{ActorGraph, GraphOptions};
use actorgraph::ingest::{read_bytes, Document, Encoding, Format};
use actorgraph::pipeline::{DocRecord, Extractor};

/// Pieces of prose for generated Markdown and HTML: names, words, cues and
/// punctuation, multi-byte characters among them.
pub const PROSE: &[&str] = &[
    "Ines Varga",
    "Paulo Brandt",
    "Zo\u{eb} M\u{fc}ller",
    "Mr. Tavi Renn",
    "Mira Doss",
    "LISBON",
    "met",
    "said",
    "told reporters",
    "according to",
    "the minister",
    "in Li\u{e8}ge",
    "\u{4e2d}\u{6587}",
    "\u{2014}",
    "\u{2013}",
    "\u{201c}",
    "\u{201d}",
    "\u{2026}",
    "\u{e9}",
    ",",
    ".",
    ":",
    "(",
    ")",
    "\"",
];

/// Opening and closing markup.
pub type Wrap = (&'static str, &'static str);

/// How a piece is wrapped in markup: (Markdown open, close), (HTML open,
/// close). Markup only ever stands at a word's edge, as in real pages.
pub const WRAPS: &[(Wrap, Wrap)] = &[
    (("", ""), ("", "")),
    (("", ""), ("", "")),
    (("**", "**"), ("<b>", "</b>")),
    (("_", "_"), ("<i>", "</i>")),
    (
        ("[", "](http://x.org/a)"),
        ("<a href=\"http://x.org/a\">", "</a>"),
    ),
    (("*", "*"), ("<span class='n'>", "</span>")),
    (("`", "`"), ("<em>", "</em>")),
];

/// A Markdown (`html` false) or HTML document from paragraphs of pieces
/// `(prose, wrap, glue)`: indices into [`PROSE`] and [`WRAPS`] (taken
/// modulo their lengths), and whether punctuation touches what is before
/// it. Pieces are separated by spaces (always between two words);
/// paragraphs are plain, headings or list items in turn.
pub fn markup_doc(html: bool, paras: &[Vec<(usize, usize, bool)>]) -> String {
    let mut out = String::new();
    if html {
        out.push_str("<html><body>");
    }
    for (k, para) in paras.iter().enumerate() {
        let (open, close) = match (html, k % 3) {
            (true, 0) => ("<p>", "</p>\n"),
            (true, 1) => ("<h2>", "</h2>\n"),
            (true, _) => ("<li>", "</li>\n"),
            (false, 0) => ("", "\n\n"),
            (false, 1) => ("## ", "\n\n"),
            (false, _) => ("- ", "\n"),
        };
        out.push_str(open);
        let mut prev_word = false;
        for &(text, wrap, glue) in para {
            let text = PROSE[text % PROSE.len()];
            let word = text.chars().next().is_some_and(char::is_alphanumeric);
            if (prev_word && word) || (!glue && !out.ends_with([' ', '\n', '>'])) {
                out.push(' ');
            }
            let (md, tag) = WRAPS[wrap % WRAPS.len()];
            let (a, b) = if html { tag } else { md };
            out.push_str(a);
            out.push_str(text);
            out.push_str(b);
            prev_word = text.chars().last().is_some_and(char::is_alphanumeric) || !b.is_empty();
        }
        out.push_str(close);
    }
    if html {
        out.push_str("</body></html>");
    }
    out
}

/// [`markup_doc`] from fuzz bytes: each byte a piece (prose from its low
/// five bits, wrap from the next three, glue from bit 5), a zero byte
/// ending a paragraph.
pub fn markup_from_bytes(html: bool, bytes: &[u8]) -> String {
    let paras: Vec<Vec<(usize, usize, bool)>> = bytes
        .split(|&b| b == 0)
        .take(64)
        .map(|p| {
            p.iter()
                .map(|&b| (usize::from(b % 32), usize::from(b >> 5), b & 0x20 != 0))
                .collect()
        })
        .collect();
    markup_doc(html, &paras)
}

/// For a document made by [`markup_doc`]: every mention's span in the
/// file `text` starts and ends with the mention's first and last
/// characters, and where the file has no markup inside the span its
/// bytes are the mention's text.
pub fn check_markup_spans(text: &str, rec: &DocRecord) {
    for m in &rec.mentions {
        let file = &text[m.start..m.end];
        let ctx = || {
            format!(
                "mention {:?} at {}..{} is {:?} in {:?}",
                m.text, m.start, m.end, file, text
            )
        };
        assert_eq!(file.chars().next(), m.text.chars().next(), "{}", ctx());
        assert_eq!(file.chars().last(), m.text.chars().last(), "{}", ctx());
        if !file.contains(['<', '>', '*', '_', '[', ']', '`', '#', '&']) {
            assert_eq!(file, m.text, "{}", ctx());
        }
    }
}

/// Any bytes as a saved graph: when they parse as graph JSON that
/// `from_json` accepts, merging it into itself never panics or wraps
/// (weights only grow), and its JSON, CSV, DOT and GraphML writes succeed,
/// the JSON reading back to the same graph and DOT parsing.
pub fn check_graph_json(bytes: &[u8]) {
    use actorgraph::export::json::{from_json, to_json, GraphJson};
    let Ok(j) = serde_json::from_slice::<GraphJson>(bytes) else {
        return;
    };
    let Ok(g) = from_json(&j, GraphOptions::default()) else {
        return;
    };
    let again =
        from_json(&to_json(&g), GraphOptions::default()).expect("a graph's JSON reads back");
    assert_eq!(
        to_json(&again),
        to_json(&g),
        "graph changed in a JSON round trip"
    );
    let mut twice = g.clone();
    twice.merge(&g);
    assert_eq!(twice.node_count(), g.node_count());
    assert_eq!(twice.edge_count(), g.edge_count());
    let before = to_json(&g);
    let after = to_json(&twice);
    for (a, b) in before.edges.iter().zip(&after.edges) {
        assert!(b.weight >= a.weight, "a merged weight shrank (wrapped?)");
    }
    for f in [
        OutFormat::Json,
        OutFormat::Dot,
        OutFormat::GraphMl,
        OutFormat::Gexf,
    ] {
        let mut out = Vec::new();
        export::write(&twice, f, &mut out).expect("writes");
        if f == OutFormat::Dot {
            let dot = String::from_utf8(out).expect("DOT is UTF-8");
            if let Err(e) = check_dot(&dot) {
                panic!("DOT does not parse: {e}\n{dot}");
            }
        }
    }
    let mut csv = Vec::new();
    export::csv::write_nodes(&twice, &mut csv).expect("CSV writes");
    export::csv::write_edges(&twice, &mut csv).expect("CSV writes");
}

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
