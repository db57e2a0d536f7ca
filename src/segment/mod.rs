//! Stage 2: paragraphs, sentences, tokens and quotations.
//!
//! [`segment`] reads a document's body and returns a [`Segmentation`]: every
//! piece is a [`Span`] into the same text, so tokens, sentences and
//! quotations can be compared by offset alone.
//!
//! * **Tokens** are words (with inner hyphens and apostrophes, initialisms
//!   such as `U.S.`), numbers, possessive endings (`'s`) and single
//!   punctuation characters.
//! * **Sentences** end at `.`, `!`, `?` (and closing quotes or brackets
//!   after them) unless the word before is an abbreviation (`Mr.`, `Gen.`,
//!   `Jan.`) or an initial (`George W. Bush`); a line break ends a sentence
//!   unless the text is hard-wrapped; a blank line always does. A run of
//!   more than [`MAX_SENTENCE_TOKENS`] tokens without an end (a page
//!   without punctuation, a 20 MB line) is cut into sentences of at most
//!   that many tokens, at a comma or the like, or else between two
//!   lower-case words, so no name is cut in two.
//! * **Quotations** pair straight and curly double quotes (and curly single
//!   quotes outside them) within a paragraph; an unclosed quotation whose
//!   next paragraph opens with a quote mark runs on into it, as news style
//!   has it.

mod lexicon;
mod quotes;
mod tokens;

pub use lexicon::{check_example, Lexicon, DATA};
pub use quotes::{apostrophe_quotes, find_quotes, has_doubled_apostrophes, Quote};
pub use tokens::{tokenize, Token, TokenKind};

use crate::span::Span;
use std::ops::Range;

/// The most tokens a sentence has: past this, a sentence is cut (see
/// `cut_point`). News sentences have a few dozen.
pub const MAX_SENTENCE_TOKENS: usize = 256;

/// Where to cut a run of tokens from `start` that has no sentence end in
/// its first [`MAX_SENTENCE_TOKENS`]: after the last comma, semicolon,
/// colon, dash or closing bracket in the second half of that window; or
/// else between the last two lower-case words longer than three letters
/// there (never inside a name, nor before `van`, `der`, `of`); or else at
/// the window's end. The cut is after the token returned.
fn cut_point(text: &str, tokens: &[Token], start: usize) -> usize {
    let last = start + MAX_SENTENCE_TOKENS - 1;
    let window = (start + MAX_SENTENCE_TOKENS / 2..last).rev();
    let bytes = text.as_bytes();
    for k in window.clone() {
        let t = &tokens[k];
        if t.kind == TokenKind::Punct
            && matches!(
                &bytes[t.span.start..t.span.end],
                b"," | b";" | b":" | b")" | b"]" | [0xe2, 0x80, 0x93 | 0x94]
            )
        {
            return k;
        }
    }
    let plain =
        |t: &Token| t.kind == TokenKind::Word && t.span.len() > 3 && !starts_upper(t.text(text));
    window
        .into_iter()
        .find(|&k| plain(&tokens[k]) && plain(&tokens[k + 1]))
        .unwrap_or(last)
}

/// A sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Its text, trimmed of surrounding white space.
    pub span: Span,
    /// Index of its paragraph in [`Segmentation::paragraphs`].
    pub paragraph: usize,
    /// Its tokens, as a range into [`Segmentation::tokens`].
    pub tokens: Range<usize>,
}

/// A document cut into pieces.
#[derive(Clone, Debug, Default)]
pub struct Segmentation {
    /// Paragraph spans (separated by blank lines).
    pub paragraphs: Vec<Span>,
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
    /// All tokens in order.
    pub tokens: Vec<Token>,
    /// Quotations in order of their opening mark.
    pub quotes: Vec<Quote>,
    /// The text in ASCII lower case (`str::to_ascii_lowercase`): same
    /// length, so every span slices it too, and an ASCII token's slice is
    /// its lower case. Made once for the stages after this one.
    pub lower: String,
}

impl Segmentation {
    /// The sentence holding byte `offset` (binary search).
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }

    /// The tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        &self.tokens[self.sentences[i].tokens.clone()]
    }

    /// The index of the first token starting at or after `offset`.
    pub fn token_at_or_after(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < offset)
    }
}

