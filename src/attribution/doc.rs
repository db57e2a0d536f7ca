//! The token view the rules work on: `Doc`, one per document, with each
//! token's tag bits and the tokens that can open a cue.

use super::*;

/// A word skipped between a speaker and the cue: an auxiliary, an adverb in
/// -ly, a day ("X on Tuesday said").
pub(super) fn skippable(d: &Doc, i: usize) -> bool {
    d.tags[i] & T_SKIP != 0 || ly_adverb(d, i)
}

/// The per-document view the rules work on.
pub(super) struct Doc<'a> {
    /// The word lists.
    pub(super) lex: &'a Lexicon,
    pub(super) text: &'a str,
    /// The text in ASCII lower case (the segmentation's copy).
    pub(super) low: &'a str,
    pub(super) seg: &'a Segmentation,
    /// Quotations: the segmenter's, plus pairs of doubled apostrophes
    /// (`''...''`, a newspaper house style), in order of their opening.
    pub(super) quotes: Cow<'a, [Quote]>,
    /// Per token: its bits from the lexicon's tag table, with `T_SKIP` also on
    /// lower-case adverbs in -ly; on punctuation only `T_COMMA`, `T_DASH`,
    /// `T_COLON`; `T_IN_QUOTE` on the inner words of a quotation.
    pub(super) tags: Vec<Tags>,
    /// The tokens that can open a cue ([`OPENS`], outside quotations), in
    /// order: the only ones the main loop looks at.
    pub(super) open: Vec<u32>,
    /// Are the document's mentions in order of their start (set by
    /// [`attribute`])?
    pub(super) mentions_sorted: bool,
    /// The last sentence range [`words_bounds`] measured and its answer:
    /// the rules of one candidate ask for it several times.
    pub(super) bounds: Cell<((usize, usize), (usize, usize))>,
}

/// Bits of a token that can open a cue: the main loop's words, a colon, a
/// verb, an adjective.
pub(super) const OPENS: Tags = T_LOOP | T_COLON | T_REPORT | T_STANCE | T_ADJ | T_NOUN_CUE;

/// Is token `i` a lower-case adverb in -ly of five letters or more (the
/// skippable words no list holds)?
pub(super) fn ly_adverb(d: &Doc, i: usize) -> bool {
    let t = &d.seg.tokens[i];
    let (s, e) = (t.span.start, t.span.end);
    e - s > 4
        && t.kind != TokenKind::Punct
        && d.low.as_bytes().get(e - 2..e) == Some(fw::LY)
        && !starts_upper(d.text, d.text.as_bytes(), s)
}

/// Does the text at byte `at` (a token's start) open with an upper-case
/// letter? ASCII without decoding a character.
pub(super) fn starts_upper(text: &str, bytes: &[u8], at: usize) -> bool {
    match bytes.get(at) {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => text
            .get(at..)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_uppercase),
    }
}

