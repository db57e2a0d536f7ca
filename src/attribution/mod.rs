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
//! | `cue-block` | `X said:` at a paragraph's end (also after a short tail: `X had this to say about it:`); a colon before a paragraph set off by an ellipsis | X; the sentence's subject for a set-off paragraph | the next paragraph; a set-off one in the first person runs on over the next paragraphs that keep the first person, until one names the speaker |
//! | `coord-cue` | `X met Y and said ...` / `X left, saying ...` / `Asked about it, X said ...` | the subject of the sentence | the rest of the clause |
//! | `passive-cue` | `X was reported to ...` / `when asked about ...` / `Asked whether ..., X said` | none (the agent after `by`, if any) | the rest of the clause (the subject, with `by`) |
//! | `in-source` | `In a new poll, ...` / `..., in his view.` (the cue runs from `in` to the noun) | the phrase after `in` | the rest of the sentence |
//! | `colon-quote` | `X grinned: "..."` (no other cue before the colon) | the phrase before the colon, or the subject | the quotation and its continuation |
//! | `colon` | `Tavi Renn: Talks Are Over` (headline style) | the name before the colon | the words after it |
//! | `adjective-cue` | `X is eager to ...` / `X was skeptical of ...` (an adjective from `data/adjectives.txt` after "be") | X | the rest of the clause |
//! | `adverb-cue` | `X reportedly left ...` (no reporting verb after the adverb) | none | the clause, the adverb left out |
//! | `impersonal` | `It seems (that) ...` / `The issue seems to ...` | none | the rest of the clause (with the subject) |
//! | `noun-cue` | `Tavi Renn's criticism of ...` / `the allegation that ...` (a noun of `data/nouns.txt` before a word of its `after`) | the possessive before the noun, or none | the object or clause after the word |
//! | `subject-cue` | `Ines Varga, 58, a nurse who ..., said ...` (no speaker found beside a plain reporting verb) | the subject of the sentence, or none | the rest of the clause |
//!
//! A noun source ("The audit of clerk X by the board revealed ...",
//! `phrase.txt` `noun-source`) is the speaker, with no actor: a name inside
//! it is `about`. The apposition after `according to X,` ("then the
//! board's chief") is no content. A form of "write" before "for" is a
//! biography ("has written for the Post"), no cue. A `cue-content` cue
//! inside the clause an inverted cue reports (`The board is weighing the
//! plan, said two aides.`) is dropped: the clause is the aides' words.
//!
//! Each attribution carries its cue's lemma (the first word of the cue's
//! line in the cue lists: `said` -> `say`) and the class of statement it
//! reports ([`StatementClass`], `data/classes.txt`), and its speaker's
//! [`SourceClass`]: a name, a pronoun, a document (a noun source) or a
//! group (an unnamed source).
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
//!
//! The files of the module:
//!
//! - `mod.rs`: [`Attribution`], [`Speaker`] and [`attribute`], the main loop;
//! - `rule.rs`: [`Rule`], the rules' names;
//! - `lexicon.rs`: [`Lexicon`], every word list, loaded from the data files
//!   ([`DATA`]: `data/*.txt`, each with a header saying what it holds and
//!   its examples), and the tag table built from them;
//! - `tags.rs`: the tag bits (the one place they are defined), the few
//!   closed sets kept in code and the collision-free table;
//! - `doc.rs`: `Doc`, the per-document token view with each token's bits;
//! - `phrase.rs`: the noun-phrase grammar (a speaker before or after a
//!   cue, asides); `subject.rs`: a sentence's subject;
//! - `content.rs`: where a content ends, the quotations continuing it,
//!   hearers and adjuncts after a cue;
//! - `rules/`: one file per family of trigger (`according_to`, `adverb`,
//!   `in_source`, `colon`, `adjective`, `verb_cue/`);
//! - `filter.rs`: which found attributions are dropped; `finish.rs`: the
//!   speaker's actor and `about`;
//! - `declined.rs`: [`declined`], for `explain`: the cue words that made
//!   no attribution, with the rule that came closest and why it declined;
//! - `examples.rs`: [`check_example`], how the data files' examples are
//!   judged.
//!
//! The doubled-apostrophe quotations (`''...''`) come from
//! [`segment::apostrophe_quotes`](crate::segment::apostrophe_quotes).

use crate::mentions::{ActorKind, Mention};
use crate::resolve::Resolution;
use crate::segment::{apostrophe_quotes, has_doubled_apostrophes, Quote, Segmentation, TokenKind};
use crate::span::Span;
use std::borrow::Cow;
use std::cell::Cell;
use std::sync::Arc;

