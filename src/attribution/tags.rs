//! The per-token tag bits and the table that gives a word its bits.
//!
//! This is the one place the bits are defined: [`SECTION_BITS`] says which
//! bits the words of each data section get, [`CLOSED`] which bits the few
//! closed sets kept in code (marks, personal pronouns, the words the main
//! loop names) get; `Lexicon::load` merges them per word and builds one
//! [`TagTable`] of them. `Doc` looks every token up once and the rules test
//! bits, never strings. (A later step replaces the table by the shared word
//! table of `words`; only this file and the lexicon's build change then.)

use crate::words::hash::WordMap;

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

/// log2 of the slot count of [`TagTable`].
pub(super) const SLOT_BITS: u32 = 11;
/// log2 of the bucket count of [`TagTable`] (a displacement per bucket).
pub(super) const BUCKET_BITS: u32 = 8;

/// The tag bits of every listed word by [`word_key`]: a collision-free hash
/// table (hash and displace: a key's bucket gives a displacement that
/// moves the bucket's keys to slots of their own), so a lookup is two
/// multiplies, two loads and one compare, with no branch.
pub(super) struct TagTable {
    /// Per slot: the key stored there, 0 for an empty slot.
    keys: Box<[u128; 1 << SLOT_BITS]>,
    /// Per slot: the key's bits (0 for an empty slot).
    bits: Box<[Tags; 1 << SLOT_BITS]>,
    /// Per bucket: the displacement of its keys (already mixed, see
    /// [`TagTable::mix`]).
    disp: Box<[u64; 1 << BUCKET_BITS]>,
}

impl std::fmt::Debug for TagTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.keys.iter().filter(|&&k| k != 0).count();
        write!(f, "TagTable({n} words)")
    }
}

impl TagTable {
    pub(super) fn new(entries: impl Iterator<Item = (u128, Tags)>) -> TagTable {
        let mut merged: WordMap<u128, Tags> = WordMap::default();
        for (key, bits) in entries {
            *merged.entry(key).or_insert(0) |= bits;
        }
        let mut entries: Vec<(u128, Tags)> = merged.into_iter().collect();
        entries.sort_unstable();
        let mut buckets: Vec<Vec<(u128, Tags)>> = vec![Vec::new(); 1 << BUCKET_BITS];
        for &(key, bits) in &entries {
            buckets[Self::bucket(Self::hash(key))].push((key, bits));
        }
        let mut order: Vec<usize> = (0..buckets.len()).collect();
        // Fullest buckets first, while most slots are free.
        order.sort_by_key(|&b| (std::cmp::Reverse(buckets[b].len()), b));
        let mut t = TagTable {
            keys: Box::new([0; 1 << SLOT_BITS]),
            bits: Box::new([0; 1 << SLOT_BITS]),
            disp: Box::new([0; 1 << BUCKET_BITS]),
        };
        let mut used = vec![false; 1 << SLOT_BITS];
        // Slot 0 stays empty: [`TagTable::get`] reads it on a miss.
        used[0] = true;
        for b in order {
            let keys = &buckets[b];
            if keys.is_empty() {
                continue;
            }
            let hashes: Vec<u64> = keys.iter().map(|&(k, _)| Self::hash(k)).collect();
            let mut slots: Vec<usize> = Vec::with_capacity(keys.len());
            // The first displacement that puts every key of the bucket in
            // a free slot of its own.
            let d = (0..=u16::MAX)
                .find(|&d| {
                    slots.clear();
                    hashes.iter().all(|&h| {
                        let s = Self::slot(h, Self::mix(d));
                        let free = !used[s] && !slots.contains(&s);
                        slots.push(s);
                        free
                    })
                })
                .expect("a displacement for every bucket of the tag table");
            t.disp[b] = Self::mix(d);
            for &(key, bits) in keys {
                let s = Self::slot(Self::hash(key), Self::mix(d));
                used[s] = true;
                t.keys[s] = key;
                t.bits[s] = bits;
            }
        }
        t
    }

