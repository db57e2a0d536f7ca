//! The word table: every word list merged into two maps, so one lookup
//! tells everything about a word ([`WordTable`]), with its speed tricks:
//! short ASCII words are looked up in the shared
//! [`words::WordTable`](crate::words::WordTable) by their [`Key`], read in
//! place from the text, lower-cased from the key alone
//! ([`Key::ascii_lower`]) and given their shape flags from it
//! ([`shape_flags`]); `orgs` and `places` sit behind a one-load
//! [`StrFilter`]. Words longer than [`KEY_BYTES`] are looked up in the
//! plain string maps.

use super::closed::PRONOUNS;
use super::flags::*;
use super::shape::{is_all_caps, is_cap, is_first_person_bytes, Lower};
use super::{Gender, Lexicon};
use crate::words::hash::WordMap;
use crate::words::{Key, WordTableBuilder, KEY_BYTES};

/// The high bit of every byte of a key.
const HIGH_BITS: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;

/// Every byte of a key set to 1.
const ONES: u128 = u128::MAX / 255;

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

/// Every word list merged into two maps, so one lookup tells everything
/// about a word: one keyed by the lower-cased word, one by the exact word.
pub(super) struct WordTable {
    lower: WordMap<String, (u32, Gender)>,
    exact: WordMap<String, (u32, Gender)>,
    /// `lower` and `exact` for words of at most [`KEY_BYTES`] bytes, the
    /// value packed by [`pack_entry`] (never 0: every entry has a list's
    /// bit, so 0 means "not listed"); `lower_short` also holds the ASCII
    /// lower case of every ASCII word of `exact`, marked [`HAS_EXACT`].
    lower_short: crate::words::WordTable<u32>,
    exact_short: crate::words::WordTable<u32>,
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
            lower_short: crate::words::WordTable::default(),
            exact_short: crate::words::WordTable::default(),
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
        // The short entries; an ASCII exact word's lower case is its
        // ASCII lower case.
        let short = |w: &&String| w.len() <= KEY_BYTES;
        let mut lower_short = WordTableBuilder::new(|a: u32, b: u32| a | b);
        for (w, &(f, g)) in lower.iter().filter(|(w, _)| short(w)) {
            lower_short.insert(w.as_bytes(), pack_entry(f, g));
        }
        for w in exact.keys().filter(short).filter(|w| w.is_ascii()) {
            lower_short.insert(w.to_ascii_lowercase().as_bytes(), HAS_EXACT);
        }
        let mut exact_short = WordTableBuilder::new(|a: u32, b: u32| a | b);
        for (w, &(f, g)) in exact.iter().filter(|(w, _)| short(w)) {
            exact_short.insert(w.as_bytes(), pack_entry(f, g));
        }
        let (lower_short, exact_short) = (lower_short.build(), exact_short.build());
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
    /// ([`Key::ascii_lower`]), with no second load. One lookup in
    /// `lower_short` for most words; `exact_short` only when some exact
    /// entry has the word's lower case. `None` for other words.
    #[inline(always)]
    pub(super) fn packed_short(&self, text: &[u8], start: usize, end: usize) -> Option<u32> {
        let ek = Key::at(text, start, end)?;
        if !ek.is_ascii() {
            return None;
        }
        let lk = ek.ascii_lower();
        let mut f = DONE | WORD;
        if ek == lk {
            f |= IS_LOWER;
        }
        let v = self.lower_short.get_key(lk);
        if v != 0 {
            let lf = v & LIST_FLAGS;
            f |= lf;
            if lf & L_PRONOUN != 0 {
                f |= entry_pron(v);
            }
            // A particle is short (at most five bytes, `particles.txt`).
            if ek.len() > 5 {
                f &= !L_PARTICLE;
            }
            if v & HAS_EXACT != 0 {
                let v = self.exact_short.get_key(ek);
                let ef = v & LIST_FLAGS;
                f |= ef;
                if ef & E_FIRST_NAME != 0 {
                    f |= entry_gender(v);
                }
            }
        }
        // `is_cap` of an ASCII word.
        let b = ek.bits() as u8;
        if b.is_ascii_uppercase() && (b != b'I' || !is_first_person_bytes(&text[start..end])) {
            f |= CAP;
        }
        f |= shape_flags(ek.bits(), HAS_DOT, ALL_CAPS);
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
    use crate::words::WordTable as Shared;

    fn shared(words: &[&str]) -> Shared<u32> {
        let mut b = WordTableBuilder::new(|a: u32, b: u32| a | b);
        b.extend(words.iter().enumerate().map(|(i, w)| (w, i as u32 + 1)));
        b.build()
    }

    /// Keys read from inside a longer buffer equal keys of the word alone;
    /// the shared table finds exactly its entries by key, with 0 for "not
    /// listed".
    #[test]
    fn keys_find_their_words() {
        let text = "Ines Varga met the Renn brothers at Harbourview Exhibition Centre.";
        let words = ["Ines", "Varga", "the", "Renn", "Harbourview", "Centre"];
        let map = shared(&words);
        for (i, w) in words.iter().enumerate() {
            let at = text.find(w).unwrap();
            let inside = Key::at(text.as_bytes(), at, at + w.len());
            assert_eq!(inside, Key::of(w.as_bytes()), "{w}");
            assert_eq!(map.get_key(inside.unwrap()), i as u32 + 1, "{w}");
        }
        for w in [
            "ines",
            "Var",
            "Vargas",
            "th",
            "Exhibition",
            "Centre.",
            "a",
            "",
        ] {
            let k = Key::of(w.as_bytes()).unwrap();
            assert_eq!(map.get_key(k), 0, "{w}");
        }
        // A NUL byte makes another word, not the shorter one.
        assert_eq!(map.get_key(Key::of(b"the\0").unwrap()), 0);
        // Sixteen bytes fit, seventeen do not.
        let long = "abcdefghijklmnopq";
        assert!(Key::at(long.as_bytes(), 0, 16).is_some());
        assert_eq!(Key::at(long.as_bytes(), 0, 17), None);
        assert_ne!(
            Key::at(long.as_bytes(), 0, 16),
            Key::at(long.as_bytes(), 1, 17),
            "shifted"
        );
    }

    /// The lower-case key of an ASCII word is the key of its ASCII lower
    /// case, for every ASCII byte in every position.
    #[test]
    fn lower_keys_agree() {
        let all: Vec<u8> = (1..128u8).collect();
        for chunk in all.chunks(16).chain(all.rchunks(13)) {
            for start in 0..chunk.len() {
                let w = &chunk[start..];
                let k = Key::of(w).unwrap();
                assert!(k.is_ascii(), "{w:?}");
                let low = w.to_ascii_lowercase();
                assert_eq!(k.ascii_lower(), Key::of(&low).unwrap(), "{w:?}");
            }
        }
        for w in ["Ines", "VARGA", "tavi", "@[`{Z", "McRenn-Az09"] {
            let k = Key::of(w.as_bytes()).unwrap();
            let low = w.to_ascii_lowercase();
            assert_eq!(k.ascii_lower(), Key::of(low.as_bytes()).unwrap(), "{w}");
        }
    }

    /// The shape flags of an ASCII key are `str`'s tests of the word.
    #[test]
    fn shape_flags_agree() {
        for w in [
            "", "U.S.", "NATO", "UN", "U", "N.Y", "Gen.", "A1", "AB-cd", "XIV", "Z.", "@[`{Z",
            "a.b",
        ] {
            let k = Key::of(w.as_bytes()).unwrap().bits();
            let want = (if w.contains('.') { 1 } else { 0 }) | (if is_all_caps(w) { 2 } else { 0 });
            assert_eq!(shape_flags(k, 1, 2), want, "{w:?}");
        }
    }

    /// The fast path agrees with the plain one ([`WordTable::info_lowered`])
    /// on every listed word, its capitalized and upper-case forms, near
    /// misses and words holding a NUL byte, read in place from a text.
    #[test]
    fn fast_path_agrees_with_plain_lookup() {
        let lex = Lexicon::builtin();
        let table = &lex.table;
        let mut words: Vec<String> = ["I", "I'm", "Ines", "the\0", "he\0", "a\0b", "Vans", "x"]
            .map(String::from)
            .into();
        let lists = [&lex.common, &lex.titles, &lex.org_words, &lex.non_person];
        for w in lists.into_iter().flatten().chain(lex.first_names.keys()) {
            words.push(w.clone());
        }
        for (p, _) in PRONOUNS {
            words.push((*p).to_owned());
        }
        for w in words.clone() {
            let mut cap = w.clone();
            if let Some(first) = cap.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            words.extend([cap, w.to_ascii_uppercase(), format!("{w}s")]);
        }
        let mut checked = 0;
        for w in &words {
            let text = format!("({w}) ");
            let (start, end) = (1, 1 + w.len());
            if let Some(p) = table.packed_short(text.as_bytes(), start, end) {
                let low = w.to_ascii_lowercase();
                let want = table.info_lowered(w, &low).pack();
                assert_eq!(p, want, "{w:?}");
                checked += 1;
            }
        }
        assert!(checked > 1000, "{checked} words checked");
    }
}
