//! Quotation spans.

use super::Segmentation;
use crate::span::Span;
use std::sync::OnceLock;

/// A quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The quotation with its marks.
    pub span: Span,
    /// The words inside the marks (trimmed).
    pub inner: Span,
    /// False when no closing mark was found and the quote was cut at its
    /// paragraph's end.
    pub closed: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Mark {
    Open,
    Close,
    Either,
}

/// Classify a quote character at byte `i`.
fn mark(text: &str, i: usize, c: char) -> Option<(Mark, bool)> {
    // bool: true for a double mark, false for a single one.
    match c {
        '\u{201c}' | '\u{201e}' | '\u{201d}' => {
            // A curly mark typed the wrong way round (an opening mark
            // glued to the word before it and followed by a space or
            // punctuation; a closing mark after a space and before a word)
            // pairs like a straight one.
            let before = text[..i].chars().next_back();
            let after = text[i + c.len_utf8()..].chars().next();
            let glued_before = before.is_some_and(|b| !b.is_whitespace() && !"([{".contains(b));
            let free_after = after.is_none_or(|a| a.is_whitespace() || ",.;:!?)".contains(a));
            let m = if c == '\u{201d}' {
                if !glued_before && after.is_some_and(char::is_alphanumeric) {
                    Mark::Either
                } else {
                    Mark::Close
                }
            } else if glued_before && free_after {
                Mark::Either
            } else {
                Mark::Open
            };
            Some((m, true))
        }
        '"' => Some((Mark::Either, true)),
        '\u{2018}' => Some((Mark::Open, false)),
        '\u{2019}' => {
            // An apostrophe inside a word or after a plural is no quote mark.
            let after = text[i + c.len_utf8()..].chars().next();
            let before = text[..i].chars().next_back();
            if after.is_some_and(|a| a.is_alphanumeric())
                || before.is_some_and(|b| b == 's' && after.is_some_and(|a| a == ' '))
            {
                None
            } else {
                Some((Mark::Close, false))
            }
        }
        _ => None,
    }
}

/// Find quotations paragraph by paragraph, in one pass.
pub fn find_quotes(text: &str, paragraphs: &[Span]) -> Vec<Quote> {
    // Every quote mark is `"` or starts with the byte 0xE2 (U+2018,
    // U+2019, U+201C..U+201E); only those bytes are decoded. One search
    // over the whole text, its finds dealt out to the paragraphs.
    find_quotes_at(
        text,
        paragraphs,
        memchr::memchr2_iter(b'"', 0xE2, text.as_bytes()),
    )
}

/// [`find_quotes`] reading only the characters at `finds` (offsets in
/// order): every quotation mark of the text must be among them.
pub(super) fn find_quotes_at(
    text: &str,
    paragraphs: &[Span],
    finds: impl Iterator<Item = usize>,
) -> Vec<Quote> {
    let mut out = Vec::with_capacity(paragraphs.len() / 2 + 4);
    let mut finds = finds.peekable();
    for p in paragraphs {
        let marks = std::iter::from_fn(|| loop {
            let i = finds.next_if(|&i| i < p.end)?;
            if i >= p.start {
                return text[i..].chars().next().map(|c| (i, c));
            }
        });
        pair_marks(text, *p, marks, &mut out);
    }
    out
}

/// Pair the quotation marks of paragraph `p` (`marks`: each candidate
/// character with its offset, in order) into quotations, pushed to `out`.
/// A double quote left open is cut at the paragraph's end.
fn pair_marks(
    text: &str,
    p: Span,
    marks: impl Iterator<Item = (usize, char)>,
    out: &mut Vec<Quote>,
) {
    let mut open_double: Option<usize> = None;
    let mut open_single: Option<usize> = None;
    for (i, c) in marks {
        let Some((m, double)) = mark(text, i, c) else {
            continue;
        };
        if double {
            let opening = match m {
                Mark::Open => true,
                Mark::Close => false,
                Mark::Either => open_double.is_none(),
            };
            if opening {
                // A curly opener inside an open quote: the earlier one was
                // never closed; restart here.
                open_double = Some(i);
                open_single = None;
            } else if let Some(s) = open_double.take() {
                push(text, out, s, i + c.len_utf8(), true);
                open_single = None;
            }
        } else if open_double.is_none() {
            match m {
                Mark::Open => open_single = Some(i),
                _ => {
                    if let Some(s) = open_single.take() {
                        push(text, out, s, i + c.len_utf8(), true);
                    }
                }
            }
        }
    }
    if let Some(s) = open_double {
        // A quotation running on into the next paragraph is found there
        // as its own quotation; this part is marked open.
        push(text, out, s, p.end, false);
    }
}