mod content;
mod declined;
mod doc;
mod examples;
mod filter;
mod finish;
mod lexicon;
mod phrase;
mod rule;
mod rules;
mod subject;
mod tags;

use content::*;
pub use declined::{declined, Declined};
use doc::*;
pub use examples::check_example;
use filter::*;
use finish::*;
pub use lexicon::{CueClass, Lexicon, StatementClass, DATA};
use phrase::*;
pub use rule::{Rule, UnknownRule};
use rules::*;
use subject::*;
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
    /// The lemma of the cue's first word (`said` -> `say`), from the cue
    /// lists.
    pub lemma: Option<Arc<str>>,
    /// What kind of statement it reports (`data/classes.txt`).
    pub class: Option<StatementClass>,
    /// What kind of source the speaker is (`None` with no speaker).
    pub source: Option<SourceClass>,
    /// Its rule's precision measured on PolNeAR train, in per cent
    /// (`data/confidence.txt`).
    pub confidence: Option<u8>,
}

/// What kind of source a speaker is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SourceClass {
    /// A phrase naming an actor ("Tavi Renn", "the Harbour Board").
    Name,
    /// A pronoun ("she", "they", "who").
    Pronoun,
    /// A document or other noun source ("the audit of ...", "a new poll").
    Document,
    /// A group or an unnamed source ("senior officials", "a source who ...").
    Group,
}

impl SourceClass {
    /// Its name, as the records spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceClass::Name => "name",
            SourceClass::Pronoun => "pronoun",
            SourceClass::Document => "document",
            SourceClass::Group => "group",
        }
    }
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
            lemma: None,
            class: None,
            source: None,
            confidence: None,
        }
    }

    /// Its cue's lemma and class, from the lexicon.
    fn classify(&mut self, low: &str, lex: &Lexicon) {
        let first = self
            .cue
            .first()
            .and_then(|c| low.get(c.start..c.end))
            .and_then(|w| w.split_whitespace().next());
        if let Some((lemma, class)) = first.and_then(|w| lex.cue_lemma(w)) {
            self.lemma = Some(Arc::clone(lemma));
            self.class = Some(class);
        }
        self.confidence = lex.confidence(self.rule);
    }
}

/// Find the attributions of a document, with the word lists of `lex`.
pub fn attribute(
    text: &str,
    seg: &Segmentation,
    mentions: &[Mention],
    res: &Resolution,
    lex: &Lexicon,
) -> Vec<Attribution> {
    let mut own = String::new();
    let d = Doc::of_document(text, seg, mentions, lex, &mut own);
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
            let found = if named && w == fw::ACCORDING && k + 1 < s1 && d.w(k + 1) == fw::TO {
                according_to(&d, si, k)
            } else if named && w == fw::IN {
                in_source(&d, si, k)
            } else if named && d.has(k, T_ADVERB) {
                adverb_cue(&d, si, k)
            } else if w == b":" {
                colon(&d, si, k, mentions).or_else(|| colon_quote(&d, si, k, &out[first_here..]))
            } else if d.is_word(k) {
                match d.cue_at(k) {
                    Some(class) => verb_cue(&d, si, k, class, &out[first_here..])
                        .or_else(|| noun_cue(&d, si, k)),
                    None if d.tags[k] & T_ADJ != 0 => adjective_cue(&d, si, k),
                    None => noun_cue(&d, si, k),
                }
            } else {
                None
            };
            if let Some(mut a) = found.filter(|a| {
                !continues_cue(&d, a, k, &out[first_here..])
                    && !blocked(&d, a, k)
                    && !biography(&d, a, k)
                    && !reported_inside(&d, a, k, s0)
                    && !inside_content(&d, a, &out, &reach)
            }) {
                a.sentence = si;
                let last = a.cue.last().map_or(k, |c| d.token_from(k + 1, c.end));
                finish(&d, &mut a, mentions, res);
                a.classify(d.low, lex);
                resolve_pronoun_speaker(&d, &mut a, &out, res);
                if block_runs_on(&d, &mut a, mentions, res) {
                    let speaker = a.speaker.clone();
                    finish(&d, &mut a, mentions, res);
                    if speaker.as_ref().and_then(|s| s.actor).is_some() {
                        a.speaker = speaker;
                    }
                    if let Some(x) = a.speaker.as_ref().and_then(|s| s.actor) {
                        a.about.retain(|&y| y != x);
                    }
                }
                while let Some(i) = reported_by_later(&a, &out[first_here..]) {
                    out.remove(first_here + i);
                    reach.remove(first_here + i);
                }
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

#[cfg(test)]
mod tests;
