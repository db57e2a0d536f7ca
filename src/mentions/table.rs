//! The word table: every word list merged into two maps, so one lookup
//! tells everything about a word ([`WordTable`]), with its speed tricks:
//! short ASCII words are looked up in [`ShortMap`]s keyed by the packed
//! word, `orgs` and `places` behind a one-load [`StrFilter`].
//!
//! A map for short words: a word of at most [`SHORT_KEY`] bytes with no NUL
//! byte is packed into one `u128` ([`pack`]), hashed with two multiplies
//! and found by linear probing, so a lookup costs a few dozen instructions
//! and no string compare. Longer words are not in it: callers look them up
//! elsewhere.

use super::closed::PRONOUNS;
use super::flags::*;
use super::shape::{is_all_caps, is_cap, is_first_person_bytes, Lower};
use super::{Gender, Lexicon};
use crate::words::hash::WordMap;

/// The longest word a key holds.
pub(super) const SHORT_KEY: usize = 16;

/// The high bit of every byte of a key: a key of ASCII bytes has none.
pub(super) const HIGH_BITS: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;

/// Every byte of a key set to 1.
const ONES: u128 = u128::MAX / 255;

/// The key of a word of ASCII bytes (no byte of `k` has its high bit) in
/// ASCII lower case: each byte from `A` to `Z` gets its 0x20 bit, all 16
/// bytes at once. A byte plus 0x3F has its high bit when it is `A` or
/// above, plus 0x25 when it is above `Z`; neither sum carries into the
/// next byte.
#[inline]
pub(super) fn ascii_lower(k: u128) -> u128 {
    let upper = k.wrapping_add(ONES * 0x3F) & !k.wrapping_add(ONES * 0x25) & HIGH_BITS;
    k | (upper >> 2)
}

/// Shape flags of the key `k` of an ASCII word: `dot` when it holds a
/// period, `caps` when it holds no small letter and two capitals or more
/// (`is_all_caps` of an ASCII word). Each byte is tested at once; a byte
/// plus 0x3F has its high bit when it is `A` or above, plus 0x25 when above
/// `Z`, plus 0x1F when `a` or above, plus 0x05 when above `z`. Padding
/// bytes (0) are none of these.
#[inline]
pub(super) fn shape_flags(k: u128, dot: u32, caps: u32) -> u32 {
    let upper = k.wrapping_add(ONES * 0x3F) & !k.wrapping_add(ONES * 0x25) & HIGH_BITS;
    let lower = k.wrapping_add(ONES * 0x1F) & !k.wrapping_add(ONES * 0x05) & HIGH_BITS;
    // Bytes equal to '.' are the zero bytes of `x` (padding becomes '.'
    // xor 0, not zero).
    let x = k ^ (ONES * u128::from(b'.'));
    let has_dot = x.wrapping_sub(ONES) & !x & HIGH_BITS != 0;
    let all_caps = lower == 0 && upper.count_ones() >= 2;
    (if has_dot { dot } else { 0 }) | (if all_caps { caps } else { 0 })
}

/// `buf[start..end]` as a key: its bytes from the lowest up, zero-padded.
/// Words without NUL bytes get distinct keys, and no key of a non-empty
/// word is 0. `None` when longer than [`SHORT_KEY`] bytes.
#[inline]
pub(super) fn pack(buf: &[u8], start: usize, end: usize) -> Option<u128> {
    let len = end - start;
    if len > SHORT_KEY {
        return None;
    }
    // Keep the word's own bytes.
    Some(crate::words::key::load(buf, start) & crate::words::key::KEEP[len])
}

/// The key of a whole word that fits a map: not empty, no NUL byte, at
/// most [`SHORT_KEY`] bytes.
pub(super) fn key(w: &str) -> Option<u128> {
    if w.is_empty() || w.as_bytes().contains(&0) {
        return None;
    }
    pack(w.as_bytes(), 0, w.len())
}

/// An immutable map from short words to `V`.
#[derive(Debug)]
pub(super) struct ShortMap<V> {
    /// Key and value of each slot, key 0 for an empty slot (so a probe
    /// reads one slot, one bounds check); a power of two of them.
    slots: Vec<(u128, V)>,
    /// 64 minus the log2 of the slot count.
    shift: u32,
}

