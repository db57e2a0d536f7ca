//! Stage 5: who said what about whom.
//!
//! [`attribute`] looks in each sentence, outside quotations, for a reporting
//! cue: a verb from `data/cues.txt` in any of its forms, a stance verb from
//! `data/stance.txt` (only next to its speaker), an adjective of attitude
//! from `data/adjectives.txt` after "be", the phrase `according to`, the
//! adverb `reportedly`, or a headline colon. In a headline in title case a
//! capitalised cue counts too ("Tavi Renn Says ..."). A one-word cue that
//! `data/blocked.txt` lists for the rule that found it is dropped (forms a
//! rule measured mostly wrong on), and so is a `cue-content` cue (or a
//! passive, adjective, colon-quote or in-source one) inside
//! the content of an earlier attribution (`X said the mayor thinks ...`:
//! one attribution, by `said`). It then reads the
//! structure around the cue. Every
//! attribution names the rule that built it; the names are stable (the
//! `explain` command prints them):
//!
//! | rule | shape | speaker | content |
//! |---|---|---|---|
//! | `according-to` | `..., according to X.` / `According to X, ...` | X | the clause before, or after the phrase |
//! | `quote-cue` | `"...," X said.` / `"...," said X.` / `"...." ¶ X said.` | X | the quotation (and its continuation after the cue) |
//! | `content-cue` | `..., X said.` / `..., said X.` | X | the clause before |
//! | `cue-quote` | `X said: "..."` / `X told Y, "..."` | X | the quotation, with the quotations that continue it |
//! | `cue-content` | `X said (that) ...` / `X told Y (that) ...` / `X praised Y` / `X is expected to ...` | X | the rest of the clause (for a stance verb, its object) |
//! | `cue-block` | `X said:` at a paragraph's end | X | the next paragraph |
//! | `coord-cue` | `X met Y and said ...` / `X left, saying ...` / `Asked about it, X said ...` | the subject of the sentence | the rest of the clause |
//! | `passive-cue` | `X was reported to ...` / `when asked about ...` / `Asked whether ..., X said` | none (the agent after `by`, if any) | the rest of the clause (the subject, with `by`) |
//! | `in-source` | `In a new poll, ...` / `..., in his view.` (the cue runs from `in` to the noun) | the phrase after `in` | the rest of the sentence |
//! | `colon-quote` | `X grinned: "..."` (no other cue before the colon) | the phrase before the colon, or the subject | the quotation and its continuation |
//! | `colon` | `Tavi Renn: Talks Are Over` (headline style) | the name before the colon | the words after it |
//! | `adjective-cue` | `X is eager to ...` / `X was skeptical of ...` (an adjective from `data/adjectives.txt` after "be") | X | the rest of the clause |
//! | `adverb-cue` | `X reportedly left ...` (no reporting verb after the adverb) | none | the clause, the adverb left out |
//! | `impersonal` | `It seems (that) ...` / `The issue seems to ...` | none | the rest of the clause (with the subject) |
//! | `subject-cue` | `Ines Varga, 58, a nurse who ..., said ...` (no speaker found beside a plain reporting verb) | the subject of the sentence, or none | the rest of the clause |
//!
//! A speaker is the noun phrase next to the cue: a name, a pronoun, a source
//! noun from `data/sources.txt` ("officials", "a source", "the campaign"),
//! or the relative pronoun of `X, who said ...`. An appositive in commas,
//! dashes or brackets between speaker and cue is skipped ("Mira Doss, then
//! head of the agency, says ..."). Its actor is the resolved actor of the
//! last mention inside it (names and pronouns alike; for `who`, the mention
//! before the comma). `about` lists the other people and organizations
//! mentioned in the content.
//!
//! Quotations that follow the cue's sentence with nothing but white space
//! between (in the same paragraph, or opening the next ones) and that carry
//! no cue of their own continue the content: `"...," he said. "..."`.
//!
//! Cost: one pass over the tokens (of the segmentation's lower-cased copy)
//! looks each up, without a branch, in a collision-free table of every
//! listed word and mark: its bits say which lists hold it, and the tokens
//! that can open a cue are noted on the way; the main loop visits only
//! those, and the rules test bits instead of comparing strings. Each cue
//! gets a bounded look around it, so the stage is linear in the
//! document's length.

use crate::mentions::{ActorKind, Mention};
use crate::resolve::Resolution;
use crate::segment::{Quote, Segmentation, TokenKind};
use crate::span::Span;
use std::borrow::Cow;
use std::cell::Cell;
use std::sync::OnceLock;

mod examples;
mod lexicon;
mod rule;
mod tags;

pub use examples::check_example;
pub use lexicon::{CueClass, Lexicon, DATA};
pub use rule::{Rule, UnknownRule};
use tags::*;

/// The speaker of an attribution.
#[derive(Clone, Debug, PartialEq)]
pub struct Speaker {
    /// The words naming the source ("Flynt Leverett", "he", "officials").
    pub span: Span,
    /// The actor it resolves to (index into the document's actors).
    pub actor: Option<usize>,
}

/// A reported statement, thought or claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    /// Who said it; `None` where the text names nobody.
    pub speaker: Option<Speaker>,
    /// The reporting words.
    pub cue: Vec<Span>,
    /// What was said.
    pub content: Vec<Span>,
    /// Actors mentioned in the content (indices into the actors).
    pub about: Vec<usize>,
    /// The rule that fired.
    pub rule: Rule,
    /// The sentence of the cue.
    pub sentence: usize,
}

impl Attribution {
    /// An attribution as a rule finds it; the speaker's actor and `about`
    /// are filled in afterwards.
    fn found(
        speaker: Option<Speaker>,
        cue: Span,
        content: Vec<Span>,
        rule: Rule,
        sentence: usize,
    ) -> Attribution {
        Attribution {
            speaker,
            cue: vec![cue],
            content,
            about: vec![],
            rule,
            sentence,
        }
    }
}

/// Whether `a` is a one-word cue its rule does not take.
fn blocked(d: &Doc, a: &Attribution, k: usize) -> bool {
    match a.cue.as_slice() {
        // The cue is token `k`, a word no rule blocks.
        [c] if *c == d.tok(k) && !d.has(k, T_BLOCKED) => false,
        [c] => d
            .low
            .get(c.start..c.end)
            .is_some_and(|w| d.lex.is_blocked(a.rule, w)),
        _ => false,
    }
}

/// A word skipped between a speaker and the cue: an auxiliary, an adverb in
/// -ly, a day ("X on Tuesday said").
fn skippable(d: &Doc, i: usize) -> bool {
    d.tags[i] & T_SKIP != 0 || ly_adverb(d, i)
}

/// The per-document view the rules work on.
struct Doc<'a> {
    /// The word lists.
    lex: &'a Lexicon,
    text: &'a str,
    /// The text in ASCII lower case (the segmentation's copy).
    low: &'a str,
    seg: &'a Segmentation,
    /// Quotations: the segmenter's, plus pairs of doubled apostrophes
    /// (`''...''`, a newspaper house style), in order of their opening.
    quotes: Cow<'a, [Quote]>,
    /// Per token: its bits from the lexicon's tag table, with `T_SKIP` also on
    /// lower-case adverbs in -ly; on punctuation only `T_COMMA`, `T_DASH`,
    /// `T_COLON`; `T_IN_QUOTE` on the inner words of a quotation.
    tags: Vec<Tags>,
    /// The tokens that can open a cue ([`OPENS`], outside quotations), in
    /// order: the only ones the main loop looks at.
    open: Vec<u32>,
    /// Are the document's mentions in order of their start (set by
    /// [`attribute`])?
    mentions_sorted: bool,
    /// The last sentence range [`words_bounds`] measured and its answer:
    /// the rules of one candidate ask for it several times.
    bounds: Cell<((usize, usize), (usize, usize))>,
}

/// Bits of a token that can open a cue: the main loop's words, a colon, a
/// verb, an adjective.
const OPENS: Tags = T_LOOP | T_COLON | T_REPORT | T_STANCE | T_ADJ;

/// Is token `i` a lower-case adverb in -ly of five letters or more (the
/// skippable words no list holds)?
fn ly_adverb(d: &Doc, i: usize) -> bool {
    let t = &d.seg.tokens[i];
    let (s, e) = (t.span.start, t.span.end);
    e - s > 4
        && t.kind != TokenKind::Punct
        && d.low.as_bytes().get(e - 2..e) == Some(b"ly")
        && !starts_upper(d.text, d.text.as_bytes(), s)
}

