//! The token view and the tag table: each token's bits agree with the
//! plain word lists, the table with the map it is built from.

use super::*;

/// The per-token bits agree with the word lists they were built from.
#[test]
fn token_tags_match_lists() {
    let t = "Ines Varga, who has also said Tuesday that she is deeply skeptical, \
             quickly Criticized the Bolly plan and praised Tavi Renn's.";
    let seg = segment(t);
    let d = Doc::new(t, &seg, lex());
    for i in 0..seg.tokens.len() {
        let w = d.ws(i);
        assert_eq!(d.cue_at(i), lex().cue_class(w), "cue class of {w:?}");
        let skip = list("phrase.txt", "skip").contains(&w)
            || list("phrase.txt", "time").contains(&w)
            || (w.len() > 4 && w.ends_with("ly") && !d.is_cap(i));
        assert_eq!(skippable(&d, i), skip, "skippable {w:?}");
        assert_eq!(
            d.tags[i] & T_NP_STOP != 0,
            list("phrase.txt", "np-stop").contains(&w),
            "np stop {w:?}"
        );
        assert_eq!(
            d.tags[i] & T_ADJ != 0,
            lex().is_adjective(w),
            "adjective {w:?}"
        );
    }
}

/// A word's key is its bytes zero-padded to 16 and its length, for every
/// length and for every listed word; a longer word has none.
#[test]
fn word_key_is_the_padded_bytes() {
    use crate::words::Key;
    let padded = |w: &str| {
        let mut buf = [0u8; 16];
        buf[..w.len()].copy_from_slice(w.as_bytes());
        u128::from_le_bytes(buf)
    };
    let long = "abcdefghijklmnopq\u{2019}";
    let mut words: Vec<&str> = (0..=17).map(|n| &long[..n]).collect();
    words.extend(["don\u{2019}t", "is\u{2019}s", "x"]);
    words.extend(
        lex()
            .cue_forms()
            .chain(lex().stance_forms())
            .chain(lex().source_nouns()),
    );
    for section in ["skip", "intro"] {
        words.extend(list("phrase.txt", section));
    }
    words.extend(list("content.txt", "adjunct"));
    for w in words {
        let want = (w.len() <= 16).then(|| (padded(w), w.len()));
        let got = Key::of(w.as_bytes()).map(|k| (k.bits(), k.len()));
        assert_eq!(got, want, "{w:?}");
    }
}

/// Every listed word carries the bit of its list in the tag table.
#[test]
fn tag_table_holds_each_list() {
    let lists: &[(Vec<&str>, Tags)] = &[
        (list("content.txt", "adjunct"), T_ADJUNCT),
        (list("verbs.txt", "be"), T_BE),
        (list("phrase.txt", "intro"), T_INTRO),
        (list("verbs.txt", "hearer"), T_HEARER),
        (list("phrase.txt", "np-stop"), T_NP_STOP),
        (list("phrase.txt", "skip"), T_AUX),
    ];
    for (list, bit) in lists {
        for w in list {
            assert!(w.len() <= 16, "a short word: {w:?}");
            assert_ne!(lex().table_get(w) & bit, 0, "{w:?}");
        }
    }
    assert_eq!(lex().table_get("zzyzx"), 0);
}

/// The inner words of a quotation (the segmenter's or a doubled-apostrophe
/// one) are marked quoted, nothing else is; commas and colons carry their
/// bits.
#[test]
fn doc_marks_quoted_tokens_and_marks() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Ines Varga said: \u{201c}Roads, bridges\u{201d} matter.",
            &["roads", ",", "bridges"],
        ),
        (
            "Tavi Renn, the mayor, said ''we wait'' today.",
            &["we", "wait"],
        ),
        ("Nobody, it seems, spoke.", &[]),
    ];
    for (t, inside) in cases {
        let seg = segment(t);
        let d = Doc::new(t, &seg, lex());
        let quoted: Vec<&str> = (0..seg.tokens.len())
            .filter(|&i| d.quoted(i))
            .map(|i| d.ws(i))
            .collect();
        assert_eq!(&quoted, inside, "{t:?}");
        for i in 0..seg.tokens.len() {
            assert_eq!(d.has(i, T_COMMA), d.w(i) == b",", "{t:?} {i}");
            assert_eq!(d.has(i, T_COLON), d.w(i) == b":", "{t:?} {i}");
        }
    }
}

/// Doubled apostrophes pair within a paragraph; a paragraph without a pair
/// adds none, an unpaired one runs to the paragraph's end.
#[test]
fn apostrophe_quotes_pair_per_paragraph() {
    let cases: &[(&str, &[(&str, bool)])] = &[
        ("No quotes here, it's plain.", &[]),
        (
            "Ines Varga said ''we wait'' today.\n\nTavi Renn's reply: none.",
            &[("we wait", true)],
        ),
        (
            "Tavi Renn's dog.\n\nIt was ''open ended\n\nand ''late'' too.",
            &[("open ended", false), ("late", true)],
        ),
        ("A run '''of''' marks.", &[("'of", true)]),
    ];
    for (t, want) in cases {
        let seg = segment(t);
        let got: Vec<(&str, bool)> = apostrophe_quotes(t, &seg)
            .iter()
            .map(|q| (q.inner.slice(t), q.closed))
            .collect();
        assert_eq!(&got, want, "{t:?}");
    }
}

