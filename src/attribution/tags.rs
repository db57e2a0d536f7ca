//! The per-token tag bits and the table that gives a word its bits.
//!
//! This is the one place the bits are defined: [`SECTION_BITS`] says which
//! bits the words of each data section get, [`CLOSED`] which bits the few
//! closed sets kept in code (marks, personal pronouns, the words the main
//! loop names) get; `Lexicon::load` merges them per word and builds one
//! `WordTable<Tags>` of them. `Doc` looks every token up once and the rules test
//! bits, never strings.
//!
//! The table is the shared [`WordTable`](crate::words::WordTable) of
//! `words` (`WordTable<Tags>`, a word's bits or-ed together); `Doc` reads
//! it through a [`WordView`](crate::words::WordView), in place in the
//! lower-cased text.

/// The per-token tag bits: one per word list the rules test.
pub(super) type Tags = u64;

/// Per-word bits, each named for the list (or data section) that sets it.
pub(super) const T_REPORT: Tags = 1;
pub(super) const T_STANCE: Tags = 1 << 1;
pub(super) const T_ADJ: Tags = 1 << 2;
pub(super) const T_SKIP: Tags = 1 << 3;
pub(super) const T_NP_STOP: Tags = 1 << 4;
pub(super) const T_AUX: Tags = 1 << 5;
/// A word the main loop tests by name: `according`, `in`, `adverbs.txt`.
pub(super) const T_LOOP: Tags = 1 << 6;
pub(super) const T_IN_SOURCE: Tags = 1 << 7;
pub(super) const T_ADJUNCT: Tags = 1 << 8;
pub(super) const T_NOT_BEFORE: Tags = 1 << 9;
pub(super) const T_BE: Tags = 1 << 10;
pub(super) const T_INTRO: Tags = 1 << 11;
pub(super) const T_CLAUSE_OPENER: Tags = 1 << 12;
pub(super) const T_SAY_INF: Tags = 1 << 13;
pub(super) const T_QUANTIFIED: Tags = 1 << 14;
pub(super) const T_PARTICLE: Tags = 1 << 15;
pub(super) const T_IMPERSONAL: Tags = 1 << 16;
pub(super) const T_WEAK_REPORT: Tags = 1 << 17;
pub(super) const T_SEEM: Tags = 1 << 18;
pub(super) const T_SPEAKER_OPTIONAL: Tags = 1 << 19;
pub(super) const T_HEARER: Tags = 1 << 20;
pub(super) const T_NOT_SPEAKER: Tags = 1 << 21;
pub(super) const T_BUT: Tags = 1 << 22;
/// On punctuation, the only tokens with bits: a comma, a dash, a colon.
pub(super) const T_COMMA: Tags = 1 << 23;
pub(super) const T_DASH: Tags = 1 << 24;
pub(super) const T_COLON: Tags = 1 << 25;
/// Set by `Doc`, not the table: the token is inside a quotation.
pub(super) const T_IN_QUOTE: Tags = 1 << 26;
/// A source noun (`sources.txt`).
pub(super) const T_SOURCE: Tags = 1 << 27;
/// A mark that may open a quotation: `"`, `“`, `‘`, `'`.
pub(super) const T_OPEN_MARK: Tags = 1 << 28;
/// A mark that may close a quotation: `"`, `”`, `’`, `'`.
pub(super) const T_CLOSE_MARK: Tags = 1 << 29;
/// A verb of `verbs.txt` `clausal`.
pub(super) const T_CLAUSAL: Tags = 1 << 30;
/// A word of `content.txt` `degree`.
pub(super) const T_DEGREE: Tags = 1 << 31;
/// A word of `phrase.txt` `time`.
pub(super) const T_TIME: Tags = 1 << 32;
/// A word of `colon.txt` `label`.
pub(super) const T_COLON_LABEL: Tags = 1 << 33;
/// A word or mark of `content.txt` `object-stop`.
pub(super) const T_OBJECT_STOP: Tags = 1 << 34;
/// A word `data/blocked.txt` blocks for some rule.
pub(super) const T_BLOCKED: Tags = 1 << 35;
/// A word or mark of `phrase.txt` `inverted-end`.
pub(super) const T_INVERTED_END: Tags = 1 << 36;
/// A word or mark of `content.txt` `hearer-end`.
pub(super) const T_HEARER_END: Tags = 1 << 37;
/// A verb form of `verbs.txt` `passive`.
pub(super) const T_PASSIVE: Tags = 1 << 38;
/// `and`.
pub(super) const T_AND: Tags = 1 << 39;
/// A personal pronoun that is a speaker by itself: `he`, `she`, `they`,
/// `i`, `we` ([`PRONOUNS`]).
pub(super) const T_PRONOUN: Tags = 1 << 40;
/// `you`.
pub(super) const T_YOU: Tags = 1 << 41;
/// `.`
pub(super) const T_PERIOD: Tags = 1 << 42;
/// `(`
pub(super) const T_LPAREN: Tags = 1 << 43;
/// `)`
pub(super) const T_RPAREN: Tags = 1 << 44;
/// What ends an adjunct after a cue (`content.txt` `adjunct-stop`).
pub(super) const T_ADJUNCT_STOP: Tags = 1 << 45;
/// `it`
pub(super) const T_IT: Tags = 1 << 46;
/// An adverb of `adverbs.txt` (with `T_LOOP`).
pub(super) const T_ADVERB: Tags = 1 << 47;
/// A noun cue of `nouns.txt` `noun`.
pub(super) const T_NOUN_CUE: Tags = 1 << 48;
/// The bits read from a token's text whatever its kind (the string
/// compares they replace did not look at the kind); the others were set
/// on words only, or (`T_COMMA`, `T_DASH`, `T_COLON`) on punctuation only:
/// the tests check that the tokens' kinds keep them apart.
#[cfg(test)]
pub(super) const T_ANY_KIND: Tags = T_SOURCE
    | T_OPEN_MARK
    | T_CLOSE_MARK
    | T_CLAUSAL
    | T_DEGREE
    | T_TIME
    | T_COLON_LABEL
    | T_OBJECT_STOP
    | T_BLOCKED
    | T_INVERTED_END
    | T_HEARER_END
    | T_PASSIVE
    | T_AND
    | T_PRONOUN
    | T_YOU
    | T_PERIOD
    | T_LPAREN
    | T_RPAREN
    | T_ADJUNCT_STOP
    | T_IT;