impl<'a> Doc<'a> {
    /// The view of `text`, with the segmentation's lower-cased copy.
    pub(super) fn new(text: &'a str, seg: &'a Segmentation, lex: &'a Lexicon) -> Doc<'a> {
        Doc::with_lower(text, &seg.lower, seg, lex)
    }

    /// The view of a document for the rules: with `seg`'s lower case when
    /// it matches `text` (else a copy, kept in `own`: a hand-made
    /// segmentation), noting whether `mentions` come sorted.
    pub(super) fn of_document(
        text: &'a str,
        seg: &'a Segmentation,
        mentions: &[crate::mentions::Mention],
        lex: &'a Lexicon,
        own: &'a mut String,
    ) -> Doc<'a> {
        let mut d = if seg.lower.len() == text.len() {
            Doc::new(text, seg, lex)
        } else {
            *own = text.to_ascii_lowercase();
            let own: &'a String = own;
            Doc::with_lower(text, own, seg, lex)
        };
        d.mentions_sorted = mentions
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start);
        d
    }

    /// The view of `text`, with `low` its ASCII lower case.
    pub(super) fn with_lower(
        text: &'a str,
        low: &'a str,
        seg: &'a Segmentation,
        lex: &'a Lexicon,
    ) -> Doc<'a> {
        let extra = if has_doubled_apostrophes(text) {
            apostrophe_quotes(text, seg)
        } else {
            Vec::new()
        };
        let quotes: Cow<'a, [Quote]> = if extra.is_empty() {
            Cow::Borrowed(&seg.quotes)
        } else {
            let mut quotes = seg.quotes.clone();
            quotes.extend(extra);
            quotes.sort_by_key(|q| q.span.start);
            Cow::Owned(quotes)
        };
        let table = lex.tags();
        let lowb = low.as_bytes();
        let mut open = Vec::with_capacity(seg.tokens.len() / 8);
        // The kind of a token needs no test: the punctuation the table
        // holds is never a word (number, possessive) and no listed word is
        // punctuation (one symbol), so a token's text alone gives its bits.
        let mut tags: Vec<Tags> = seg
            .tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let bits = table.get_at(lowb, t.span.start, t.span.end);
                if bits & OPENS != 0 {
                    open.push(i as u32);
                }
                bits
            })
            .collect();
        for q in quotes.iter() {
            let mut i = seg.token_at_or_after(q.inner.start);
            while i < seg.tokens.len() && seg.tokens[i].span.end <= q.inner.end {
                tags[i] |= T_IN_QUOTE;
                i += 1;
            }
        }
        if !quotes.is_empty() {
            open.retain(|&i| tags[i as usize] & T_IN_QUOTE == 0);
        }
        Doc {
            lex,
            text,
            low,
            seg,
            quotes,
            tags,
            open,
            mentions_sorted: false,
            bounds: Cell::new(((usize::MAX, usize::MAX), (0, 0))),
        }
    }

    /// The class of token `i` as a cue.
    pub(super) fn cue_at(&self, i: usize) -> Option<CueClass> {
        let t = self.tags[i];
        if t & T_REPORT != 0 {
            Some(CueClass::Report)
        } else if t & T_STANCE != 0 {
            Some(CueClass::Stance)
        } else {
            None
        }
    }

    /// Does token `i` carry the tag bit `bit` (is its word in
    /// that list)?
    pub(super) fn has(&self, i: usize, bit: Tags) -> bool {
        self.tags[i] & bit != 0
    }

    /// Is token `i` among the inner words of a quotation?
    pub(super) fn quoted(&self, i: usize) -> bool {
        self.tags[i] & T_IN_QUOTE != 0
    }

    /// The lower-cased bytes of token `i` (a byte slice: no check of
    /// character boundaries, which a token's span has).
    pub(super) fn w(&self, i: usize) -> &'a [u8] {
        let t = self.tok(i);
        &self.low.as_bytes()[t.start..t.end]
    }

    /// The lower-cased text of token `i`.
    pub(super) fn ws(&self, i: usize) -> &'a str {
        self.tok(i).slice(self.low)
    }

    /// [`Segmentation::token_at_or_after`] for an offset known to lie at
    /// or after token `from`'s start (a cue's end, a speaker inside the
    /// sentence): a short walk from there instead of a search of the whole
    /// document. Any other offset gets the plain search.
    pub(super) fn token_from(&self, from: usize, at: usize) -> usize {
        let toks = &self.seg.tokens;
        if from == 0 || from > toks.len() || toks[from - 1].span.start >= at {
            return self.seg.token_at_or_after(at);
        }
        // Tokens before `from` start before `at`: the answer is `from` or later.
        let mut j = from;
        while j < toks.len() && j - from < 8 {
            if toks[j].span.start >= at {
                return j;
            }
            j += 1;
        }
        j + toks[j..].partition_point(|t| t.span.start < at)
    }

    pub(super) fn tok(&self, i: usize) -> Span {
        self.seg.tokens[i].span
    }

    pub(super) fn kind(&self, i: usize) -> TokenKind {
        self.seg.tokens[i].kind
    }

    pub(super) fn is_word(&self, i: usize) -> bool {
        self.kind(i) == TokenKind::Word
    }

    pub(super) fn is_cap(&self, i: usize) -> bool {
        let t = self.tok(i);
        t.end > t.start && starts_upper(self.text, self.text.as_bytes(), t.start)
    }

    pub(super) fn is_open_quote(&self, i: usize) -> bool {
        self.has(i, T_OPEN_MARK) && self.quote_at(self.tok(i).start).is_some()
    }

    pub(super) fn is_close_quote_tok(&self, i: usize) -> bool {
        self.has(i, T_CLOSE_MARK)
    }

    /// The quotation opening at byte `at`.
    pub(super) fn quote_at(&self, at: usize) -> Option<Quote> {
        let qs = &self.quotes;
        let i = qs.partition_point(|q| q.span.start < at);
        qs.get(i).filter(|q| q.span.start == at).copied()
    }

    /// The quotation holding byte `at` inside its marks, if any.
    pub(super) fn quote_around(&self, at: usize) -> Option<Quote> {
        let qs = &self.quotes;
        let i = qs.partition_point(|q| q.span.start <= at);
        qs[..i]
            .iter()
            .rev()
            .take(2)
            .copied()
            .find(|q| q.inner.start <= at && at < q.inner.end)
    }

    /// The last quotation ending at or before byte `at` with only commas,
    /// dashes or white space between.
    pub(super) fn quote_ending_before(&self, at: usize) -> Option<Quote> {
        let qs = &self.quotes;
        let i = qs.partition_point(|q| q.span.start < at);
        qs[..i].iter().rev().take(4).copied().find(|q| {
            q.span.end <= at
                && self.text[q.span.end..at]
                    .chars()
                    .all(|c| c.is_whitespace() || matches!(c, ',' | '\u{2014}' | '-' | '\u{2013}'))
        })
    }

    pub(super) fn span(&self, a: usize, b: usize) -> Option<Span> {
        (a < b).then(|| Span::new(self.tok(a).start, self.tok(b - 1).end))
    }

    /// A quote span, trimmed of a trailing comma inside the marks.
    pub(super) fn quote_content(&self, q: &Quote) -> Span {
        q.span
    }

    pub(super) fn can_be_source(&self, a: usize, b: usize) -> bool {
        b > a
            && b - a <= 10
            && (a..b).any(|i| self.is_word(i) && (self.is_cap(i) || self.has(i, T_SOURCE)))
    }
}