/// Does the text at byte `at` (a token's start) open with an upper-case
/// letter? ASCII without decoding a character.
fn starts_upper(text: &str, bytes: &[u8], at: usize) -> bool {
    match bytes.get(at) {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => text
            .get(at..)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_uppercase),
    }
}

/// The searcher for `''`, built once.
fn doubled_apostrophes() -> &'static memchr::memmem::Finder<'static> {
    static F: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    F.get_or_init(|| memchr::memmem::Finder::new(b"''"))
}

/// Quotations marked with doubled apostrophes, paired within paragraphs.
fn apostrophe_quotes(text: &str, seg: &Segmentation) -> Vec<Quote> {
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

impl<'a> Doc<'a> {
    /// The view of `text`, with the segmentation's lower-cased copy.
    fn new(text: &'a str, seg: &'a Segmentation, lex: &'a Lexicon) -> Doc<'a> {
        Doc::with_lower(text, &seg.lower, seg, lex)
    }

    /// The view of `text`, with `low` its ASCII lower case.
    fn with_lower(text: &'a str, low: &'a str, seg: &'a Segmentation, lex: &'a Lexicon) -> Doc<'a> {
        let extra = if doubled_apostrophes().find(text.as_bytes()).is_some() {
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
                let bits = table.get(key_at(lowb, t.span.start, t.span.end));
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
    fn cue_at(&self, i: usize) -> Option<CueClass> {
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
    fn has(&self, i: usize, bit: Tags) -> bool {
        self.tags[i] & bit != 0
    }

    /// Is token `i` among the inner words of a quotation?
    fn quoted(&self, i: usize) -> bool {
        self.tags[i] & T_IN_QUOTE != 0
    }

    /// The lower-cased bytes of token `i` (a byte slice: no check of
    /// character boundaries, which a token's span has).
    fn w(&self, i: usize) -> &'a [u8] {
        let t = self.tok(i);
        &self.low.as_bytes()[t.start..t.end]
    }

    /// The lower-cased text of token `i`.
    fn ws(&self, i: usize) -> &'a str {
        self.tok(i).slice(self.low)
    }

    /// [`Segmentation::token_at_or_after`] for an offset known to lie at
    /// or after token `from`'s start (a cue's end, a speaker inside the
    /// sentence): a short walk from there instead of a search of the whole
    /// document. Any other offset gets the plain search.
    fn token_from(&self, from: usize, at: usize) -> usize {
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

    fn tok(&self, i: usize) -> Span {
        self.seg.tokens[i].span
    }

    fn kind(&self, i: usize) -> TokenKind {
        self.seg.tokens[i].kind
    }

    fn is_word(&self, i: usize) -> bool {
        self.kind(i) == TokenKind::Word
    }

    fn is_cap(&self, i: usize) -> bool {
        let t = self.tok(i);
        t.end > t.start && starts_upper(self.text, self.text.as_bytes(), t.start)
    }

    fn is_open_quote(&self, i: usize) -> bool {
        self.has(i, T_OPEN_MARK) && self.quote_at(self.tok(i).start).is_some()
    }

    fn is_close_quote_tok(&self, i: usize) -> bool {
        self.has(i, T_CLOSE_MARK)
    }

    /// The quotation opening at byte `at`.
    fn quote_at(&self, at: usize) -> Option<Quote> {
        let qs = &self.quotes;
        let i = qs.partition_point(|q| q.span.start < at);
        qs.get(i).filter(|q| q.span.start == at).copied()
    }

    /// The last quotation ending at or before byte `at` with only commas,
    /// dashes or white space between.
    fn quote_ending_before(&self, at: usize) -> Option<Quote> {
        let qs = &self.quotes;
        let i = qs.partition_point(|q| q.span.start < at);
        qs[..i].iter().rev().take(4).copied().find(|q| {
            q.span.end <= at
                && self.text[q.span.end..at]
                    .chars()
                    .all(|c| c.is_whitespace() || matches!(c, ',' | '\u{2014}' | '-' | '\u{2013}'))
        })
    }

    fn span(&self, a: usize, b: usize) -> Option<Span> {
        (a < b).then(|| Span::new(self.tok(a).start, self.tok(b - 1).end))
    }

    /// A quote span, trimmed of a trailing comma inside the marks.
    fn quote_content(&self, q: &Quote) -> Span {
        q.span
    }

    fn can_be_source(&self, a: usize, b: usize) -> bool {
        b > a
            && b - a <= 10
            && (a..b).any(|i| self.is_word(i) && (self.is_cap(i) || self.has(i, T_SOURCE)))
    }
}

fn sentence_range(seg: &Segmentation, si: usize) -> (usize, usize) {
    let r = &seg.sentences[si].tokens;
    (r.start, r.end)
}

/// Find the attributions of a document.
pub fn attribute(
    text: &str,
    seg: &Segmentation,
    mentions: &[Mention],
    res: &Resolution,
    lex: &Lexicon,
) -> Vec<Attribution> {
    // The segmentation carries the lower-cased text; a copy only if it
    // does not match (a hand-made segmentation).
    let own;
    let mut d = if seg.lower.len() == text.len() {
        Doc::new(text, seg, lex)
    } else {
        own = text.to_ascii_lowercase();
        Doc::with_lower(text, &own, seg, lex)
    };
    d.mentions_sorted = mentions
        .windows(2)
        .all(|w| w[0].span.start <= w[1].span.start);
    // Room for about one attribution per two tokens that can open a cue,
    // without growing step by step.
    let room = (d.open.len() / 2).min(256);
    let mut out: Vec<Attribution> = Vec::with_capacity(room);
    // Per attribution of `out`: its content's reach (see [`inside_content`]).
    let mut reach: Vec<(usize, usize)> = Vec::with_capacity(room);
    let open = &d.open;
    let mut ci = 0;
    for si in 0..seg.sentences.len() {
        let (s0, s1) = sentence_range(seg, si);
        // The first token that can open a cue in this sentence.
        while ci > 0 && open[ci - 1] as usize >= s0 {
            ci -= 1;
        }
        while ci < open.len() && (open[ci] as usize) < s0 {
            ci += 1;
        }
        let first_here = out.len();
        let mut k = s0;
        while ci < open.len() && (open[ci] as usize) < s1 {
            // Only these tokens can open a cue: skip to the next at or
            // after `k`.
            let c = open[ci] as usize;
            ci += 1;
            if c < k {
                continue;
            }
            k = c;
            let w = d.w(k);
            let named = d.has(k, T_LOOP);
            let found = if named && w == b"according" && k + 1 < s1 && d.w(k + 1) == b"to" {
                according_to(&d, si, k)
            } else if named && w == b"in" {
                in_source(&d, si, k)
            } else if named && d.has(k, T_ADVERB) {
                adverb_cue(&d, si, k)
            } else if w == b":" {
                colon(&d, si, k, mentions).or_else(|| colon_quote(&d, si, k, &out[first_here..]))
            } else if d.is_word(k) {
                match d.cue_at(k) {
                    Some(class) => verb_cue(&d, si, k, class, &out[first_here..]),
                    None if d.tags[k] & T_ADJ != 0 => adjective_cue(&d, si, k),
                    None => None,
                }
            } else {
                None
            };
            if let Some(mut a) = found.filter(|a| {
                !continues_cue(&d, a, k, &out[first_here..])
                    && !blocked(&d, a, k)
                    && !reported_inside(&d, a, k, s0)
                    && !inside_content(&d, a, &out, &reach)
            }) {
                a.sentence = si;
                let last = a.cue.last().map_or(k, |c| d.token_from(k + 1, c.end));
                finish(&d, &mut a, mentions, res);
                resolve_pronoun_speaker(&d, &mut a, &out, res);
                reach.push(content_reach(&a.content));
                out.push(a);
                k = last.max(k + 1);
            } else {
                k += 1;
            }
        }
    }
    out
}

/// `X said that the mayor thinks ...`: a `cue-content` cue (or a passive,
/// adjective, colon or `in` one) inside the content of one of the last
/// attributions is part of what was reported. A form of "say" is kept.
fn inside_content(d: &Doc, a: &Attribution, out: &[Attribution], reach: &[(usize, usize)]) -> bool {
    let Some(c) = a.cue.first() else {
        return false;
    };
    let at = c.start;
    // (The tests in order of cost; each is pure.)
    matches!(
        a.rule,
        Rule::CueContent | Rule::PassiveCue | Rule::AdjectiveCue | Rule::ColonQuote | Rule::InSource
    ) && (out.len().saturating_sub(16)..out.len()).any(|i| {
        // The reach of its content first: no span of it holds `at` if
        // the reach does not.
        let (lo, hi) = reach[i];
        lo <= at && at < hi && out[i].content.iter().any(|c| c.start <= at && at < c.end)
    })
        // A report of speech within speech ("X said the mayor said ...")
        // is annotated as often as not: kept.
        && !d
            .low
            .as_bytes()
            .get(c.start..c.end)
            .is_some_and(|w| d.lex.w.say_kept.contains(w))
}

/// From the first start to the last end of a content's spans ((MAX, 0)
/// for none): what [`inside_content`] tests first.
fn content_reach(content: &[Span]) -> (usize, usize) {
    content.iter().fold((usize::MAX, 0), |(lo, hi), c| {
        (lo.min(c.start), hi.max(c.end))
    })
}

/// `X said he believes ...`: a verb right after a reporting verb and a
/// one-word subject is part of what was reported, not a cue of its own.
fn reported_inside(d: &Doc, a: &Attribution, k: usize, s0: usize) -> bool {
    a.rule == Rule::CueContent
        && k >= s0 + 2
        && d.has(k - 2, T_REPORT)
        && d.is_word(k - 2)
        && d.is_word(k - 1)
}

/// A verb that only continues the cue just before it ("is expected to
/// endorse", "tweeted on Friday to say", "ended by saying") is part of that
/// cue, not an attribution of its own.
fn continues_cue(d: &Doc, a: &Attribution, k: usize, here: &[Attribution]) -> bool {
    if a.rule != Rule::CoordCue || k == 0 || !matches!(d.w(k - 1), b"to" | b"by") {
        return false;
    }
    let Some(prev) = here.last().and_then(|p| p.cue.last()) else {
        return false;
    };
    let pe = d.seg.token_at_or_after(prev.end);
    pe <= k && k - pe <= 6 && (pe..k).all(|j| !d.has(j, T_COMMA) && !d.quoted(j))
}

/// A pronoun speaker the resolver left open ("he recalls" after a
/// quotation) is the latest earlier speaker of its gender, within a few
/// attributions.
fn resolve_pronoun_speaker(
    d: &Doc,
    a: &mut Attribution,
    earlier: &[Attribution],
    res: &Resolution,
) {
    use crate::mentions::Gender;
    let Some(sp) = &mut a.speaker else { return };
    if sp.actor.is_some() {
        return;
    }
    let want = match sp.span.slice(d.low) {
        "he" => Gender::Male,
        "she" => Gender::Female,
        _ => return,
    };
    sp.actor = earlier
        .iter()
        .rev()
        .take(4)
        .filter_map(|e| e.speaker.as_ref().and_then(|s| s.actor))
        .find(|&x| res.actors[x].kind == ActorKind::Person && res.actors[x].gender == want);
    if let Some(x) = sp.actor {
        a.about.retain(|&y| y != x);
    }
}

/// Speaker actor from the mentions inside its span; about from content.
fn finish(d: &Doc, a: &mut Attribution, mentions: &[Mention], res: &Resolution) {
    let actor_of = |i: usize| res.of_mention.get(i).copied().flatten();
    let first_from = |at: usize| mentions.partition_point(|m| m.span.start < at);
    // The mentions from index `lo` on that start before `end`: a walk, not a
    // second search, when the mentions are in order (as `detect` gives them;
    // else the search).
    let sorted = d.mentions_sorted;
    let end_from = |lo: usize, end: usize| {
        if sorted {
            lo + mentions[lo..]
                .iter()
                .take_while(|m| m.span.start < end)
                .count()
        } else {
            first_from(end)
        }
    };
    if let Some(sp) = &mut a.speaker {
        let lo = first_from(sp.span.start);
        let hi = end_from(lo, sp.span.end);
        sp.actor = (lo..hi)
            .rev()
            .filter(|&i| sp.span.contains(&mentions[i].span))
            .find_map(actor_of);
        if sp.actor.is_none() && WHO.contains(&sp.span.slice(d.low)) {
            // "X, who said ...": the mention just before.
            sp.actor = (0..lo)
                .rev()
                .take(1)
                .filter(|&i| sp.span.start - mentions[i].span.end <= 3)
                .find_map(actor_of);
        }
    }
    let speaker = a.speaker.as_ref().and_then(|s| s.actor);
    let mut about = Vec::new();
    for c in &a.content {
        let lo = first_from(c.start);
        let hi = end_from(lo, c.end);
        for (i, m) in mentions.iter().enumerate().take(hi).skip(lo) {
            if !c.contains(&m.span)
                || !matches!(m.kind, ActorKind::Person | ActorKind::Organization)
            {
                continue;
            }
            if let Some(x) = actor_of(i) {
                if Some(x) != speaker && !about.contains(&x) {
                    about.push(x);
                }
            }
        }
    }
    a.about = about;
}

/// The end of a sentence's words (exclusive): its final punctuation off,
/// closing quotation marks kept.
fn words_end(d: &Doc, s0: usize, s1: usize) -> usize {
    words_bounds(d, s0, s1).1
}

/// [`words_start`] and [`words_end`] of a sentence, remembered for the
/// last sentence asked about.
fn words_bounds(d: &Doc, s0: usize, s1: usize) -> (usize, usize) {
    let (range, bounds) = d.bounds.get();
    if range == (s0, s1) {
        return bounds;
    }
    let bounds = (measure_words_start(d, s0, s1), measure_words_end(d, s0, s1));
    d.bounds.set(((s0, s1), bounds));
    bounds
}

fn measure_words_end(d: &Doc, s0: usize, s1: usize) -> usize {
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
fn words_start(d: &Doc, s0: usize, s1: usize) -> usize {
    words_bounds(d, s0, s1).0
}

fn measure_words_start(d: &Doc, s0: usize, s1: usize) -> usize {
    let mut s = s0;
    while s < s1 && d.kind(s) == TokenKind::Punct && !d.is_open_quote(s) {
        s += 1;
    }
    s
}

/// The noun phrase ending at token `e` (exclusive), not before `lo`.
fn np_ending(d: &Doc, lo: usize, e: usize) -> Option<(usize, usize)> {
    if e > lo + 1 && d.has(e - 1, T_RPAREN) {
        // "Rep. Tavi Renn (D-Ore.)": the name before the bracket.
        let open = (lo..e - 1).rev().take(8).find(|&j| d.has(j, T_LPAREN))?;
        return np_ending(d, lo, open).map(|(s, _)| (s, e));
    }
    let mut s = e;
    while s > lo && e - s < 7 {
        let i = s - 1;
        let t = d.tags[i];
        let ok = match d.kind(i) {
            TokenKind::Word | TokenKind::Number if t & T_AND != 0 => {
                // "Tavi Renn and Mira Doss said", "she and another aide said".
                i > lo
                    && s < e
                    && (d.is_cap(s) || d.has(s, T_SOURCE) || d.lex.w.and_next.contains(d.w(s)))
                    && (d.is_cap(i - 1) || d.has(i - 1, T_PRONOUN))
            }
            TokenKind::Word | TokenKind::Number => {
                t & (T_NP_STOP | T_AUX | T_REPORT | T_STANCE) == 0
            }
            TokenKind::Possessive => true,
            TokenKind::Punct => {
                t & T_PERIOD != 0
                    && i > lo
                    && d.tok(i - 1).end == d.tok(i).start
                    && d.is_word(i - 1)
            }
        };
        if !ok {
            break;
        }
        s -= 1;
        if t & (T_PRONOUN | T_YOU) != 0 {
            // A personal pronoun is a whole speaker.
            break;
        }
    }
    if s == e || (e - s == 1 && d.has(s, T_NOT_SPEAKER)) || d.kind(s) == TokenKind::Punct {
        return None;
    }
    Some((s, e))
}

/// Index of the token closing an aside that ends at `e` (exclusive):
/// `, ... ,` / `— ... —` / `( ... )`. Returns where the aside opens.
fn aside_open(d: &Doc, lo: usize, e: usize) -> Option<usize> {
    if e == lo {
        return None;
    }
    // A comma opens at a comma, a dash at a dash, `)` at `(`.
    let close = d.tags[e - 1];
    let open = if close & T_COMMA != 0 {
        T_COMMA
    } else if close & T_DASH != 0 {
        T_DASH
    } else if close & T_RPAREN != 0 {
        T_LPAREN
    } else {
        return None;
    };
    (lo..e - 1)
        .rev()
        .take(30)
        .find(|&j| d.tags[j] & (open | T_IN_QUOTE) == open)
}

/// The speaker phrase ending just before token `k`, skipping auxiliaries
/// and asides. Returns its token range and the first skipped-token index.
fn np_before(d: &Doc, lo: usize, k: usize) -> Option<(usize, usize)> {
    let mut e = k;
    while e > lo && skippable(d, e - 1) {
        e -= 1;
    }
    if e > lo && e < k && d.w(e - 1) == b"on" && d.has(e, T_TIME) {
        e -= 1;
    }
    if e > lo && d.has(e - 1, T_RPAREN) {
        if let Some(open) = aside_open(d, lo, e) {
            return np_ending(d, lo, open).map(|(s, _)| (s, e));
        }
        return None;
    }
    if e > lo && matches!(d.w(e - 1), b"," | b"\xe2\x80\x94" | b"\xe2\x80\x93") {
        let mut open = aside_open(d, lo, e)?;
        for _ in 0..3 {
            if open <= lo {
                return None;
            }
            let (s, _) = np_ending(d, lo, open)?;
            // "Tavi Renn, 58, who ..., says": step over an age or another aside.
            let weak =
                (s..open).all(|i| d.kind(i) == TokenKind::Number) || !d.can_be_source(s, open);
            if weak && s > lo && d.has(s - 1, T_COMMA) {
                open = aside_open(d, lo, s)?;
                continue;
            }
            return Some((s, open));
        }
        return None;
    }
    let (s, e2) = np_ending(d, lo, e)?;
    // "X, who said": keep the relative pronoun as the speaker.
    Some((s, e2))
}

/// The noun phrase starting at token `s`: up to a comma, clause word or end.
fn np_after(d: &Doc, s: usize, hi: usize) -> Option<(usize, usize)> {
    let mut e = s;
    while e < hi && e - s < 9 {
        let w = d.w(e);
        let ok = match d.kind(e) {
            TokenKind::Word | TokenKind::Number => {
                (d.tags[e] & T_NP_STOP == 0 || w == b"of" && e > s) && d.cue_at(e).is_none()
            }
            TokenKind::Possessive => true,
            TokenKind::Punct => {
                (w == b"."
                    && e > s
                    && d.tok(e - 1).end == d.tok(e).start
                    && e + 1 < hi
                    && d.is_word(e + 1))
                    || w == b"-"
            }
        };
        if !ok {
            break;
        }
        e += 1;
    }
    while e > s && d.w(e - 1) == b"of" {
        e -= 1;
    }
    (e > s && !d.has(s, T_NOT_SPEAKER) && d.kind(s) != TokenKind::Punct).then_some((s, e))
}

/// How far into its sentence [`subject_of`] looks for a subject, in tokens.
const SUBJECT_REACH: usize = 60;

/// The subject of sentence `si` before token `k`, for a cue coordinated
/// with an earlier verb. Reuses the speaker of an earlier attribution.
fn subject_of(d: &Doc, si: usize, k: usize, earlier: &[Attribution]) -> Option<Span> {
    if let Some(sp) = earlier
        .iter()
        .rev()
        .filter(|a| a.sentence == si)
        .find_map(|a| a.speaker.as_ref())
    {
        if sp.span.end <= d.tok(k).start {
            return Some(sp.span);
        }
    }
    let (s0, _) = sentence_range(d.seg, si);
    // A subject stands near its sentence's start: looking no further than
    // SUBJECT_REACH tokens keeps a giant sentence of cues linear.
    let k = k.min(s0 + SUBJECT_REACH);
    let mut s = s0;
    while s < k && d.kind(s) == TokenKind::Punct {
        s += 1;
    }
    // A dateline: "WASHINGTON (AP) \u{2014} ...".
    if let Some(dash) =
        (s..k.min(s + 8)).find(|&j| matches!(d.w(j), b"\xe2\x80\x94" | b"\xe2\x80\x93" | b"--"))
    {
        if (s..dash).all(|j| {
            d.kind(j) != TokenKind::Word
                || d.tok(j).slice(d.text).chars().all(|c| !c.is_lowercase())
        }) {
            s = dash + 1;
        }
    }
    if s < k && (d.has(s, T_INTRO) || d.cue_at(s).is_some()) {
        let comma = (s..k).find(|&j| d.has(j, T_COMMA) && !d.quoted(j))?;
        s = comma + 1;
    }
    // The first noun phrase followed by a lower-case word that can be a verb.
    let verb_after = |e: usize| {
        e < k && d.is_word(e) && !d.is_cap(e) && !d.has(e, T_NP_STOP)
            || e < k && e == s + 1 && d.has(s, T_PRONOUN)
    };
    let mut i = s;
    while i < k {
        if d.quoted(i) || !d.is_word(i) {
            i += 1;
            continue;
        }
        if d.has(i, T_PRONOUN) {
            return d.span(i, i + 1);
        }
        if let Some((a, b)) = np_after(d, i, k) {
            let mut b2 = b;
            if d.is_cap(a) {
                // A name ends where its capitalised words end ("Ines Varga left").
                let mut e = a + 1;
                while e < b && (d.is_cap(e) || d.kind(e) != TokenKind::Word) {
                    e += 1;
                }
                b2 = e;
            } else {
                b2 = b2.min(a + 4);
            }
            if d.can_be_source(a, b2) && (verb_after(b2) || i == s && verb_after(b)) {
                return d.span(a, if verb_after(b2) { b2 } else { b });
            }
            i = b.max(i + 1);
        } else {
            i += 1;
        }
    }
    // Otherwise the phrase right after the introduction.
    let (a, b) = np_after(d, s, k)?;
    let mut e = a + 1;
    if d.is_cap(a) {
        while e < b && (d.is_cap(e) || d.kind(e) != TokenKind::Word) {
            e += 1;
        }
    } else {
        e = b.min(a + 4);
    }
    d.can_be_source(a, e).then(|| d.span(a, e)).flatten()
}

fn according_to(d: &Doc, si: usize, k: usize) -> Option<Attribution> {
    let (s0, s1) = sentence_range(d.seg, si);
    let cue = Span::new(d.tok(k).start, d.tok(k + 1).end);
    let (s, e) = np_after(d, k + 2, s1)?;
    let speaker = Speaker {
        span: d.span(s, e)?,
        actor: None,
    };
    let ws = words_start(d, s0, s1);
    let we = words_end(d, s0, s1);
    let content = if k > ws {
        // "..., according to X." / "... according to X, ..."
        let mut ce = k;
        while ce > ws && d.kind(ce - 1) == TokenKind::Punct && !d.is_close_quote_tok(ce - 1) {
            ce -= 1;
        }
        if let Some(q) = d
            .quote_ending_before(d.tok(k).start)
            .filter(|q| q.span.end > d.tok(ws).start || q.span.start >= d.tok(ws).start)
        {
            vec![d.quote_content(&q)]
        } else {
            // Start after an introductory clause that ends in a comma.
            let mut cs = ws;
            if d.has(ws, T_INTRO) {
                if let Some(c) = (ws..ce).find(|&j| d.has(j, T_COMMA)) {
                    cs = c + 1;
                }
            }
            let mut parts = vec![d.span(cs, ce)?];
            // "... according to X, ..." with more words after it.
            let mut after = e;
            while after < we && d.kind(after) == TokenKind::Punct {
                after += 1;
            }
            if after < we && we - after >= 2 {
                parts.push(d.span(after, we)?);
            }
            parts
        }
    } else {
        let mut cs = e;
        while cs < we && d.kind(cs) == TokenKind::Punct && !d.is_open_quote(cs) {
            cs += 1;
        }
        vec![d.span(cs, we)?]
    };
    Some(Attribution::found(
        Some(speaker),
        cue,
        content,
        Rule::AccordingTo,
        si,
    ))
}

/// `X reportedly left ...`: the adverb is the cue when no reporting verb
/// follows it; the content is its clause, the adverb left out.
fn adverb_cue(d: &Doc, si: usize, k: usize) -> Option<Attribution> {
    let (s0, s1) = sentence_range(d.seg, si);
    let ws = words_start(d, s0, s1);
    let we = words_end(d, s0, s1);
    if (k + 1..we.min(k + 3)).any(|j| d.is_word(j) && d.cue_at(j).is_some()) {
        return None;
    }
    // The clause starts after the last comma or clause word before the adverb.
    let mut cs = k;
    while cs > ws && !d.lex.w.clause_start.contains(d.w(cs - 1)) {
        cs -= 1;
    }
    let end = clause_end(d, k, we);
    let mut content = Vec::new();
    content.extend(d.span(cs, k));
    if end > k + 1 {
        content.extend(d.span(k + 1, end));
    }
    if content.is_empty() {
        return None;
    }
    Some(Attribution::found(
        None,
        d.tok(k),
        content,
        Rule::AdverbCue,
        si,
    ))
}

/// `In a new poll, ...` / `... in his view.`: the phrase is cue and source.
fn in_source(d: &Doc, si: usize, k: usize) -> Option<Attribution> {
    let (s0, s1) = sentence_range(d.seg, si);
    // The noun first: most `in`s have none.
    let head = (k + 1..s1.min(k + 9))
        .take_while(|&j| !d.has(j, T_COMMA) && !d.quoted(j))
        .find(|&j| d.has(j, T_IN_SOURCE))?;
    let ws = words_start(d, s0, s1);
    let we = words_end(d, s0, s1);
    // Sentence-initial ("In a new poll, ...") or a view ("in his view").
    let view = d.lex.in_anywhere.contains(d.w(head));
    if k != ws && !view {
        return None;
    }
    // "In other words" restates; it names no source.
    if d.lex
        .in_idioms
        .iter()
        .any(|(m, n)| **n == *d.w(head) && **m == *d.w(head - 1))
    {
        return None;
    }
    // The phrase runs to a comma (a poll "released Sunday").
    let phrase_end = (head + 1..s1.min(head + 6))
        .find(|&j| d.has(j, T_COMMA))
        .unwrap_or(head + 1);
    let speaker = Speaker {
        span: d.span(k + 1, head + 1)?,
        actor: None,
    };
    let mut content = Vec::new();
    if k > ws {
        let mut e = k;
        while e > ws && d.kind(e - 1) == TokenKind::Punct && !d.is_close_quote_tok(e - 1) {
            e -= 1;
        }
        if e - ws >= 3 {
            content.extend(d.span(ws, e));
        }
    }
    let after = if d.w(phrase_end.min(s1 - 1)) == b"," {
        phrase_end + 1
    } else {
        head + 1
    };
    if content.is_empty() || d.w(phrase_end.min(s1 - 1)) == b"," {
        let end = clause_end(d, after, we);
        if end > after + 2 {
            content.extend(d.span(after, end));
        }
    }
    if content.is_empty() {
        return None;
    }
    // The cue runs from "in" to the noun ("in his view").
    Some(Attribution::found(
        Some(speaker),
        d.tok(k).cover(&d.tok(head)),
        content,
        Rule::InSource,
        si,
    ))
}

/// `X grinned: "..."`: a colon right before a quotation (or a quoted
/// paragraph) is the cue when no cue was found just before it. The speaker
/// is the sentence's subject, else the phrase before the colon.
fn colon_quote(d: &Doc, si: usize, k: usize, earlier: &[Attribution]) -> Option<Attribution> {
    let (s0, _) = sentence_range(d.seg, si);
    let at = d.tok(k).end;
    if earlier
        .iter()
        .any(|a| a.cue.iter().any(|c| c.end <= at && at - c.end <= 40))
    {
        return None;
    }
    let rest = &d.text[at..];
    let pos = at + (rest.len() - rest.trim_start().len());
    let q = d.quote_at(pos)?;
    let speaker = subject_of(d, si, k, earlier).or_else(|| {
        np_before(d, s0, k)
            .filter(|&(s, e)| d.can_be_source(s, e))
            .and_then(|(s, e)| d.span(s, e))
    })?;
    let mut content = vec![q.span];
    content.extend(continuation(d, q.span.end, 2));
    Some(Attribution::found(
        Some(Speaker {
            span: speaker,
            actor: None,
        }),
        d.tok(k),
        content,
        Rule::ColonQuote,
        si,
    ))
}

/// `Name: words` at a sentence's start (headline style).
fn colon(d: &Doc, si: usize, k: usize, mentions: &[Mention]) -> Option<Attribution> {
    let (s0, s1) = sentence_range(d.seg, si);
    let ws = words_start(d, s0, s1);
    if k <= ws || k - ws > 5 || !(ws..k).all(|i| d.kind(i) != TokenKind::Punct || d.w(i) == b".") {
        return None;
    }
    if !(ws..k).all(|i| {
        !d.is_word(i) || d.is_cap(i) || d.lex.colon_group.contains(d.w(i)) || d.w(i) == b"of"
    }) {
        return None;
    }
    let sp = d.span(ws, k)?;
    if d.w(ws) == b"the"
        || (ws..k).any(|i| d.has(i, T_COLON_LABEL))
        || !(ws..k).any(|i| d.ws(i).chars().any(char::is_alphabetic))
    {
        return None;
    }
    let i = mentions.partition_point(|m| m.span.start < sp.start);
    let title = si == 0;
    // A transcript's speaker: "RENN: We will see."
    let caps = (ws..k).all(|i| {
        !d.is_word(i)
            || d.tok(i).slice(d.text).chars().all(|c| !c.is_lowercase()) && d.tok(i).len() > 1
    });
    if !caps
        && !mentions[i..]
            .iter()
            .take_while(|m| m.span.end <= sp.end)
            .any(|m| m.kind == ActorKind::Person || title || d.lex.colon_camp.contains(d.w(k - 1)))
    {
        return None;
    }
    let we = words_end(d, s0, s1);
    let content = d.span(k + 1, we.max(k + 1))?;
    if we - (k + 1) < 2 {
        return None;
    }
    Some(Attribution::found(
        Some(Speaker {
            span: sp,
            actor: None,
        }),
        d.tok(k),
        vec![content],
        Rule::Colon,
        si,
    ))
}

/// Is token `j` (a cue form) coordinated with what comes before it:
/// `and said`, `, saying`?
fn coordinated_at(d: &Doc, lo: usize, j: usize) -> bool {
    if j <= lo {
        return false;
    }
    d.has(j - 1, T_AND | T_BUT) || d.has(j - 1, T_COMMA) && d.w(j).ends_with(b"ing")
}

/// Where the content after a cue ends: before a coordinated cue
/// (`... and said`, `..., adding`), else at the words' end.
/// The longest reported clause, in tokens.
const MAX_CLAUSE: usize = 400;

fn clause_end(d: &Doc, from: usize, we: usize) -> usize {
    // No reported clause runs on for more than MAX_CLAUSE tokens: this keeps
    // a giant unpunctuated "sentence" full of cues linear, not quadratic.
    let we = we.min(from + 1 + MAX_CLAUSE);
    // Only a dash, a comma, "but" or a reporting verb outside quotations can
    // end it: one test for both (the quote bit is above the others).
    const ENDS: Tags = T_DASH | T_COMMA | T_BUT | T_REPORT;
    const _: () = assert!(ENDS < T_IN_QUOTE);
    let mut next = from + 1;
    while next < we {
        // The next token that may end it.
        let Some(off) = d.tags[next..we]
            .iter()
            .position(|&t| (t & (ENDS | T_IN_QUOTE)).wrapping_sub(1) < T_IN_QUOTE - 1)
        else {
            break;
        };
        let j = next + off;
        next = j + 1;
        // A dash or ", but" closes the reported clause.
        if j > from + 2 && (d.has(j, T_DASH) || d.has(j, T_BUT) && d.has(j - 1, T_COMMA)) {
            let mut e = j;
            while e > from + 1 && d.has(e - 1, T_COMMA) {
                e -= 1;
            }
            return e;
        }
        // ", and ...", ", as ...", ", which ...": a new clause after the content.
        if j > from + 2
            && d.has(j, T_COMMA)
            && j + 1 < we
            && !d.quoted(j + 1)
            && d.has(j + 1, T_CLAUSE_OPENER)
        {
            return j;
        }
        if !d.is_word(j) {
            continue;
        }
        if d.cue_at(j) == Some(CueClass::Report)
            && (coordinated_at(d, from, j) || d.has(j - 1, T_COMMA))
        {
            let mut e = j - 1;
            while e > from && d.has(e, T_COMMA | T_AND | T_BUT) {
                e -= 1;
            }
            return e + 1;
        }
    }
    we
}

/// Quotations continuing a content: each opens right after the previous
/// piece ends (white space only between, or the rest of the cue's
/// sentence), and its own sentence has no cue outside quotations.
fn continuation(d: &Doc, mut at: usize, max_paras: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let start_para = d
        .seg
        .sentence_at(at.saturating_sub(1))
        .map(|s| d.seg.sentences[s].paragraph);
    loop {
        let rest = &d.text[at..];
        let skip = rest.len() - rest.trim_start().len();
        let pos = at + skip;
        let Some(q) = d.quote_at(pos) else { break };
        let Some(si) = d.seg.sentence_at(q.inner.start) else {
            break;
        };
        let para = d.seg.sentences[si].paragraph;
        if start_para.is_some_and(|p| para > p + max_paras) {
            break;
        }
        // The quotation's own sentences must carry no cue of their own.
        let last_si = d
            .seg
            .sentence_at(q.span.end.saturating_sub(1))
            .unwrap_or(si);
        let (_, e) = sentence_range(d.seg, last_si);
        let first = d.seg.token_at_or_after(q.span.end);
        let has_cue = (first..e)
            .any(|j| !d.quoted(j) && d.is_word(j) && d.cue_at(j) == Some(CueClass::Report));
        if has_cue {
            break;
        }
        out.push(q.span);
        at = q.span.end;
        if out.len() >= 8 {
            break;
        }
    }
    out
}

/// Content ending before token `end` (exclusive): the quotation closing
/// there, or the clause from the sentence's start.
fn content_before(d: &Doc, s0: usize, s1: usize, end: usize) -> Option<Span> {
    let at = if end < d.seg.tokens.len() {
        d.tok(end).start
    } else {
        d.text.len()
    };
    let ws = words_start(d, s0, s1);
    if let Some(q) = d.quote_ending_before(at) {
        // A short quotation inside a clause is a title or a phrase, not the content.
        let inner_clause = ws < s1 && q.span.start > d.tok(ws).start && {
            let a = d.seg.token_at_or_after(q.span.start);
            d.seg.token_at_or_after(q.span.end) - a < 7
        };
        // Only a quotation that reaches into this sentence or ends right before it.
        if !inner_clause && (q.span.end > d.tok(s0).start || end == s0 || ws == end) {
            return Some(d.quote_content(&q));
        }
    }
    let mut e = end;
    while e > ws && d.kind(e - 1) == TokenKind::Punct && !d.is_close_quote_tok(e - 1) {
        e -= 1;
    }
    if e <= ws {
        return None;
    }
    let mut cs = ws;
    if d.has(ws, T_INTRO) && !d.lex.w.kept_intro.contains(d.w(ws)) {
        if let Some(c) = (ws..e).find(|&j| d.has(j, T_COMMA) && !d.quoted(j)) {
            if e - c > 3 {
                cs = c + 1;
            }
        }
    }
    d.span(cs, e)
}

/// Skip a hearer after `tell`/`ask` ("told reporters that", "told Reuters,").
fn skip_hearer(d: &Doc, c: usize, we: usize) -> usize {
    if c >= we {
        return c;
    }
    if let Some(j) = (c..we.min(c + 7)).find(|&j| d.has(j, T_HEARER_END)) {
        return j;
    }
    // Otherwise a short object: one capitalised run or a pronoun/noun.
    let mut j = c;
    if one_of(DETERMINERS, d.w(j)) {
        j += 1;
    }
    while j < we && d.is_word(j) && d.is_cap(j) {
        j += 1;
    }
    if j == c || (j == c + 1 && one_of(DETERMINERS, d.w(c))) {
        j = (c + 1).min(we);
        if one_of(DETERMINERS, d.w(c)) {
            j = (c + 2).min(we);
        }
    }
    j
}

/// Skip adjuncts after a cue ("said Friday in a statement"): returns the
/// first token after them, or `we` if they run to the end.
fn skip_adjuncts(d: &Doc, mut c: usize, we: usize) -> usize {
    let mut guard = 0;
    while c < we && guard < 4 {
        guard += 1;
        if !d.has(c, T_ADJUNCT) {
            break;
        }
        if d.lex.w.hearer_adjunct.contains(d.w(c))
            && c + 1 < we
            && !(d.lex.w.hearer_noun.contains(d.w(c + 1)) || one_of(DETERMINERS, d.w(c + 1)))
            && !d.is_cap(c + 1)
        {
            break;
        }
        // An adjunct runs to a comma, `that`, a quotation or a colon.
        let stop = (c + 1..we).find(|&j| {
            d.has(j, T_ADJUNCT_STOP)
                || d.is_open_quote(j)
                || (d.cue_at(j).is_some() && !d.quoted(j))
        });
        match stop {
            Some(j) if j - c <= 9 => c = j,
            Some(_) => break,
            None if we - c <= 9 => return we,
            None => break,
        }
        if d.has(c, T_COMMA) {
            // An adjunct closed by a comma: what follows may be the content.
            c += 1;
        }
    }
    c
}

fn verb_cue(
    d: &Doc,
    si: usize,
    k: usize,
    class: CueClass,
    earlier: &[Attribution],
) -> Option<Attribution> {
    let (s0, s1) = sentence_range(d.seg, si);
    let we = words_end(d, s0, s1);
    let ws = words_start(d, s0, s1);
    let w = d.w(k);
    // "went on to say": an infinitive reporting verb speaks for the subject.
    let infinitive = k > s0 && d.w(k - 1) == b"to" && d.has(k, T_SAY_INF);
    // "some say", "many believe": a quantifier is the speaker of a verb form.
    let quantified = k > s0 && d.lex.w.quantifier.contains(d.w(k - 1)) && d.has(k, T_QUANTIFIED);
    if k > s0 && d.has(k - 1, T_NOT_BEFORE) && !infinitive && !quantified {
        return None;
    }
    // Nouns after a determiner two words back ("the latest report") are caught above;
    // a capitalised cue inside the sentence is a name ("Rep. Hank Call").
    // In a headline ("Tavi Renn Says Talks Are Over") every word is capitalised.
    if k > ws && d.is_cap(k) && !title_case(d, ws, we) {
        return None;
    }
    let mut cue = d.tok(k);
    let mut after = k + 1;
    if let Some((_, p)) = d
        .lex
        .particles()
        .iter()
        .find(|(v, _)| d.has(k, T_PARTICLE) && **v == *w)
    {
        if after < s1 && d.w(after) == &**p {
            cue = cue.cover(&d.tok(after));
            after += 1;
        }
    }
    // 1. Speaker after the cue: '"...," said X.' / '..., said X.' / 'Said X, "..."'.
    let sep_before =
        k > s0 && (matches!(d.w(k - 1), b"," | b"\xe2\x80\x94") || d.is_close_quote_tok(k - 1));
    // "X, then head of Y, says ...": the aside belongs to a speaker before.
    let aside_speaker = k > s0
        && d.has(k - 1, T_COMMA)
        && np_before(d, s0, k).is_some_and(|(s, e)| d.can_be_source(s, e));
    if class == CueClass::Report && (sep_before || k == ws) && !aside_speaker {
        if let Some((s, src_end, e)) = np_after(d, after, s1)
            .and_then(|(s, e)| inverted_source(d, s, e).map(|(a, b)| (a, b, e)))
        {
            let at_end =
                e >= we || d.has(e, T_INVERTED_END) || (k > 0 && d.is_close_quote_tok(k - 1));
            if at_end {
                let speaker = Speaker {
                    span: d.span(s, src_end)?,
                    actor: None,
                };
                let content_end = if k == ws { None } else { Some(k - 1) };
                let mut content = Vec::new();
                let mut rule = Rule::ContentCue;
                match content_end {
                    Some(ce) => {
                        let c =
                            content_before(d, s0, s1, ce + usize::from(d.is_close_quote_tok(ce)))?;
                        if d.quote_at(c.start).is_some() {
                            rule = Rule::QuoteCue;
                        }
                        content.push(c);
                        let tail = if e < we {
                            skip_to_quote(d, e, we)
                        } else {
                            None
                        };
                        match tail {
                            Some(q) => content.extend(
                                std::iter::once(q.span).chain(continuation(d, q.span.end, 2)),
                            ),
                            None => content.extend(continuation(d, d.tok(s1 - 1).end, 2)),
                        }
                    }
                    None => {
                        // 'Said X, "..."'
                        let mut c = e;
                        while c < we && matches!(d.w(c), b"," | b":") {
                            c += 1;
                        }
                        if let Some(q) = d.quote_at(d.tok(c.min(s1 - 1)).start) {
                            content.push(q.span);
                            rule = Rule::CueQuote;
                        } else {
                            content.push(d.span(c, we)?);
                            rule = Rule::CueContent;
                        }
                    }
                }
                return Some(Attribution::found(Some(speaker), cue, content, rule, si));
            }
        }
    }
    // 2. Speaker before the cue.
    let mut j = k;
    while j > s0 && skippable(d, j - 1) {
        j -= 1;
    }
    if j > s0 && j < k && d.w(j - 1) == b"on" && d.has(j, T_TIME) {
        j -= 1;
    }
    let be_before = j > s0 && d.has(j - 1, T_BE);
    // "X is criticizing Y" / "X is expected to ...": the subject still speaks.
    let progressive = be_before && (w.ends_with(b"ing") || d.lex.w.progressive.contains(w));
    if progressive {
        j -= 1;
        while j > s0 && skippable(d, j - 1) {
            j -= 1;
        }
    }
    let passive = !progressive
        && j > s0
        && (be_before || d.lex.w.asked_after.contains(d.w(j - 1)) && d.lex.w.question.contains(w));
    // "by saying", "after saying": a gerund after a preposition.
    let gerund = j > s0 && w.ends_with(b"ing") && d.lex.w.gerund_after.contains(d.w(j - 1));
    if j == ws && d.lex.w.question.contains(w) {
        return asked_intro(d, si, k, after, we);
    }
    if j > s0 && d.has(j - 1, T_IT) && d.has(k, T_IMPERSONAL) {
        // "It seems (that) ...": an impression with no one behind it.
        let c = skip_adjuncts(d, after, we);
        let end = clause_end(d, k, we);
        if end < c + 2 {
            return None;
        }
        return Some(Attribution::found(
            None,
            cue,
            vec![d.span(c, end)?],
            Rule::Impersonal,
            si,
        ));
    }
    let coord = infinitive
        || gerund
        || coordinated_at(d, s0, j)
        || (j == ws && class == CueClass::Report && w.ends_with(b"ing"));
    let by_agent = if passive && after < we && d.w(after) == b"by" {
        np_after(d, after + 1, s1).filter(|&(s, e)| d.can_be_source(s, e))
    } else {
        None
    };
    if let Some((bs, be)) = by_agent {
        // "X was reported by Y": Y speaks, X is what was said.
        let mut se = j - 1;
        while se > s0 && (skippable(d, se - 1) || d.has(se - 1, T_BE)) {
            se -= 1;
        }
        let subj = np_ending(d, s0, se)?;
        let mut content = vec![d.span(subj.0, subj.1)?];
        // "... was criticized by Y for failing to ...": the reason goes too.
        let mut r = be;
        while r < we && d.has(r, T_COMMA) {
            r += 1;
        }
        let end = clause_end(d, r, we);
        if end > r + 1 && d.w(r) == b"for" {
            content.extend(d.span(r, end));
        }
        return Some(Attribution::found(
            Some(Speaker {
                span: d.span(bs, be)?,
                actor: None,
            }),
            cue,
            content,
            Rule::PassiveCue,
            si,
        ));
    }
    let (speaker, mut rule) = if passive {
        (None, Rule::PassiveCue)
    } else if coord {
        (
            subject_of(d, si, k, earlier).map(|span| Speaker { span, actor: None }),
            Rule::CoordCue,
        )
    } else {
        // "It accused ..." (a report, a group) also speaks for a stance verb.
        let it = (j > s0 && d.has(j - 1, T_IT)
            || j > s0 + 1
                && one_of(RELATIVES, d.w(j - 1))
                && (d.has(j - 2, T_COMMA) || d.is_cap(j - 2)))
        .then(|| (j - 1, j));
        match it.or_else(|| np_before(d, s0, j)) {
            Some((s, e)) => {
                let sp = d.span(s, e)?;
                // A stance verb wants a name, a pronoun or a source noun.
                if (class == CueClass::Stance || d.has(k, T_WEAK_REPORT))
                    && !d.can_be_source(s, e)
                    && !one_of(RELATIVES, d.w(s))
                {
                    // "the issue seems to linger": an impression, no speaker.
                    if d.has(k, T_SEEM) && after < we && d.w(after) == b"to" {
                        let end = clause_end(d, k, we);
                        return (end > after + 2).then(|| {
                            let content = vec![Span::new(d.tok(s).start, d.tok(end - 1).end)];
                            Attribution::found(None, cue, content, Rule::Impersonal, si)
                        });
                    }
                    return None;
                }
                (
                    Some(Speaker {
                        span: sp,
                        actor: None,
                    }),
                    Rule::CueContent,
                )
            }
            None => (None, Rule::CueContent),
        }
    };
    // A plain reporting verb with no speaker beside it ("X, 58, a nurse
    // from Y who ..., said"): the sentence's subject, or nobody.
    let fallback = speaker.is_none() && !passive && !coord && d.has(k, T_SPEAKER_OPTIONAL);
    let speaker = if fallback {
        rule = Rule::SubjectCue;
        subject_of(d, si, k, earlier).map(|span| Speaker { span, actor: None })
    } else {
        speaker
    };
    if speaker.is_none() && !passive && !fallback {
        return None;
    }
    if passive && class == CueClass::Report && !d.has(k, T_PASSIVE) {
        return None;
    }
    // '"...," X said.' / '..., X said.' (the speaker's phrase starts after a comma or quotation).
    if let Some(sp) = &speaker {
        let sp_first = d.token_from(s0, sp.span.start);
        let c = skip_adjuncts(d, skip_hearer_if(d, k, after, we), we);
        let before_sep = sp_first > s0
            && (matches!(d.w(sp_first - 1), b"," | b"\xe2\x80\x94")
                || d.is_close_quote_tok(sp_first - 1));
        let sentence_is_cue = sp_first == ws && c >= we;
        // '"...?" Tavi Renn questioned.': a stance verb closing the sentence
        // after a quotation reports it too.
        let quote_stance = class == CueClass::Stance
            && c >= we
            && (sp_first > s0 && d.is_close_quote_tok(sp_first - 1)
                || sentence_is_cue && d.quote_ending_before(d.tok(ws).start).is_some());
        if (class == CueClass::Report || quote_stance)
            && !coord
            && (before_sep
                && (c >= we
                    || d.has(c, T_COMMA)
                    || d.has(c - 1, T_COMMA)
                    || d.is_close_quote_tok(sp_first - 1) && !matches!(d.w(c), b"that" | b":"))
                || sentence_is_cue)
        {
            let end = if sentence_is_cue {
                ws
            } else {
                sp_first - 1 + usize::from(d.is_close_quote_tok(sp_first - 1))
            };
            let first = content_before(d, s0, s1, end).filter(|f| {
                // "But X said ..." is no clause before the speaker.
                d.quote_at(f.start).is_some()
                    || d.seg.token_at_or_after(f.end) - d.seg.token_at_or_after(f.start) >= 3
            });
            if let Some(first) = first {
                let first_is_quote = d.quote_at(first.start).is_some();
                let mut content = vec![first];
                rule = if first_is_quote {
                    Rule::QuoteCue
                } else {
                    Rule::ContentCue
                };
                let mut ran_on = false;
                if c < we {
                    if let Some(q) = skip_to_quote(d, c, we) {
                        if !first_is_quote {
                            content.clear();
                            rule = Rule::CueQuote;
                        }
                        content.push(q.span);
                        content.extend(continuation(d, q.span.end, 2));
                        ran_on = true;
                    } else if d.has(c, T_COMMA) {
                        // "X, Y said, Z.": the content runs on after the speaker.
                        let end = clause_end(d, c, we);
                        if end > c + 2 {
                            content.extend(d.span(c + 1, end));
                            ran_on = true;
                        }
                    }
                }
                if !ran_on && rule == Rule::QuoteCue {
                    content.extend(continuation(d, d.tok(s1 - 1).end, 2));
                }
                return Some(Attribution::found(speaker, cue, content, rule, si));
            }
        }
    }
    // 'X said: "..."' / 'X said (that) ...' / 'X told IPS (that) ...'
    let mut c = skip_hearer_if(d, k, after, we);
    c = skip_adjuncts(d, c, we);
    while c < we && matches!(d.w(c), b"," | b":" | b"\xe2\x80\x94" | b"-") {
        c += 1;
    }
    // A short quoted phrase inside the clause ("admitted \"two cases\" where
    // ...") is part of a longer content, not the whole of it.
    let phrase = |q: &Quote| {
        let qe = d.seg.token_at_or_after(q.span.end);
        qe + 2 < we && qe - c < 8 && !matches!(d.w(qe), b"," | b"." | b":" | b";")
    };
    if c < s1 && d.is_open_quote(c) {
        if let Some(q) = d.quote_at(d.tok(c).start).filter(|q| !phrase(q)) {
            let mut content = vec![q.span];
            // A quotation closing the sentence may run on after it.
            let qe = d.seg.token_at_or_after(q.span.end);
            if qe >= we {
                content.extend(continuation(d, q.span.end.max(d.tok(s1 - 1).end), 2));
            }
            return Some(Attribution::found(
                speaker,
                cue,
                content,
                if coord || passive {
                    rule
                } else {
                    Rule::CueQuote
                },
                si,
            ));
        }
    }
    // A colon at the end of a paragraph introduces the next paragraph.
    if c >= we && d.has(s1 - 1, T_COLON) {
        let para = d.seg.sentences[si].paragraph;
        if let Some(next) = d.seg.paragraphs.get(para + 1) {
            let inner = *next;
            let mut content = vec![inner];
            content.extend(continuation(d, next.end, 3));
            return Some(Attribution::found(
                speaker,
                cue,
                content,
                Rule::CueBlock,
                si,
            ));
        }
    }
    let mut end = clause_end(d, k, we);
    if k == ws || (passive && d.lex.w.question.contains(w)) {
        // "Asked whether ..., X said": the question runs to the comma.
        if let Some(comma) = (c + 1..end).find(|&j| d.has(j, T_COMMA) && !d.quoted(j)) {
            end = comma;
        }
    }
    if class == CueClass::Stance {
        end = object_end(d, c, end);
    }
    // "... said yes.", "would not say so": a one-word answer is a content too.
    let answer = end == c + 1 && d.lex.w.answer.contains(d.w(c));
    if end <= c || (end - c < 2 && class == CueClass::Report && !answer) {
        // '"...," the tall, quiet mayor said.': nothing after the cue, the
        // quotation opening the sentence is the content.
        if class == CueClass::Report && c >= we && !coord && !passive {
            let sp_start = speaker.as_ref().map_or(d.tok(k).start, |sp| sp.span.start);
            let first = d.tok(words_start(d, s0, s1)).start;
            if let Some(q) = d.quote_at(first).filter(|q| q.span.end <= sp_start) {
                return Some(Attribution::found(
                    speaker,
                    cue,
                    vec![q.span],
                    Rule::QuoteCue,
                    si,
                ));
            }
        }
        return None;
    }
    let mut content = vec![d.span(c, end)?];
    if d.has(s1 - 1, T_COLON) {
        // "X observed that ...:" with the quotation after the colon.
        content.extend(continuation(d, d.tok(s1 - 1).end, 2));
    }
    Some(Attribution::found(speaker, cue, content, rule, si))
}

/// Is the sentence in title case (a headline): most of its words of four
/// letters or more capitalised?
fn title_case(d: &Doc, ws: usize, we: usize) -> bool {
    let (mut cap, mut n) = (0, 0);
    for i in ws..we {
        if d.is_word(i) && !d.quoted(i) && d.tok(i).len() >= 4 {
            n += 1;
            cap += usize::from(d.is_cap(i));
        }
    }
    n >= 2 && cap * 4 >= n * 3
}

/// `Asked whether ..., X said ...` / `Asked by Y about ..., X said`: the
/// question is the content, up to the comma; its source is the asker after
/// `by`, else none.
fn asked_intro(d: &Doc, si: usize, k: usize, after: usize, we: usize) -> Option<Attribution> {
    let mut c = after;
    let mut speaker = None;
    if c < we && d.w(c) == b"by" {
        let (s, e) = np_after(d, c + 1, we).filter(|&(s, e)| d.can_be_source(s, e))?;
        speaker = Some(Speaker {
            span: d.span(s, e)?,
            actor: None,
        });
        c = e;
    }
    let end = (c..we)
        .find(|&j| d.has(j, T_COMMA) && !d.quoted(j))
        .unwrap_or(we);
    if end < c + 2 {
        return None;
    }
    Some(Attribution::found(
        speaker,
        d.tok(k),
        vec![d.span(c, end)?],
        Rule::PassiveCue,
        si,
    ))
}

/// `X is eager to ...` / `X was skeptical of ...`: an adjective of attitude
/// after a form of "be"; the subject speaks, the rest of the clause is
/// the content.
fn adjective_cue(d: &Doc, si: usize, k: usize) -> Option<Attribution> {
    let (s0, s1) = sentence_range(d.seg, si);
    let we = words_end(d, s0, s1);
    let mut j = k;
    while j > s0 && d.has(j - 1, T_DEGREE) {
        j -= 1;
    }
    if j == s0 || !d.has(j - 1, T_BE) {
        return None;
    }
    j -= 1;
    while j > s0 && (skippable(d, j - 1) || d.has(j - 1, T_BE)) {
        j -= 1;
    }
    let (s, e) = np_before(d, s0, j).filter(|&(s, e)| d.can_be_source(s, e))?;
    let mut c = k + 1;
    if c < we && d.w(c) == b"that" {
        c += 1;
    }
    let end = clause_end(d, k, we);
    if end < c + 2 {
        return None;
    }
    Some(Attribution::found(
        Some(Speaker {
            span: d.span(s, e)?,
            actor: None,
        }),
        d.tok(k),
        vec![d.span(c, end)?],
        Rule::AdjectiveCue,
        si,
    ))
}

/// Where the object of a stance verb ends: before a comma, a dash, a
/// conjunction, a subordinate clause or a time phrase.
fn object_end(d: &Doc, c: usize, end: usize) -> usize {
    // Verbs of thinking and hoping take a whole clause.
    if c > 0 && d.has(c - 1, T_CLAUSAL) {
        return end;
    }
    (c + 1..end)
        .find(|&j| !d.quoted(j) && d.has(j, T_OBJECT_STOP))
        .unwrap_or(end)
}

/// A source after an inverted cue: a lone pronoun, a name, or a phrase
/// holding a source noun ("a senior official"). Returns its token range.
fn inverted_source(d: &Doc, s: usize, e: usize) -> Option<(usize, usize)> {
    if d.has(s, T_PRONOUN) {
        return Some((s, s + 1));
    }
    if d.is_cap(e - 1) && e - s <= 6 {
        return Some((s, e));
    }
    if d.lex.w.inverted_determiner.contains(d.w(s))
        && e - s <= 5
        && (e >= d.seg.tokens.len() || matches!(d.w(e), b"," | b"." | b"\xe2\x80\x94"))
    {
        return Some((s, e));
    }
    if d.is_cap(s) {
        // A name or a title and name, possibly "X of Y".
        let mut t = s + 1;
        while t < e && (d.is_cap(t) || d.kind(t) != TokenKind::Word || d.w(t) == b"of") {
            t += 1;
        }
        while t > s + 1 && d.w(t - 1) == b"of" {
            t -= 1;
        }
        return Some((s, t));
    }
    // A lower-case phrase: determiners and modifiers up to a source noun.
    let head = (s..e).find(|&t| d.has(t, T_SOURCE))?;
    let mut t = head + 1;
    while t < e && (d.is_cap(t) || d.w(t) == b"of" || d.kind(t) != TokenKind::Word) {
        t += 1;
    }
    Some((s, t))
}

fn skip_hearer_if(d: &Doc, k: usize, after: usize, we: usize) -> usize {
    if d.has(k, T_HEARER) {
        skip_hearer(d, after, we)
    } else {
        after
    }
}

/// A quotation after a comma at token `c` ('..., he said, "..."').
fn skip_to_quote(d: &Doc, mut c: usize, we: usize) -> Option<Quote> {
    while c < we && matches!(d.w(c), b"," | b":" | b"\xe2\x80\x94") {
        c += 1;
    }
    if c < d.seg.tokens.len() && d.is_open_quote(c) {
        d.quote_at(d.tok(c).start)
    } else {
        None
    }
}

#[cfg(test)]
mod tests;