/// Segment a document body with the built-in word lists.
pub fn segment(text: &str) -> Segmentation {
    segment_with(text, Lexicon::shared())
}

/// Segment a document body with the word lists of `lex`.
pub fn segment_with(text: &str, lex: &Lexicon) -> Segmentation {
    let tokens::Marked {
        tokens,
        ends,
        quote_marks,
    } = tokens::tokenize_marking(text);
    // The line breaks, found once for paragraphs, wrapping and sentences.
    let breaks = line_breaks(text);
    let paragraphs = paragraphs_at(text, &breaks);
    let wrapped = is_hard_wrapped_at(text, &breaks);
    let sentences = sentences(text, &tokens, &paragraphs, wrapped, &breaks, &ends, lex);
    let quotes = quotes::find_quotes_at(text, &paragraphs, quote_marks.iter().copied());
    Segmentation {
        paragraphs,
        sentences,
        tokens,
        quotes,
        lower: text.to_ascii_lowercase(),
    }
}

/// Cut the tokens into sentences. One pass: a break between two tokens
/// is counted only when the next line break lies between them, so each
/// token costs a comparison or two.
fn sentences(
    text: &str,
    tokens: &[Token],
    paragraphs: &[Span],
    wrapped: bool,
    breaks: &[usize],
    ends: &[u32],
    lex: &Lexicon,
) -> Vec<Sentence> {
    let mut sentences = Vec::with_capacity(tokens.len() / 16 + 1);
    let Some(first) = tokens.first() else {
        return sentences;
    };
    let bytes = text.as_bytes();
    let mut lines = BreakCursor { breaks, next: 0 };
    // A line break at or after the current token (or before it, after a
    // jump: then it is looked for again at the next gap).
    let mut nl = lines.from(first.span.start);
    let mut nl_tok = before_break(tokens, nl, 0);
    // The next of `ends` to look at.
    let mut next_end = 0;
    let mut paras = ParaCursor::new(paragraphs);
    let mut start_tok = 0;
    let n = tokens.len();
    let mut i = 0;
    while i + 1 < n {
        // Only a token ending in a terminal mark's last byte (noted by
        // the tokenizer), or one before the next line break, can end a
        // sentence: go straight to the next of them.
        while next_end < ends.len() && (ends[next_end] as usize) < i {
            next_end += 1;
        }
        let mark = ends.get(next_end).map_or(n, |&k| k as usize);
        let next = mark.min(nl_tok.max(i));
        // No end within the bound: cut the run (the jump skipped no
        // token that could end it earlier).
        if next >= start_tok + MAX_SENTENCE_TOKENS && start_tok + MAX_SENTENCE_TOKENS < n {
            let k = cut_point(text, tokens, start_tok);
            push_sentence(&mut sentences, tokens, start_tok, k, paras.of(&tokens[k]));
            start_tok = k + 1;
            i = k + 1;
            continue;
        }
        i = next;
        if i + 1 >= n {
            break;
        }
        let t = &tokens[i];
        let nx = &tokens[i + 1];
        // The sentence ends after token `end`, if at all.
        let mut end = None;
        // A break between this token and the next?
        if nx.span.start > nl {
            if line_break_ends(bytes, t, nx, wrapped) {
                end = Some(i);
            }
            nl = lines.from(nx.span.start);
            nl_tok = before_break(tokens, nl, i + 1);
        }
        if end.is_none() {
            end = mark_end(text, tokens, i, lex);
        }
        if let Some(e) = end {
            push_sentence(&mut sentences, tokens, start_tok, e, paras.of(t));
            start_tok = e + 1;
            i = e;
        }
        i += 1;
    }
    // The last token ends the last sentence.
    let last = &tokens[n - 1];
    push_sentence(&mut sentences, tokens, start_tok, n - 1, paras.of(last));
    sentences
}

/// The line breaks of a text, looked at in order.
struct BreakCursor<'a> {
    breaks: &'a [usize],
    /// The first break not yet passed.
    next: usize,
}

impl BreakCursor<'_> {
    /// The first line break at or after `p`; `p` never decreases.
    #[inline]
    fn from(&mut self, p: usize) -> usize {
        while self.next < self.breaks.len() && self.breaks[self.next] < p {
            self.next += 1;
        }
        self.breaks.get(self.next).copied().unwrap_or(usize::MAX)
    }
}