/// Personal pronouns that are a whole speaker (a closed set).
pub(super) const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we"];
/// Determiners that open a short noun phrase (a closed set).
pub(super) const DETERMINERS: &[&[u8]] = &[b"the", b"a", b"an", b"his", b"her", b"their"];
/// Relative pronouns that may stand for a speaker before a verb (a closed set).
pub(super) const RELATIVES: &[&[u8]] = &[b"which", b"that"];
/// Relative pronouns whose speaker is the mention before them (a closed set).
pub(super) const WHO: &[&str] = &["who", "which"];

/// The function words and endings the rules' grammar is written in,
/// each named once (closed: no list could add to them).
pub(super) mod fw {
    /// `according` (of `according to`).
    pub(in crate::attribution) const ACCORDING: &[u8] = b"according";
    /// `by`.
    pub(in crate::attribution) const BY: &[u8] = b"by";
    /// `for`.
    pub(in crate::attribution) const FOR: &[u8] = b"for";
    /// `in`.
    pub(in crate::attribution) const IN: &[u8] = b"in";
    /// `of`.
    pub(in crate::attribution) const OF: &[u8] = b"of";
    /// `on`.
    pub(in crate::attribution) const ON: &[u8] = b"on";
    /// `that`.
    pub(in crate::attribution) const THAT: &[u8] = b"that";
    /// `the`.
    pub(in crate::attribution) const THE: &[u8] = b"the";
    /// `to`.
    pub(in crate::attribution) const TO: &[u8] = b"to";
    /// The ending of a gerund or participle.
    pub(in crate::attribution) const ING: &[u8] = b"ing";
    /// The ending of an adverb in -ly.
    pub(in crate::attribution) const LY: &[u8] = b"ly";
}

