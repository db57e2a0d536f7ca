//! Property tests over the whole pipeline (the proptest side of the fuzz
//! target in `fuzz/`): for any input, spans slice back to their text on
//! character boundaries, the JSON record round-trips, and the DOT and JSON
//! graphs parse. Inputs are raw bytes, and text assembled from fragments
//! that steer the stages (names, titles, cues, quote marks, markup,
//! entities, odd white space), which random bytes rarely hit.

mod common;

use actorgraph::ingest::Format;
use common::invariants::{check_bytes, check_dot, check_markup_spans, hint_of, PROSE, WRAPS};
use common::tools::require_or_skip;
use proptest::prelude::*;

/// Fragments that exercise tokenizer, sentence splitter, quotes, mention
/// detection, attribution and the Markdown/HTML readers.
const FRAGMENTS: &[&str] = &[
    "Ines Varga",
    "Tavi Renn",
    "Mr.",
    "Ms. Mira Doss",
    "Gen.",
    "George W. Bush",
    "U.S.",
    "Varga",
    "Renn",
    "Doss",
    "he",
    "she",
    "him",
    "her",
    "said",
    "says",
    "told",
    "according to",
    "wrote",
    "that",
    "officials",
    "the",
    "Ministry of Defence",
    "Acme Inc.",
    "of",
    "van der",
    "al-",
    "'s",
    "\u{2019}s",
    "'",
    "\u{2019}",
    "\u{2018}",
    "\"",
    "\u{201c}",
    "\u{201d}",
    ".",
    ",",
    ":",
    "!",
    "?",
    "...",
    "\u{2026}",
    "(",
    ")",
    "[",
    "]",
    "-",
    "\u{2014}",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u{a0}",
    "\u{ad}",
    "\u{feff}",
    "\u{fffd}",
    "\u{e9}",
    "Zo\u{eb}",
    "\u{4e2d}\u{6587}",
    "\u{1f600}",
    "3.5",
    "1,000",
    "54",
    "**",
    "*",
    "_",
    "`",
    "```\n",
    "# ",
    "## ",
    "> ",
    "- ",
    "[link](http://x.org)",
    "![img](a.png)",
    "<p>",
    "</p>",
    "<b>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<a href=\"x\">",
    "&amp;",
    "&#8217;",
    "&ldquo;",
    "&rdquo;",
    "&#x1F600;",
    "&",
    "&#0;",
    "<",
    ">",
    "\\",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..80).prop_map(|v| v.concat())
}

/// A generated Markdown (`html` false) or HTML document
/// ([`common::invariants::markup_doc`]): pieces of prose, some wrapped in
/// markup at the edges of words, in paragraphs of a few pieces.
fn markup_doc(html: bool) -> impl Strategy<Value = String> {
    let piece = (0..PROSE.len(), 0..WRAPS.len(), any::<bool>());
    prop::collection::vec(prop::collection::vec(piece, 1..12), 1..5)
        .prop_map(move |paras| common::invariants::markup_doc(html, &paras))
}