#[inline]
fn hash(k: u128) -> u64 {
    let lo = k as u64;
    let hi = (k >> 64) as u64;
    (lo ^ hi.wrapping_mul(0x9e37_79b9_7f4a_7c15)).wrapping_mul(0xbf58_476d_1ce4_e5b9)
}

impl<V: Copy + Default> ShortMap<V> {
    /// The map of these entries; words that do not fit (too long, empty,
    /// or holding a NUL byte) are left out. A later duplicate wins.
    pub(super) fn new<'a>(entries: impl IntoIterator<Item = (&'a str, V)>) -> ShortMap<V> {
        ShortMap::from_keys(entries.into_iter().filter_map(|(w, v)| Some((key(w)?, v))))
    }

    /// The map of entries given by their keys ([`key`]); a later
    /// duplicate wins.
    pub(super) fn from_keys(entries: impl IntoIterator<Item = (u128, V)>) -> ShortMap<V> {
        let entries: Vec<(u128, V)> = entries.into_iter().collect();
        // At most half full.
        let slots = (entries.len() * 2).next_power_of_two().max(16);
        let mut map = ShortMap {
            slots: vec![(0, V::default()); slots],
            shift: 64 - slots.trailing_zeros(),
        };
        for (k, v) in entries {
            let s = map.slot(k);
            map.slots[s] = (k, v);
        }
        map
    }

    /// The slot holding `k`, or the empty one where it would go.
    #[inline]
    fn slot(&self, k: u128) -> usize {
        let mask = self.slots.len() - 1;
        let mut s = (hash(k) >> self.shift) as usize;
        loop {
            let here = self.slots[s].0;
            if here == k || here == 0 {
                return s;
            }
            s = (s + 1) & mask;
        }
    }

    /// The value of key `k` (from [`pack`]): one pass over the probed
    /// slots, stopping at the key or at an empty slot (so 0, never a key,
    /// finds nothing).
    #[inline]
    pub(super) fn get(&self, k: u128) -> Option<V> {
        let mask = self.slots.len() - 1;
        let mut s = (hash(k) >> self.shift) as usize;
        loop {
            let (here, v) = self.slots[s];
            if here == 0 {
                return None;
            }
            if here == k {
                return Some(v);
            }
            s = (s + 1) & mask;
        }
    }
}

/// Every word list merged into two maps, so one lookup tells everything
/// about a word: one keyed by the lower-cased word, one by the exact word.
pub(super) struct WordTable {
    lower: WordMap<String, (u32, Gender)>,
    exact: WordMap<String, (u32, Gender)>,
    /// `lower` and `exact` for keys of at most [`SHORT_KEY`]
    /// bytes, the value packed by [`pack_entry`]; `lower_short` also holds
    /// the ASCII lower case of every ASCII key of `exact`, marked
    /// [`HAS_EXACT`].
    lower_short: ShortMap<u32>,
    exact_short: ShortMap<u32>,
    /// Some exact key is in lower case already: look lower-case words up
    /// in `exact` too.
    exact_has_lower: bool,
    /// For each byte length below 32, the first letters (bit 0 for `a`)
    /// of the [`Lexicon::nominal_heads`] of that length.
    head_letters: [u32; 32],
    /// Every title phrase ([`TITLE_PHRASE`]) and every run of words a
    /// longer title opens with ([`TITLE_PREFIX`]), as [`title_at`](super::titles::title_at) builds
    /// them: past a phrase that is neither, no title can be found.
    pub(super) title_phrases: WordMap<String, u8>,
    /// Quick tests for [`Lexicon::orgs`] and [`Lexicon::places`].
    pub(super) orgs: StrFilter,
    pub(super) places: StrFilter,
}

/// A quick test for a list of exact strings: one bit for each (length,
/// first byte, last byte) some entry has, hashed into 4096 bits. A string
/// whose bit is clear is surely not in the list; most names are told so
/// with one load, before hashing the whole name.
pub(super) struct StrFilter {
    bits: Box<[u64; 64]>,
}