pub(super) fn sentence_range(seg: &Segmentation, si: usize) -> (usize, usize) {
    let r = &seg.sentences[si].tokens;
    (r.start, r.end)
}

/// The end of a sentence's words (exclusive): its final punctuation off,
/// closing quotation marks kept.
pub(super) fn words_end(d: &Doc, s0: usize, s1: usize) -> usize {
    words_bounds(d, s0, s1).1
}

/// [`words_start`] and [`words_end`] of a sentence, remembered for the
/// last sentence asked about.
pub(super) fn words_bounds(d: &Doc, s0: usize, s1: usize) -> (usize, usize) {
    let (range, bounds) = d.bounds.get();
    if range == (s0, s1) {
        return bounds;
    }
    let bounds = (measure_words_start(d, s0, s1), measure_words_end(d, s0, s1));
    d.bounds.set(((s0, s1), bounds));
    bounds
}

pub(super) fn measure_words_end(d: &Doc, s0: usize, s1: usize) -> usize {
    let mut e = s1;
    while e > s0
        && d.kind(e - 1) == TokenKind::Punct
        && !d.is_close_quote_tok(e - 1)
        && d.w(e - 1) != b")"
    {
        e -= 1;
    }
    e
}

/// The first token of a sentence's words (leading punctuation off, an
/// opening quotation mark kept).
pub(super) fn words_start(d: &Doc, s0: usize, s1: usize) -> usize {
    words_bounds(d, s0, s1).0
}

pub(super) fn measure_words_start(d: &Doc, s0: usize, s1: usize) -> usize {
    let mut s = s0;
    while s < s1 && d.kind(s) == TokenKind::Punct && !d.is_open_quote(s) {
        s += 1;
    }
    s
}