/// The first token `k` (from `from` on) with the next one after `nl`.
#[inline]
fn before_break(tokens: &[Token], nl: usize, from: usize) -> usize {
    from + tokens[from..].partition_point(|t| t.span.start <= nl) - 1
}

/// The paragraphs of a text, looked at in order.
struct ParaCursor<'a> {
    paragraphs: &'a [Span],
    /// The current paragraph.
    para: usize,
    /// Where it ends.
    end: usize,
}

impl<'a> ParaCursor<'a> {
    fn new(paragraphs: &'a [Span]) -> Self {
        let mut c = ParaCursor {
            paragraphs,
            para: 0,
            end: 0,
        };
        c.end = c.end_of(0);
        c
    }

    /// Where paragraph `p` ends (never, for the last one).
    #[inline]
    fn end_of(&self, p: usize) -> usize {
        if p + 1 < self.paragraphs.len() {
            self.paragraphs[p].end
        } else {
            usize::MAX
        }
    }

    /// The paragraph holding the token that ends a sentence (at or after
    /// the last one asked about).
    #[inline]
    fn of(&mut self, t: &Token) -> usize {
        while self.end <= t.span.start {
            self.para += 1;
            self.end = self.end_of(self.para);
        }
        self.para
    }
}

/// Add the sentence of tokens `start..=last`, in paragraph `paragraph`.
#[inline]
fn push_sentence(
    sentences: &mut Vec<Sentence>,
    tokens: &[Token],
    start: usize,
    last: usize,
    paragraph: usize,
) {
    sentences.push(Sentence {
        span: Span::new(tokens[start].span.start, tokens[last].span.end),
        paragraph,
        tokens: start..last + 1,
    });
}

/// Whether the line breaks between `t` and `nx` end a sentence: a blank
/// line, or one break in text that is not hard-wrapped.
#[inline]
fn line_break_ends(bytes: &[u8], t: &Token, nx: &Token, wrapped: bool) -> bool {
    let newlines = memchr::memchr_iter(b'\n', &bytes[t.span.end..nx.span.start])
        .take(2)
        .count();
    newlines >= 2 || (newlines == 1 && !wrapped)
}

/// The last token of a sentence ended by token `i` (not the last token):
/// a terminal mark, or an initialism with its period.
#[inline]
fn mark_end(text: &str, tokens: &[Token], i: usize, lex: &Lexicon) -> Option<usize> {
    let bytes = text.as_bytes();
    let t = &tokens[i];
    match t.kind {
        TokenKind::Punct if is_terminal(&bytes[t.span.start..t.span.end]) => {
            terminal_end(text, tokens, i, lex)
        }
        TokenKind::Word if bytes[t.span.end - 1] == b'.' => {
            initialism_ends(text, t, &tokens[i + 1], lex).then_some(i)
        }
        _ => None,
    }
}

/// The last token of a sentence ended by terminal mark `i`, with the
/// closing quotes and brackets after it: if the next token opens a
/// sentence and the mark is not a protected period.
#[inline]
fn terminal_end(text: &str, tokens: &[Token], i: usize, lex: &Lexicon) -> Option<usize> {
    let bytes = text.as_bytes();
    let t = &tokens[i];
    // Swallow closing quotes and brackets after the terminal mark.
    let mut j = i;
    while let Some(c) = tokens.get(j + 1) {
        if c.span.start == tokens[j].span.end && is_closer(&bytes[c.span.start..c.span.end]) {
            j += 1;
        } else {
            break;
        }
    }
    let o = tokens.get(j + 1)?;
    (opens_sentence(text, o)
        && !(bytes[t.span.start] == b'.' && protected_period(text, tokens, i, o, lex)))
    .then_some(j)
}

/// Whether word `t`, ending in a period, is an initialism ("U.S.") that
/// ends its sentence before `nx`.
#[inline]
fn initialism_ends(text: &str, t: &Token, nx: &Token, lex: &Lexicon) -> bool {
    let w = t.text(text).trim_end_matches('.');
    lex.final_abbreviations.contains_lower(w)
        && lex.openers.contains_lower(nx.text(text))
        && starts_upper(nx.text(text))
}