impl StrFilter {
    /// The filter of these entries.
    fn new<'a>(entries: impl IntoIterator<Item = &'a str>) -> StrFilter {
        let mut bits = Box::new([0u64; 64]);
        for e in entries {
            let b = StrFilter::bit(e);
            bits[b / 64] |= 1 << (b % 64);
        }
        StrFilter { bits }
    }

    /// The bit of a string.
    #[inline]
    fn bit(s: &str) -> usize {
        let b = s.as_bytes();
        let (first, last) = match (b.first(), b.last()) {
            (Some(&f), Some(&l)) => (u32::from(f), u32::from(l)),
            _ => (0, 0),
        };
        let h = (b.len() as u32)
            .wrapping_mul(0x9e37_79b1)
            .wrapping_add(first.wrapping_mul(0x85eb_ca6b))
            .wrapping_add(last.wrapping_mul(0xc2b2_ae35));
        (h >> 20) as usize
    }

    /// False when `s` is surely not an entry.
    #[inline]
    pub(super) fn may_hold(&self, s: &str) -> bool {
        let b = StrFilter::bit(s);
        self.bits[b / 64] >> (b % 64) & 1 != 0
    }
}

/// In [`WordTable::title_phrases`]: a title.
pub(super) const TITLE_PHRASE: u8 = 1;
/// In [`WordTable::title_phrases`]: the opening words of a longer title.
pub(super) const TITLE_PREFIX: u8 = 2;

impl WordTable {
    /// An empty table, which finds nothing.
    pub(super) fn empty() -> WordTable {
        WordTable {
            lower: WordMap::default(),
            exact: WordMap::default(),
            lower_short: ShortMap::from_keys([]),
            exact_short: ShortMap::from_keys([]),
            exact_has_lower: false,
            head_letters: [0; 32],
            title_phrases: WordMap::default(),
            orgs: StrFilter::new([]),
            places: StrFilter::new([]),
        }
    }