    fn hash(key: u128) -> u64 {
        let x = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        x.wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    fn bucket(h: u64) -> usize {
        (h >> (64 - BUCKET_BITS)) as usize
    }

    /// A displacement as stored: spread over all 64 bits.
    fn mix(d: u16) -> u64 {
        u64::from(d).wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
    }

    fn slot(h: u64, disp: u64) -> usize {
        ((h ^ disp).wrapping_mul(0x1656_67B1_9E37_79F9) >> (64 - SLOT_BITS)) as usize
    }

    /// The bits of the word with key `key`, 0 if it is in no list.
    #[cfg(test)]
    pub(super) fn get(&self, key: u128) -> Tags {
        self.view().get(key)
    }

    /// The table's arrays as plain references, for a loop of lookups to
    /// keep in registers.
    pub(super) fn view(&self) -> TagView<'_> {
        TagView {
            keys: &self.keys,
            bits: &self.bits,
            disp: &self.disp,
        }
    }
}

/// The arrays of a [`TagTable`], borrowed.
#[derive(Clone, Copy)]
pub(super) struct TagView<'t> {
    keys: &'t [u128; 1 << SLOT_BITS],
    bits: &'t [Tags; 1 << SLOT_BITS],
    disp: &'t [u64; 1 << BUCKET_BITS],
}

impl TagView<'_> {
    /// The bits of the word with key `key`, 0 if it is in no list.
    pub(super) fn get(self, key: u128) -> Tags {
        let h = TagTable::hash(key);
        let s = TagTable::slot(h, self.disp[TagTable::bucket(h)]);
        // A select, not a branch: whether a token is listed is data. (A
        // u128 `==` compiles to two compares and a branch.)
        let diff = self.keys[s] ^ key;
        let hit = usize::from((diff as u64 | (diff >> 64) as u64) == 0);
        // Slot 0 is kept empty: a miss reads its 0.
        self.bits[s & hit.wrapping_neg()]
    }
}

/// The [`word_key`] of the token at `start..end` of `low` (its bytes), 0
/// when it is empty or longer than 16 bytes: one 16-byte load and a mask,
/// no branch on the length.
pub(super) fn key_at(low: &[u8], start: usize, end: usize) -> u128 {
    // A reversed span (never made) wraps to a huge length: no key.
    crate::words::key::load(low, start) & crate::words::key::KEEP[end.wrapping_sub(start).min(17)]
}

/// A word of at most 16 bytes as one number (its bytes, zero-padded), the
/// key of [`TagTable`]: hashed and compared without a string compare.
pub(super) fn word_key(w: &str) -> Option<u128> {
    let b = w.as_bytes();
    let n = b.len();
    // Two overlapping loads (first and last bytes) put every byte in its
    // place: no call to copy a few bytes.
    let key = match n {
        0 => 0,
        // Built in 32 bits: a shift of a u128 by a variable count costs
        // several instructions.
        1..=3 => u128::from(
            u32::from(b[0])
                | u32::from(b[n / 2]) << (8 * (n / 2))
                | u32::from(b[n - 1]) << (8 * (n - 1)),
        ),
        4..=7 => {
            let lo = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            let hi = u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]);
            u128::from(u64::from(lo) | u64::from(hi) << (8 * (n - 4)))
        }
        8..=16 => {
            let mut lo = [0u8; 8];
            lo.copy_from_slice(&b[..8]);
            let mut hi = [0u8; 8];
            hi.copy_from_slice(&b[n - 8..]);
            // The high half holds bytes 8..n: the top n - 8 bytes of `hi`.
            let hi = u64::from_le_bytes(hi)
                .checked_shr(8 * (16 - n as u32))
                .unwrap_or(0);
            u128::from(u64::from_le_bytes(lo)) | u128::from(hi) << 64
        }
        _ => return None,
    };
    Some(key)
}