/// Is `w` one of the words of the closed set `set`?
pub(super) fn one_of(set: &[&[u8]], w: &[u8]) -> bool {
    set.contains(&w)
}

/// Closed sets of words and marks kept in code, with their bits: marks,
/// pronouns and the words the main loop names.
pub(super) const CLOSED: &[(&[&str], Tags)] = &[
    (&["according", "in"], T_LOOP),
    (&["but"], T_BUT),
    (&[","], T_COMMA),
    (&["\u{2014}", "\u{2013}", "--"], T_DASH),
    (&[":"], T_COLON),
    (&["\"", "\u{201c}", "\u{2018}", "'"], T_OPEN_MARK),
    (&["\"", "\u{201d}", "\u{2019}", "'"], T_CLOSE_MARK),
    (PRONOUNS, T_PRONOUN),
    (&["and"], T_AND),
    (&["you"], T_YOU),
    (&["."], T_PERIOD),
    (&["("], T_LPAREN),
    (&[")"], T_RPAREN),
    (&["it"], T_IT),
];

/// The bits of the words of each section of the sectioned data files
/// (`file`, `section`, bits); a section with no bits is a list the rules
/// read from the lexicon directly, once per candidate.
pub(super) const SECTION_BITS: &[(&str, &str, Tags)] = &[
    ("phrase.txt", "np-stop", T_NP_STOP),
    ("phrase.txt", "skip", T_AUX | T_SKIP),
    ("phrase.txt", "time", T_TIME | T_SKIP),
    ("phrase.txt", "not-speaker", T_NOT_SPEAKER),
    ("phrase.txt", "intro", T_INTRO),
    ("phrase.txt", "inverted-end", T_INVERTED_END),
    ("phrase.txt", "and-next", 0),
    ("phrase.txt", "inverted-determiner", 0),
    ("phrase.txt", "apposition", 0),
    ("phrase.txt", "noun-source", 0),
    ("verbs.txt", "be", T_BE),
    ("verbs.txt", "not-before", T_NOT_BEFORE),
    ("verbs.txt", "weak-report", T_WEAK_REPORT),
    ("verbs.txt", "say-infinitive", T_SAY_INF),
    ("verbs.txt", "speaker-optional", T_SPEAKER_OPTIONAL),
    ("verbs.txt", "impersonal", T_IMPERSONAL),
    ("verbs.txt", "seem", T_SEEM),
    ("verbs.txt", "quantified", T_QUANTIFIED),
    ("verbs.txt", "hearer", T_HEARER),
    ("verbs.txt", "passive", T_PASSIVE),
    ("verbs.txt", "clausal", T_CLAUSAL),
    ("verbs.txt", "quantifier", 0),
    ("verbs.txt", "progressive", 0),
    ("verbs.txt", "question", 0),
    ("verbs.txt", "asked-after", 0),
    ("verbs.txt", "gerund-after", 0),
    ("verbs.txt", "say-kept", 0),
    ("verbs.txt", "biography", 0),
    ("content.txt", "adjunct", T_ADJUNCT),
    ("content.txt", "adjunct-stop", T_ADJUNCT_STOP),
    ("content.txt", "clause-opener", T_CLAUSE_OPENER),
    ("content.txt", "object-stop", T_OBJECT_STOP),
    ("content.txt", "hearer-end", T_HEARER_END),
    ("content.txt", "degree", T_DEGREE),
    ("content.txt", "answer", 0),
    ("content.txt", "kept-intro", 0),
    ("content.txt", "clause-start", 0),
    ("content.txt", "hearer-adjunct", 0),
    ("content.txt", "hearer-noun", 0),
    ("in_source.txt", "start", T_IN_SOURCE),
    ("in_source.txt", "anywhere", T_IN_SOURCE),
    ("in_source.txt", "idiom", 0),
    ("colon.txt", "label", T_COLON_LABEL),
    ("colon.txt", "group", 0),
    ("colon.txt", "camp", 0),
    ("colon.txt", "addressee", 0),
    ("nouns.txt", "noun", T_NOUN_CUE),
    ("nouns.txt", "after", 0),
];