    /// The table of a lexicon's lists.
    pub(super) fn new(lex: &Lexicon) -> WordTable {
        let mut lower: WordMap<String, (u32, Gender)> = WordMap::default();
        let mut add = |words: &mut dyn Iterator<Item = &str>, bit: u32| {
            for w in words {
                lower.entry(w.to_owned()).or_insert((0, Gender::Unknown)).0 |= bit;
            }
        };
        add(&mut lex.common.iter().map(String::as_str), L_COMMON);
        add(&mut lex.titles.iter().map(String::as_str), L_TITLE);
        add(
            &mut lex.title_first.iter().map(String::as_str),
            L_TITLE_FIRST,
        );
        add(&mut lex.org_words.iter().map(String::as_str), L_ORG_WORD);
        add(&mut lex.non_person.iter().map(String::as_str), L_NON_PERSON);
        add(&mut lex.modifiers.iter().map(String::as_str), L_MODIFIER);
        add(&mut lex.splitters.iter().map(String::as_str), L_SPLITTER);
        add(&mut lex.particles.iter().map(String::as_str), L_PARTICLE);
        add(
            &mut lex.person_verbs.iter().map(String::as_str),
            L_PERSON_VERB,
        );
        add(&mut lex.past_verbs.iter().map(String::as_str), L_PAST_VERB);
        add(
            &mut lex.org_modifiers.iter().map(String::as_str),
            L_ORG_MODIFIER,
        );
        add(
            &mut lex.nominal_heads.iter().map(String::as_str),
            L_NOMINAL_HEAD,
        );
        for &(p, g) in PRONOUNS {
            let e = lower.entry(p.to_owned()).or_insert((0, Gender::Unknown));
            e.0 |= L_PRONOUN;
            e.1 = g;
        }
        let mut exact: WordMap<String, (u32, Gender)> = WordMap::default();
        for (w, &g) in &lex.first_names {
            let e = exact.entry(w.clone()).or_insert((0, Gender::Unknown));
            e.0 |= E_FIRST_NAME;
            e.1 = g;
        }
        for w in &lex.places {
            exact.entry(w.clone()).or_insert((0, Gender::Unknown)).0 |= E_PLACE;
        }
        for w in &lex.people {
            exact.entry(w.clone()).or_insert((0, Gender::Unknown)).0 |= E_PEOPLE;
        }
        for w in &lex.family_first {
            exact.entry(w.clone()).or_insert((0, Gender::Unknown)).0 |= E_FAMILY_FIRST;
        }
        // An ASCII key is its own lower case when it has no capital.
        let exact_has_lower = exact.keys().any(|k| {
            if k.is_ascii() {
                !k.bytes().any(|b| b.is_ascii_uppercase())
            } else {
                *k == k.to_lowercase()
            }
        });
        let mut head_letters = [0u32; 32];
        for h in &lex.nominal_heads {
            // Checked by the loader.
            let b = h.as_bytes()[0];
            head_letters[h.len()] |= 1 << (b - b'a');
        }
        // The short entries by key; an ASCII exact key's lower case is
        // the ASCII lower case of its key.
        let mut lower_entries: WordMap<u128, u32> = lower
            .iter()
            .filter_map(|(w, &(f, g))| Some((key(w)?, pack_entry(f, g))))
            .collect();
        for w in exact.keys().filter(|w| w.is_ascii()) {
            if let Some(k) = key(w) {
                *lower_entries.entry(ascii_lower(k)).or_insert(0) |= HAS_EXACT;
            }
        }
        let lower_short = ShortMap::from_keys(lower_entries);
        let exact_short = ShortMap::new(
            exact
                .iter()
                .map(|(w, &(f, g))| (w.as_str(), pack_entry(f, g))),
        );
        let mut title_phrases: WordMap<String, u8> = WordMap::default();
        for t in &lex.titles {
            *title_phrases.entry(t.clone()).or_insert(0) |= TITLE_PHRASE;
            let parts: Vec<&str> = t.split(' ').collect();
            for m in 1..parts.len() {
                *title_phrases.entry(parts[..m].join(" ")).or_insert(0) |= TITLE_PREFIX;
            }
        }
        WordTable {
            orgs: StrFilter::new(lex.orgs.iter().map(String::as_str)),
            places: StrFilter::new(lex.places.iter().map(String::as_str)),
            title_phrases,
            lower_short,
            exact_short,
            lower,
            exact,
            exact_has_lower,
            head_letters,
        }
    }

    /// False when `w` is surely none of the [`Lexicon::nominal_heads`] (exact
    /// case): no head has its length and first letter.
    #[inline]
    pub(super) fn may_be_head(&self, w: &str) -> bool {
        let b = w.as_bytes();
        b.len() < 32
            && b.first().is_some_and(|c| {
                c.is_ascii_lowercase() && self.head_letters[b.len()] >> (c - b'a') & 1 != 0
            })
    }

    /// Look a word up.
    pub(super) fn info(&self, w: &str) -> Info {
        match self.packed_short(w.as_bytes(), 0, w.len()) {
            Some(p) => Info::unpack(p),
            None => self.info_lowered(w, &w.lower()),
        }
    }

    /// Look up the word `text[start..end]` when it is short ASCII: its
    /// [`Info`], packed. The lower-case key is made from the word's own key
    /// ([`ascii_lower`]), with no second load. One probe
    /// of `lower_short` for most words; `exact_short` only when some exact
    /// entry has the word's lower case. `None` for other words.
    #[inline(always)]
    pub(super) fn packed_short(&self, text: &[u8], start: usize, end: usize) -> Option<u32> {
        let ek = pack(text, start, end)?;
        if ek & HIGH_BITS != 0 {
            // Not ASCII.
            return None;
        }
        let lk = ascii_lower(ek);
        let mut f = DONE | WORD;
        let same = ek == lk;
        if same {
            f |= IS_LOWER;
        }
        if let Some(v) = self.lower_short.get(lk) {
            let lf = v & LIST_FLAGS;
            f |= lf;
            if lf & L_PRONOUN != 0 {
                f |= entry_pron(v);
            }
            // A particle is short (at most five bytes, `particles.txt`).
            if end - start > 5 {
                f &= !L_PARTICLE;
            }
            if v & HAS_EXACT != 0 {
                if let Some(v) = self.exact_short.get(ek) {
                    let ef = v & LIST_FLAGS;
                    f |= ef;
                    if ef & E_FIRST_NAME != 0 {
                        f |= entry_gender(v);
                    }
                }
            }
        }
        // `is_cap` of an ASCII word.
        let b = ek as u8;
        if b.is_ascii_uppercase() && (b != b'I' || !is_first_person_bytes(&text[start..end])) {
            f |= CAP;
        }
        f |= shape_flags(ek, HAS_DOT, ALL_CAPS);
        Some(f)
    }