fn push(text: &str, out: &mut Vec<Quote>, start: usize, end: usize, closed: bool) {
    let span = Span::new(start, end);
    let open_len = text[start..].chars().next().map_or(1, |c| c.len_utf8());
    let close_len = if closed {
        text[..end].chars().next_back().map_or(1, |c| c.len_utf8())
    } else {
        0
    };
    let inner = super::trim_white(text, Span::new(start + open_len, end - close_len));
    if !inner.is_empty() {
        out.push(Quote {
            span,
            inner,
            closed,
        });
    }
}

/// The searcher for `''`, built once.
fn doubled_apostrophes() -> &'static memchr::memmem::Finder<'static> {
    static F: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    F.get_or_init(|| memchr::memmem::Finder::new(b"''"))
}

/// Does `text` hold a doubled apostrophe (`''`)? (A quick test before
/// [`apostrophe_quotes`].)
pub fn has_doubled_apostrophes(text: &str) -> bool {
    doubled_apostrophes().find(text.as_bytes()).is_some()
}

/// Quotations marked with doubled apostrophes (`''...''`, a newspaper
/// house style), paired within paragraphs. The segmenter does not find
/// them; the attribution stage adds them to its quotations.
pub fn apostrophe_quotes(text: &str, seg: &Segmentation) -> Vec<Quote> {
    let mut out = Vec::new();
    for p in &seg.paragraphs {
        let body = p.slice(text);
        let mut open: Option<usize> = None;
        // Left to right, without overlaps.
        for off in doubled_apostrophes().find_iter(body.as_bytes()) {
            let at = p.start + off;
            match open.take() {
                None => open = Some(at),
                Some(o) => {
                    let span = Span::new(o, at + 2);
                    let inner = Span::new(o + 2, at).trim(text, &[]);
                    if !inner.is_empty() {
                        out.push(Quote {
                            span,
                            inner,
                            closed: true,
                        });
                    }
                }
            }
        }
        if let Some(o) = open {
            let inner = Span::new(o + 2, p.end).trim(text, &[]);
            if !inner.is_empty() {
                out.push(Quote {
                    span: Span::new(o, p.end),
                    inner,
                    closed: false,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::paragraphs;

    fn q(t: &str) -> Vec<(&str, bool)> {
        find_quotes(t, &paragraphs(t))
            .iter()
            .map(|q| (q.inner.slice(t), q.closed))
            .collect()
    }

    /// `find_quotes` decodes only `"` and characters led by the byte 0xE2:
    /// every character `mark` knows must be one of them.
    #[test]
    fn every_mark_is_found_by_its_first_byte() {
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            let alone = c.to_string();
            if mark(&alone, 0, c).is_some() {
                let lead = alone.as_bytes()[0];
                assert!(lead == b'"' || lead == 0xE2, "{c:?} would be missed");
            }
        }
    }

    /// The marks found as the first quotation finder found them (a memchr
    /// search a paragraph), paired as the finder pairs them: the oracle of
    /// the one search dealt out to the paragraphs.
    fn find_quotes_reference(text: &str, paragraphs: &[Span]) -> Vec<Quote> {
        let mut out = Vec::new();
        for p in paragraphs {
            let body = p.slice(text);
            let marks = memchr::memchr2_iter(b'"', 0xE2, body.as_bytes())
                .filter_map(|k| body[k..].chars().next().map(|c| (p.start + k, c)));
            pair_marks(text, *p, marks, &mut out);
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// One search dealt out to the paragraphs, and the marks the
        /// tokenizer notes, find what a search a paragraph found.
        #[test]
        fn quotes_agree_with_reference(t in "[\"\u{201c}\u{201d}\u{201e}\u{2018}\u{2019}\u{2014}sa1. ('\n]{0,40}") {
            let p = paragraphs(&t);
            let want = find_quotes_reference(&t, &p);
            proptest::prop_assert_eq!(&find_quotes(&t, &p), &want);
            proptest::prop_assert_eq!(&crate::segment::segment(&t).quotes, &want);
        }
    }

    #[test]
    fn quote_table() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            ("He said \"no deal\" twice.", &[("no deal", true)]),
            (
                "\u{201c}First. Second.\u{201d} she said.",
                &[("First. Second.", true)],
            ),
            (
                "A \u{2018}grand bargain\u{2019} idea",
                &[("grand bargain", true)],
            ),
            ("Hale\u{2019}s view and the Okafors\u{2019} home", &[]),
            (
                "\"Open and never closed.\n\n\"Next part.\" he said.",
                &[("Open and never closed.", false), ("Next part.", true)],
            ),
            ("\"\"\"\"", &[]),
            (
                "\u{201c}Too late,\u{201c} said Ines Varga. \u{201c}We tried.\u{201d}",
                &[("Too late,", true), ("We tried.", true)],
            ),
            (
                "Tavi Renn called it \u{201c}bold\u{201c} and left.",
                &[("bold", true)],
            ),
            (
                "Orla Penn said \u{201d}never again\u{201d} twice.",
                &[("never again", true)],
            ),
        ];
        for (t, want) in cases {
            assert_eq!(&q(t), want, "for {t:?}");
        }
    }
}