/// `.`, `!`, `?` or `…`, compared as bytes.
fn is_terminal(p: &[u8]) -> bool {
    // U+2026 is E2 80 A6 in UTF-8.
    matches!(p, [b'.' | b'!' | b'?'] | [0xe2, 0x80, 0xa6])
}

/// A closing quote or bracket, compared as bytes.
fn is_closer(p: &[u8]) -> bool {
    // U+201D is E2 80 9D, U+2019 is E2 80 99.
    matches!(p, [b'"' | b'\'' | b')' | b']'] | [0xe2, 0x80, 0x9d | 0x99])
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Can this token open a sentence: a capital, a digit, or an opening mark.
fn opens_sentence(text: &str, t: &Token) -> bool {
    // Tokens are never empty; an ASCII first byte is read as it is.
    let b = text.as_bytes()[t.span.start];
    if b < 0x80 {
        return b.is_ascii_uppercase()
            || b.is_ascii_digit()
            || matches!(b, b'"' | b'\'' | b'(' | b'[' | b'-');
    }
    let s = t.text(text);
    let c = s.chars().next().unwrap_or(' ');
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(
            c,
            '"' | '\u{201c}' | '\u{2018}' | '\'' | '(' | '[' | '-' | '\u{2014}'
        )
}

/// A period after an abbreviation or an initial does not end a sentence,
/// unless the abbreviation often closes one and a sentence opener follows.
fn protected_period(text: &str, tokens: &[Token], i: usize, next: &Token, lex: &Lexicon) -> bool {
    if i == 0 {
        return false;
    }
    let prev = &tokens[i - 1];
    if prev.span.end != tokens[i].span.start || prev.kind != TokenKind::Word {
        return false;
    }
    let w = prev.text(text);
    // A single capital letter is an initial ("W." in "George W. Bush").
    if w.len() <= 4 && w.chars().count() == 1 && starts_upper(w) {
        return true;
    }
    // "then-Sen.": the abbreviation after a hyphen.
    let w = match w.rsplit_once('-') {
        Some((_, tail)) if !tail.is_empty() => tail,
        _ => w,
    };
    if lex.abbreviations.contains_lower(w) {
        if lex.final_abbreviations.contains_lower(w) {
            return !lex.openers.contains_lower(next.text(text));
        }
        return true;
    }
    false
}

/// `span.trim(text, &[])` (white space off both ends), ASCII bytes read
/// without decoding: the general trim runs only from a non-ASCII end.
pub(super) fn trim_white(text: &str, span: Span) -> Span {
    let b = text.as_bytes();
    let (mut s, mut e) = (span.start, span.end);
    let white = |c: u8| matches!(c, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ');
    while s < e {
        match b[s] {
            c if c >= 0x80 => return Span::new(s, e).trim(text, &[]),
            c if white(c) => s += 1,
            _ => break,
        }
    }
    while s < e {
        match b[e - 1] {
            c if c >= 0x80 => return Span::new(s, e).trim(text, &[]),
            c if white(c) => e -= 1,
            _ => break,
        }
    }
    Span::new(s, e)
}

/// The offsets of the line breaks (`\n`) of `text`, in order.
fn line_breaks(text: &str) -> Vec<usize> {
    let mut breaks = Vec::with_capacity(text.len() / 128 + 8);
    breaks.extend(memchr::memchr_iter(b'\n', text.as_bytes()));
    breaks
}

/// Paragraphs: runs of text separated by blank lines, trimmed.
pub fn paragraphs(text: &str) -> Vec<Span> {
    paragraphs_at(text, &line_breaks(text))
}

/// [`paragraphs`] of `text` whose line breaks are `breaks`.
fn paragraphs_at(text: &str, breaks: &[usize]) -> Vec<Span> {
    let mut out = Vec::with_capacity(breaks.len() / 2 + 2);
    let mut start = None;
    let mut pos = 0;
    // Every line with its break; the last one may have none.
    let last = (breaks.last().map_or(0, |&b| b + 1) < text.len()).then_some(text.len());
    for line_end in breaks.iter().map(|&b| b + 1).chain(last) {
        let line = &text[pos..line_end];
        // Most lines open with a printable ASCII character: not blank.
        let blank = !line
            .as_bytes()
            .first()
            .is_some_and(|&b| b > b' ' && b < 0x80)
            && line.chars().all(char::is_whitespace);
        if blank {
            if let Some(s) = start.take() {
                out.push(trim_white(text, Span::new(s, pos)));
            }
        } else if start.is_none() {
            start = Some(pos);
        }
        pos = line_end;
    }
    if let Some(s) = start {
        out.push(trim_white(text, Span::new(s, pos)));
    }
    out.retain(|p| !p.is_empty());
    out
}

/// Hard-wrapped text has most paragraph lines broken at a steady width.
/// One pass over the lines, nothing collected.
#[cfg(test)]
fn is_hard_wrapped(text: &str) -> bool {
    is_hard_wrapped_at(text, &line_breaks(text))
}

/// [`is_hard_wrapped`] for `text` whose line breaks are `breaks`.
fn is_hard_wrapped_at(text: &str, breaks: &[usize]) -> bool {
    // `str::lines`: every line without its break, the last one only when
    // text follows the final break; trimmed.
    let last = (breaks.last().map_or(0, |&b| b + 1) < text.len()).then_some(text.len());
    let mut start = 0;
    wrapped_lines(breaks.iter().copied().chain(last).map(|end| {
        let line = &text[start..end];
        start = end + 1;
        line.trim()
    }))
}

/// Do these lines (trimmed, in order) read as hard-wrapped: at least
/// four non-empty ones, most of them 50 to 100 bytes long and most
/// running on into the next line without closing punctuation?
fn wrapped_lines<'t>(mut it: impl Iterator<Item = &'t str>) -> bool {
    let mut inner_breaks = 0usize;
    let mut lines = 0usize;
    let mut long = 0usize;
    let Some(mut a) = it.next() else { return false };
    for b in it {
        if !a.is_empty() {
            lines += 1;
            if (50..=100).contains(&a.len()) {
                long += 1;
            }
            if !b.is_empty() && !a.ends_with(['.', '!', '?', ':', '"', '\u{201d}']) {
                inner_breaks += 1;
            }
        }
        a = b;
    }
    lines >= 4 && inner_breaks * 2 > lines && long * 2 > lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> &'static Lexicon {
        Lexicon::shared()
    }

    fn sents(t: &str) -> Vec<&str> {
        segment(t)
            .sentences
            .iter()
            .map(|s| s.span.slice(t))
            .collect()
    }

    #[test]
    fn sentence_table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Mr. Okafor left. He came back.",
                &["Mr. Okafor left.", "He came back."],
            ),
            (
                "George W. Bush spoke in Jan. 2003 to aides.",
                &["George W. Bush spoke in Jan. 2003 to aides."],
            ),
            (
                "Aid reached the U.S. Embassy. Then it stopped.",
                &["Aid reached the U.S. Embassy.", "Then it stopped."],
            ),
            (
                "She moved to the U.S. The move was hard.",
                &["She moved to the U.S.", "The move was hard."],
            ),
            (
                "Gen. Tamsin Hale arrived. \"Good,\" she said.",
                &["Gen. Tamsin Hale arrived.", "\"Good,\" she said."],
            ),
            (
                "\u{201c}We left.\u{201d} Then rain came!",
                &["\u{201c}We left.\u{201d}", "Then rain came!"],
            ),
            (
                "A title line\n\nBody one. Body two.",
                &["A title line", "Body one.", "Body two."],
            ),
            (
                "Is it over? Nobody knows.",
                &["Is it over?", "Nobody knows."],
            ),
            (
                "It cost 3.5 million dollars. Yes.",
                &["It cost 3.5 million dollars.", "Yes."],
            ),
            (
                "Rio Tinto Ltd. and Acme Inc. agreed.",
                &["Rio Tinto Ltd. and Acme Inc. agreed."],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&sents(text), want, "for {text:?}");
        }
    }

    /// Looking a word up in lower case agrees with lower-casing it.
    #[test]
    fn lower_in_agrees_with_to_lowercase() {
        for w in [
            "Inc",
            "INC",
            "inc",
            "U.S",
            "u.s",
            "The",
            "THE",
            "Then",
            "\u{212a}",
            "U.\u{212a}",
            "",
            "\u{c9}tat",
            "Ph.D",
        ] {
            for list in [
                &lex().abbreviations,
                &lex().final_abbreviations,
                &lex().openers,
            ] {
                let want = list.words.contains(&w.to_lowercase());
                assert_eq!(list.contains_lower(w), want, "{w:?}");
            }
        }
        for list in [
            &lex().abbreviations,
            &lex().final_abbreviations,
            &lex().openers,
        ] {
            assert!(list
                .words
                .iter()
                .all(|a| a.is_ascii() && *a == a.to_lowercase()));
            // Every word is found, in any case, and its plural is not.
            for a in &list.words {
                assert!(list.contains_lower(a) && list.contains_lower(&a.to_uppercase()));
                assert!(
                    !list.contains_lower(&format!("{a}s")) || list.words.contains(&format!("{a}s"))
                );
            }
            assert!(list.keys.windows(2).all(|k| k[0] < k[1]));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        /// The letter filter and the search agree with lower-casing and
        /// a linear look-up, on short words near the listed ones.
        #[test]
        fn lower_in_agrees_on_random_words(w in "[a-zA-Z.\u{e9}\u{212a}]{0,6}") {
            for list in [&lex().abbreviations, &lex().final_abbreviations, &lex().openers] {
                let want = list.words.contains(&w.to_lowercase());
                proptest::prop_assert_eq!(list.contains_lower(&w), want);
            }
        }
    }

    /// The byte test of a sentence's opening agrees with the character
    /// test, for every character up to U+2FFF and beyond the BMP.
    #[test]
    fn opens_sentence_by_bytes() {
        let by_char = |c: char| {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(
                    c,
                    '"' | '\u{201c}' | '\u{2018}' | '\'' | '(' | '[' | '-' | '\u{2014}'
                )
        };
        for c in (0u32..0x3000)
            .chain([0x1d400, 0x1f600])
            .filter_map(char::from_u32)
        {
            let t = format!("{c}x");
            let tok = Token {
                span: Span::new(0, c.len_utf8() + 1),
                kind: TokenKind::Word,
            };
            assert_eq!(opens_sentence(&t, &tok), by_char(c), "{c:?}");
        }
    }

    /// The byte patterns stand for exactly these characters.
    #[test]
    fn marks_by_bytes() {
        for c in [
            '.', '!', '?', '\u{2026}', '"', '\'', ')', ']', '\u{201d}', '\u{2019}', '\u{201c}',
            '\u{2018}', '\u{2025}', 'a', ',', '\u{2014}',
        ] {
            let s = c.to_string();
            let terminal = matches!(c, '.' | '!' | '?' | '\u{2026}');
            let closer = matches!(c, '"' | '\u{201d}' | '\u{2019}' | '\'' | ')' | ']');
            assert_eq!(is_terminal(s.as_bytes()), terminal, "{c:?}");
            assert_eq!(is_closer(s.as_bytes()), closer, "{c:?}");
        }
    }

    #[test]
    fn paragraphs_and_lookup() {
        let t = "One. Two.\n\nThree.\n";
        let s = segment(t);
        assert_eq!(s.paragraphs.len(), 2);
        assert_eq!(s.sentences[2].paragraph, 1);
        assert_eq!(s.sentence_at(t.find("Three").unwrap()), Some(2));
        assert_eq!(s.sentence_at(t.len()), None);
        // The lower-case copy lines up with the text.
        let t = "Ines VARGA \u{c9}mile said.";
        let s = segment(t);
        assert_eq!(s.lower, "ines varga \u{c9}mile said.");
        for k in &s.tokens {
            let w = k.text(t);
            if w.is_ascii() {
                assert_eq!(k.span.slice(&s.lower), w.to_lowercase());
            }
        }
    }

    /// Long runs without an end are cut, at most [`MAX_SENTENCE_TOKENS`]
    /// tokens a sentence, never inside a name; a run under the bound is
    /// one sentence.
    #[test]
    fn long_runs_are_bounded_without_cutting_names() {
        let names = [
            "Ines Varga",
            "Paulo Brandt",
            "Jan van der Berg",
            "Mira Doss",
        ];
        let mut t = String::new();
        for k in 0..400 {
            t.push_str(names[k % names.len()]);
            t.push_str(if k % 7 == 3 {
                " and then spoke about "
            } else {
                " met "
            });
        }
        let seg = segment(&t);
        assert!(seg.sentences.len() > 5, "{}", seg.sentences.len());
        let mut prev = 0;
        for s in &seg.sentences {
            assert!(s.tokens.len() <= MAX_SENTENCE_TOKENS);
            assert_eq!(s.tokens.start, prev);
            prev = s.tokens.end;
            let text = &t[s.span.start..s.span.end];
            // Each sentence starts with a name's first word and ends with a
            // name's last word or a lower-case word: no name is cut.
            assert!(
                names.iter().any(|n| text.starts_with(n))
                    || text.starts_with(|c: char| c.is_lowercase()),
                "{text:?}"
            );
            for n in names {
                let first = n.split(' ').next().unwrap();
                let last_word = n.rsplit(' ').next().unwrap();
                assert!(!text.ends_with(first) || first == last_word, "{text:?}");
            }
        }
        assert_eq!(prev, seg.tokens.len());
        // With commas, cuts fall after them.
        let t = "Ines Varga met Paulo Brandt, ".repeat(200);
        let seg = segment(&t);
        assert!(seg.sentences.len() > 1);
        for s in &seg.sentences[..seg.sentences.len() - 1] {
            assert!(
                t[..s.span.end].ends_with(','),
                "{:?}",
                &t[s.span.start..s.span.end]
            );
        }
        let t = "Ines Varga met Paulo Brandt in the old harbour ".repeat(25);
        assert_eq!(segment(&t).sentences.len(), 1);
    }

    /// The first sentence loop (every gap measured, every token's
    /// paragraph tracked): the oracle the one-pass loop must agree with.
    /// It has no bound on sentence length: its inputs are shorter.
    fn sentences_reference(text: &str) -> Vec<Sentence> {
        let tokens = tokenize(text);
        let paragraphs = paragraphs(text);
        let wrapped = is_hard_wrapped(text);
        let mut sentences = Vec::new();
        let mut para = 0;
        let end_of = |p: usize| {
            if p + 1 < paragraphs.len() {
                paragraphs[p].end
            } else {
                usize::MAX
            }
        };
        let mut para_end = end_of(0);
        let mut start_tok = 0;
        let n = tokens.len();
        let mut i = 0;
        while i < n {
            let t = &tokens[i];
            while para_end <= t.span.start {
                para += 1;
                para_end = end_of(para);
            }
            let mut end_here = false;
            let next = tokens.get(i + 1);
            if let Some(nx) = next {
                let newlines = text[t.span.end..nx.span.start].matches('\n').count();
                if newlines >= 2 || (newlines == 1 && !wrapped) {
                    end_here = true;
                }
            } else {
                end_here = true;
            }
            if !end_here && t.kind == TokenKind::Punct && is_terminal(t.text(text).as_bytes()) {
                let mut j = i;
                while let Some(nx) = tokens.get(j + 1) {
                    if nx.span.start == tokens[j].span.end && is_closer(nx.text(text).as_bytes()) {
                        j += 1;
                    } else {
                        break;
                    }
                }
                if let Some(nx) = tokens.get(j + 1) {
                    if opens_sentence(text, nx)
                        && !(t.text(text) == "." && protected_period(text, &tokens, i, nx, lex()))
                    {
                        i = j;
                        end_here = true;
                    }
                }
            } else if !end_here && t.kind == TokenKind::Word && t.text(text).ends_with('.') {
                let w = t.text(text).trim_end_matches('.');
                if let Some(nx) = next {
                    if lex().final_abbreviations.words.contains(&w.to_lowercase())
                        && lex().openers.words.contains(&nx.text(text).to_lowercase())
                        && starts_upper(nx.text(text))
                    {
                        end_here = true;
                    }
                }
            }
            if end_here {
                sentences.push(Sentence {
                    span: Span::new(tokens[start_tok].span.start, tokens[i].span.end),
                    paragraph: para,
                    tokens: start_tok..i + 1,
                });
                start_tok = i + 1;
            }
            i += 1;
        }
        sentences
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The one-pass sentence loop cuts where the reference one does.
        #[test]
        fn sentences_agree_with_reference(
            parts in proptest::collection::vec(proptest::sample::select(&[
                "Mr", "Inc", "U.S.", "W", "The", "the", "Varga", "9", " ", " ", "  ", "\n",
                "\n\n", " \n ", ".", "!", "?", "\u{2026}", "\"", "\u{201d}", "\u{2019}", ")",
                "(", "\u{201c}", "-", ",", "\t",
            ][..]), 0..40)
        ) {
            let t: String = parts.concat();
            proptest::prop_assert_eq!(segment(&t).sentences, sentences_reference(&t));
        }
    }

    // The first line passes (a memchr call a line, each pass its own):
    // the oracles of the shared line-break pass.
    /// Paragraphs: runs of text separated by blank lines, trimmed.
    fn paragraphs_reference(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = None;
        let mut blank_run = false;
        let mut pos = 0;
        let bytes = text.as_bytes();
        while pos < bytes.len() {
            let line_end =
                memchr::memchr(b'\n', &bytes[pos..]).map_or(bytes.len(), |k| pos + k + 1);
            let line = &text[pos..line_end];
            let blank = line.chars().all(char::is_whitespace);
            if blank {
                if let Some(s) = start.take() {
                    out.push(Span::new(s, pos).trim(text, &[]));
                }
                blank_run = true;
            } else {
                if start.is_none() {
                    start = Some(pos);
                }
                blank_run = false;
            }
            pos = line_end;
        }
        let _ = blank_run;
        if let Some(s) = start {
            out.push(Span::new(s, pos).trim(text, &[]));
        }
        out.retain(|p| !p.is_empty());
        out
    }

    /// The lines as the first wrap test read them (a memchr search a
    /// line), judged by [`wrapped_lines`]: the oracle of the lines made
    /// from the shared list of line breaks.
    fn is_hard_wrapped_reference(text: &str) -> bool {
        // `str::lines` with memchr: every line without its break, the last
        // one only when text follows the final break; trimmed.
        let bytes = text.as_bytes();
        let mut pos = 0;
        wrapped_lines(std::iter::from_fn(move || {
            if pos >= bytes.len() {
                return None;
            }
            let end = memchr::memchr(b'\n', &bytes[pos..]).map_or(bytes.len(), |k| pos + k);
            let line = &text[pos..end];
            pos = end + 1;
            Some(line.trim())
        }))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Paragraphs and the wrapping test from the shared line breaks
        /// agree with the first line passes.
        #[test]
        fn lines_agree_with_reference(
            parts in proptest::collection::vec(proptest::sample::select(&[
                "Ines", "Varga said.", " ", "\n", "\n\n", " \n ", "\t", "\r\n", "\u{2028}",
                "\u{a0}", "\u{201d}", "\"", "x", ":",
                "word word word word word word word word word word word word",
            ][..]), 0..40)
        ) {
            let t: String = parts.concat();
            proptest::prop_assert_eq!(paragraphs(&t), paragraphs_reference(&t));
            proptest::prop_assert_eq!(is_hard_wrapped(&t), is_hard_wrapped_reference(&t));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The ASCII trim agrees with `Span::trim` on every span.
        #[test]
        fn trim_white_agrees(t in "[ a\t\n\r\u{b}\u{c}\u{1c}\u{a0}\u{2003}\u{e9}.]{0,12}") {
            let ends: Vec<usize> = (0..=t.len()).filter(|&k| t.is_char_boundary(k)).collect();
            for &a in &ends {
                for &b in ends.iter().filter(|&&b| b >= a) {
                    let sp = Span::new(a, b);
                    proptest::prop_assert_eq!(trim_white(&t, sp), sp.trim(&t, &[]));
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]
        /// On any text (random Unicode) sentences, paragraphs, the wrap
        /// test and quotations agree with the first implementations.
        #[test]
        fn any_text_agrees_with_reference(t in proptest::prelude::any::<String>()) {
            let s = segment(&t);
            proptest::prop_assert_eq!(&s.sentences, &sentences_reference(&t));
            proptest::prop_assert_eq!(&s.paragraphs, &paragraphs_reference(&t));
            proptest::prop_assert_eq!(is_hard_wrapped(&t), is_hard_wrapped_reference(&t));
            proptest::prop_assert_eq!(s.lower, t.to_ascii_lowercase());
        }
    }

    #[test]
    fn hard_wrapped_lines_join() {
        let line = "word ".repeat(13);
        let t = format!("{line}\n{line}\n{line}\n{line}\n{line}.\n");
        assert_eq!(segment(&t).sentences.len(), 1);
    }
}