    /// Look a word up, given it in lower case (`str::to_lowercase`).
    pub(super) fn info_lowered(&self, w: &str, l: &str) -> Info {
        let mut f = DONE | WORD;
        let mut gender = Gender::Unknown;
        let mut pron = Gender::Unknown;
        let same = l == w;
        if same {
            f |= IS_LOWER;
        }
        if let Some(&(lf, g)) = self.lower.get(l) {
            f |= lf;
            if lf & L_PRONOUN != 0 {
                pron = g;
            }
            // A particle is short (at most five bytes, `particles.txt`).
            if w.len() > 5 {
                f &= !L_PARTICLE;
            }
        }
        if !same || self.exact_has_lower {
            if let Some(&(ef, g)) = self.exact.get(w) {
                f |= ef;
                if ef & E_FIRST_NAME != 0 {
                    gender = g;
                }
            }
        }
        if is_cap(w) {
            f |= CAP;
        }
        if w.contains('.') {
            f |= HAS_DOT;
        }
        if is_all_caps(w) {
            f |= ALL_CAPS;
        }
        Info { f, gender, pron }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys read from inside a longer buffer equal keys of the word alone;
    /// the map finds exactly its entries.
    #[test]
    fn packs_and_finds() {
        let text = "Ines Varga met the Renn brothers at Harbourview Exhibition Centre.";
        let words = ["Ines", "Varga", "the", "Renn", "Harbourview", "Centre"];
        let map = ShortMap::new(words.iter().enumerate().map(|(i, w)| (*w, i + 1)));
        for (i, w) in words.iter().enumerate() {
            let at = text.find(w).unwrap();
            let inside = pack(text.as_bytes(), at, at + w.len());
            assert_eq!(inside, pack(w.as_bytes(), 0, w.len()), "{w}");
            assert_eq!(map.get(inside.unwrap()), Some(i + 1), "{w}");
        }
        for w in ["ines", "Var", "Vargas", "th", "Exhibition", "Centre.", "a"] {
            let k = pack(w.as_bytes(), 0, w.len()).unwrap();
            assert_eq!(map.get(k), None, "{w}");
        }
        // Sixteen bytes fit, seventeen do not.
        let long = "abcdefghijklmnopq";
        assert!(pack(long.as_bytes(), 0, 16).is_some());
        assert_eq!(pack(long.as_bytes(), 0, 17), None);
        assert_ne!(
            pack(long.as_bytes(), 0, 16),
            pack(long.as_bytes(), 1, 17),
            "shifted"
        );
        assert_eq!(map.get(0), None);
    }

    /// The lower-case key of an ASCII word is the key of its ASCII lower
    /// case, for every ASCII byte in every position.
    #[test]
    fn lower_keys_agree() {
        let all: Vec<u8> = (1..128u8).collect();
        for chunk in all.chunks(16).chain(all.rchunks(13)) {
            for start in 0..chunk.len() {
                let w = &chunk[start..];
                let k = pack(w, 0, w.len()).unwrap();
                let low = w.to_ascii_lowercase();
                assert_eq!(ascii_lower(k), pack(&low, 0, low.len()).unwrap(), "{w:?}");
            }
        }
        for w in ["Ines", "VARGA", "tavi", "@[`{Z", "McRenn-Az09"] {
            let k = pack(w.as_bytes(), 0, w.len()).unwrap();
            let low = w.to_ascii_lowercase();
            assert_eq!(
                ascii_lower(k),
                pack(low.as_bytes(), 0, w.len()).unwrap(),
                "{w}"
            );
        }
    }
}