/// The bits of token `i` as the plain lists give them: the reference the
/// per-document tags (a hash table, lazy -ly adverbs, a list of openers)
/// must match.
fn reference_tags(t: &str, seg: &Segmentation, quotes: &[Quote], i: usize) -> (Tags, bool) {
    let tok = seg.tokens[i];
    let w = tok.span.slice(&seg.lower);
    // Bits the rules read from the text whatever the token's kind (`any`),
    // and every bit of its lists (`all`).
    let (mut any, mut all) = (0, 0);
    for (list, bits) in plain_lists() {
        if list.contains(&w) {
            any |= bits & T_ANY_KIND;
            all |= bits;
        }
    }
    let mut bits = if tok.kind == TokenKind::Punct {
        any | match w {
            "," => T_COMMA,
            "\u{2014}" | "\u{2013}" | "--" => T_DASH,
            ":" => T_COLON,
            _ => 0,
        }
    } else {
        all & !T_ANY_KIND | any
    };
    if quotes.iter().any(|q| q.inner.contains(&tok.span)) {
        bits |= T_IN_QUOTE;
    }
    let skip = bits & T_SKIP != 0
        || tok.kind != TokenKind::Punct
            && w.len() > 4
            && w.ends_with("ly")
            && !tok.span.slice(t).starts_with(char::is_uppercase);
    (bits, skip)
}

/// Pieces of text the property test strings together: listed words in
/// every case, adverbs in -ly, marks, quotes, non-ASCII letters.
const PIECES: &[&str] = &[
    "said",
    "Said",
    "SAID",
    "according",
    "to",
    "in",
    "In",
    "reportedly",
    "poll",
    "view",
    "praised",
    "eager",
    "is",
    "was",
    "the",
    "a",
    "he",
    "she",
    "Ines",
    "Varga",
    "quickly",
    "Quickly",
    "ly",
    "ally",
    "fly",
    "\u{c9}lysee",
    "\u{e9}ly",
    "didn't",
    "didn\u{2019}t",
    "is\u{2019}s",
    ",",
    ":",
    ";",
    ".",
    "\u{2014}",
    "\u{2013}",
    "--",
    "-",
    "''",
    "'",
    "\"",
    "\u{201c}",
    "\u{201d}",
    "(",
    ")",
    "42",
    "1,5",
    "'s",
    "told",
    "officials",
    "because",
    "abcdefghijklmnopq",
    "abcdefghijklmnop",
    "\n\n",
    "\u{c9}",
    "z",
    "\u{2018}",
    "\u{2019}",
    "spokesman",
    "and",
    "it",
    "that",
    "you",
    "they",
    "I",
    "despite",
    "considered",
    "whether",
    "monday",
    "deeply",
    "hopes",
    "update",
    "(",
];

proptest::proptest! {
    /// Each token's tags, its skippability and the list of tokens that
    /// can open a cue agree with the plain word lists.
    #[test]
    fn doc_tags_match_the_lists(
        picks in proptest::collection::vec((0..PIECES.len(), 0u8..3), 0..60),
    ) {
        let mut t = String::new();
        for &(p, sep) in &picks {
            t.push_str(PIECES[p]);
            t.push_str(["", " ", "  "][usize::from(sep)]);
        }
        let seg = segment(&t);
        let d = Doc::new(&t, &seg, lex());
        let mut quotes = seg.quotes.clone();
        quotes.extend(apostrophe_quotes(&t, &seg));
        let mut open = Vec::new();
        for i in 0..seg.tokens.len() {
            let (bits, skip) = reference_tags(&t, &seg, &quotes, i);
            proptest::prop_assert_eq!(d.tags[i], bits, "{:?} token {}", t, i);
            proptest::prop_assert_eq!(skippable(&d, i), skip, "{:?} token {}", t, i);
            if bits & OPENS != 0 && bits & T_IN_QUOTE == 0 {
                open.push(i as u32);
            }
        }
        proptest::prop_assert_eq!(&d.open, &open, "{:?}", t);
    }

    /// The tag table gives each listed word its bits and any other word
    /// of at most 16 bytes none, from its padded key.
    #[test]
    fn tag_table_matches_the_map(w in "[a-z'\u{2019}:,-]{0,17}") {
        let want = lex().tag_words().get(w.as_str()).copied().unwrap_or(0);
        proptest::prop_assert_eq!(lex().table_get(&w), want, "{:?}", w);
        let b = w.as_bytes();
        proptest::prop_assert_eq!(lex().tags().get_at(b, 0, b.len()), want, "{:?}", w);
        let text = format!("x {w} y");
        let b = text.as_bytes();
        proptest::prop_assert_eq!(lex().tags().get_at(b, 2, 2 + w.len()), want, "{:?} inside", w);
    }
}

/// Every word of the lists is found in the tag table with its bits, at
/// any position of a text (the last bytes too).
#[test]
fn tag_table_finds_every_listed_word() {
    for (w, &bits) in lex().tag_words() {
        assert_eq!(lex().table_get(w), bits, "{w:?}");
        let text = format!("xx {w}");
        let b = text.as_bytes();
        assert_eq!(lex().tags().get_at(b, 3, b.len()), bits, "{w:?}");
        let text = format!("{w} and then a long tail of words");
        let b = text.as_bytes();
        assert_eq!(lex().tags().get_at(b, 0, w.len()), bits, "{w:?}");
    }
}