fn format_strategy() -> impl Strategy<Value = (&'static str, Option<Format>)> {
    (0u8..4).prop_map(hint_of)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Text built from steering fragments, in every format.
    #[test]
    fn fragments_keep_every_invariant(text in text_strategy(), (name, hint) in format_strategy()) {
        check_bytes(name, text.as_bytes(), hint);
    }

    /// Any bytes at all: invalid UTF-8, control characters, NULs.
    #[test]
    fn any_bytes_keep_every_invariant(bytes in prop::collection::vec(any::<u8>(), 0..400), (name, hint) in format_strategy()) {
        check_bytes(name, &bytes, hint);
    }

    /// Fragments with stray bytes mixed in (Windows-1252 and lossy paths).
    #[test]
    fn fragments_with_bad_bytes(text in text_strategy(), bad in prop::collection::vec((any::<prop::sample::Index>(), 0x80u8..=0xff), 1..6), (name, hint) in format_strategy()) {
        let mut bytes = text.into_bytes();
        for (at, b) in bad {
            let i = if bytes.is_empty() { 0 } else { at.index(bytes.len() + 1) };
            bytes.insert(i, b);
        }
        check_bytes(name, &bytes, hint);
    }

    /// For UTF-8 input the spans are byte offsets into the file itself: in
    /// plain text every mention slices the input bytes to its text; in
    /// Markdown and HTML (where markup inside a word is closed up in the
    /// analysed body) every span still falls on character boundaries of the
    /// file, so a reader can slice it.
    #[test]
    fn utf8_spans_are_file_offsets(text in text_strategy(), (name, hint) in format_strategy()) {
        if let Some((doc, rec)) = check_bytes(name, text.as_bytes(), hint) {
            let mut spans: Vec<(usize, usize)> = rec.mentions.iter().map(|m| (m.start, m.end)).collect();
            for a in &rec.attributions {
                spans.extend(a.speaker.iter().map(|s| (s.start, s.end)));
                spans.extend(a.cue.pieces().iter().chain(&a.content.pieces()).map(|p| (p.start, p.end)));
            }
            for (a, b) in spans {
                prop_assert!(text.get(a..b).is_some(), "span {}..{} off the file's char boundaries in {:?}", a, b, text);
            }
            if doc.format == Format::Text {
                for m in &rec.mentions {
                    prop_assert_eq!(&text[m.start..m.end], m.text.as_str());
                }
            }
        }
    }

    /// Generated Markdown and HTML, markup at the edges of words only: a
    /// mention's span in the file starts and ends with the mention's own
    /// first and last characters, and where the file has no markup inside
    /// the span, the file's bytes are the mention's text.
    #[test]
    fn markup_spans_slice_back_to_the_file((html, text) in any::<bool>().prop_flat_map(|h| (Just(h), markup_doc(h)))) {
        let (name, hint) = if html { ("g.html", Some(Format::Html)) } else { ("g.md", Some(Format::Markdown)) };
        if let Some((_, rec)) = check_bytes(name, text.as_bytes(), hint) {
            check_markup_spans(&text, &rec);
        }
    }

    /// The DOT quoting of any actor id parses, whatever characters it has.
    #[test]
    fn dot_quoting_parses(id in "\\PC*", junk in "[\"\\\\\n\r\t{}\\[\\];=-> ]{0,12}") {
        let id = format!("{id}{junk}");
        let dot = format!("digraph g {{\n  {} [label={}];\n}}\n", actorgraph::export::dot::quote(&id), actorgraph::export::dot::quote(&id));
        prop_assert!(check_dot(&dot).is_ok(), "{}", dot);
    }
}

/// True when Graphviz `dot` runs here.
fn have_dot() -> bool {
    std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// Graphviz itself accepts the DOT of graphs built from several
    /// generated documents (skipped, with a note, when `dot` is absent).
    #[test]
    fn graphviz_accepts_generated_graphs(texts in prop::collection::vec(text_strategy(), 1..4)) {
        if !require_or_skip(have_dot(), "Graphviz `dot` (only the test parser checks DOT)") {
            return Ok(());
        }
        let ex = actorgraph::pipeline::Extractor::new();
        let mut g = actorgraph::graph::ActorGraph::new(actorgraph::graph::GraphOptions::default());
        for (i, t) in texts.iter().enumerate() {
            let doc = actorgraph::ingest::Document::from_text(format!("d{i}.txt"), t.as_str());
            g.add_record(&ex.extract(&doc));
        }
        let mut dot = Vec::new();
        actorgraph::export::dot::write(&g, &mut dot).unwrap();
        let mut child = std::process::Command::new("dot")
            .arg("-Tcanon")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), &dot).unwrap();
        let o = child.wait_with_output().unwrap();
        prop_assert!(o.status.success(), "dot rejects:\n{}\n{}", String::from_utf8_lossy(&o.stderr), String::from_utf8_lossy(&dot));
    }
}

/// The DOT checker is not a rubber stamp: it rejects broken DOT.
#[test]
fn dot_checker_rejects_broken_dot() {
    for bad in [
        "digraph g { \"a -> b; }",
        "digraph g { a -> b }",
        "digraph g { a [label=\"x\"; }",
        "digraph g { a; ",
        "digraph g { a; } b;",
        "digraph g { \"a\nb\"; }",
        "digraph g { \"a\\\"; }",
    ] {
        assert!(check_dot(bad).is_err(), "accepted: {bad:?}");
    }
    assert!(check_dot("digraph g {\n  \"a\\\"b\" -> c [w=1.5, kind=x];\n}\n").is_ok());
}
