//! One immutable word table for every stage: words (byte strings) to a
//! small `Copy` value, typically a stage's flag bits.
//!
//! - [`Key`]: a word of at most [`KEY_BYTES`] bytes as one `u128` (one
//!   16-byte load and a mask, see `key`) plus its length, so words with
//!   NUL bytes or trailing NULs stay apart. Read in place from a larger
//!   buffer ([`Key::at`]): a token inside a lower-cased text needs no copy.
//!   It is `Hash + Eq`, so a stage's own per-document map (resolve's word
//!   ids) can key on it too.
//! - [`WordTableBuilder`]: collects `(word, value)` pairs; the values of a
//!   word given twice are combined by the caller's function (bit-or for
//!   flags).
//! - [`WordTable`]: short words live in a collision-free hash table (hash
//!   and displace, as attribution's tag table did: a key's bucket gives a
//!   displacement that sends each of the bucket's keys to a slot of its
//!   own), so a lookup is two multiplies, two loads (a bucket's
//!   displacement, then one slot holding key, length and value side by
//!   side) and one compare. Longer words go to a plain hash map, reached
//!   by one well-predicted branch on the length.
//! - [`WordView`]: the table's arrays borrowed, `Copy`, for a loop of
//!   lookups to keep in registers.
//!
//! ```
//! use actorgraph::words::{WordTable, WordTableBuilder};
//!
//! const CUE: u8 = 1;
//! const VERB: u8 = 2;
//! let mut b = WordTableBuilder::new(|a: u8, b: u8| a | b);
//! b.insert(b"said", CUE);
//! b.insert(b"said", VERB);
//! b.insert(b"spokesperson", CUE);
//! b.insert(b"extraordinarily-long-word", VERB);
//! let table: WordTable<u8> = b.build();
//!
//! assert_eq!(table.get(b"said"), CUE | VERB);
//! assert_eq!(table.get(b"sai"), 0);
//! assert_eq!(table.get(b"extraordinarily-long-word"), VERB);
//! // A word in place, inside a larger buffer.
//! let text = b"the minister said on monday";
//! assert_eq!(table.get_at(text, 13, 17), CUE | VERB);
//! assert_eq!(table.get_at(text, 4, 12), 0);
//! ```

use super::hash::WordMap;
use super::key::{load, KEEP};

/// The longest word a [`Key`] holds (and the fast table stores).
pub const KEY_BYTES: usize = 16;

/// A word of at most [`KEY_BYTES`] bytes as a number: its bytes from the
/// lowest up, zero-padded, and its length. Equal keys are equal words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    bits: u128,
    len: u8,
}

/// The high bit of every byte of a key: a key of ASCII bytes has none.
const HIGH_BITS: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;
/// Every byte of a key set to 1.
const ONES: u128 = u128::MAX / 255;

impl Key {
    /// The key of `buf[start..end]`, read in place with one 16-byte load
    /// (bytes past the end of `buf` read as 0 and are masked off). `None`
    /// when the span is longer than [`KEY_BYTES`], reversed, or not inside
    /// `buf`.
    #[inline]
    pub fn at(buf: &[u8], start: usize, end: usize) -> Option<Key> {
        let len = end.wrapping_sub(start);
        if len > KEY_BYTES || end > buf.len() {
            return None;
        }
        Some(Key {
            bits: load(buf, start) & KEEP[len],
            len: len as u8,
        })
    }

    /// The key of a whole word; `None` when longer than [`KEY_BYTES`].
    #[inline]
    pub fn of(word: &[u8]) -> Option<Key> {
        Key::at(word, 0, word.len())
    }

    /// The word's bytes as one number, lowest first, zero-padded.
    #[inline]
    pub fn bits(self) -> u128 {
        self.bits
    }

    /// The word's length in bytes.
    #[inline]
    #[allow(clippy::len_without_is_empty)]
    pub fn len(self) -> usize {
        usize::from(self.len)
    }

    /// Whether every byte of the word is ASCII (all 16 at once).
    #[inline]
    pub fn is_ascii(self) -> bool {
        self.bits & HIGH_BITS == 0
    }

    /// The key of the word in ASCII lower case, from the key alone (no
    /// second load): each byte from `A` to `Z` gets its 0x20 bit, all 16
    /// at once. Only for an ASCII key ([`Key::is_ascii`]). A byte plus 0x3F
    /// has its high bit when it is `A` or above, plus 0x25 when it is above
    /// `Z`; neither sum carries into the next byte.
    #[inline]
    pub fn ascii_lower(self) -> Key {
        debug_assert!(self.is_ascii());
        let k = self.bits;
        let upper = k.wrapping_add(ONES * 0x3F) & !k.wrapping_add(ONES * 0x25) & HIGH_BITS;
        Key {
            bits: k | (upper >> 2),
            len: self.len,
        }
    }
}

/// Collects the words of a [`WordTable`]. A word's values are combined in
/// insertion order, starting from `V::default()`: its value is
/// `combine(combine(V::default(), first), second)`...
pub struct WordTableBuilder<V, F = fn(V, V) -> V> {
    short: WordMap<Key, V>,
    long: WordMap<Box<[u8]>, V>,
    combine: F,
}

impl<V: Copy + Default, F: Fn(V, V) -> V> WordTableBuilder<V, F> {
    /// An empty builder; `combine` merges the values of a repeated word
    /// (`|a, b| a | b` for flags, `|_, b| b` for "the later wins").
    pub fn new(combine: F) -> Self {
        WordTableBuilder {
            short: WordMap::default(),
            long: WordMap::default(),
            combine,
        }
    }

    /// Adds `word` with `value`, combined with its earlier value if any.
    pub fn insert(&mut self, word: &[u8], value: V) -> &mut Self {
        let c = &self.combine;
        match Key::of(word) {
            Some(k) => {
                let v = self.short.entry(k).or_default();
                *v = c(*v, value);
            }
            None => {
                let v = self.long.entry(word.into()).or_default();
                *v = c(*v, value);
            }
        }
        self
    }

    /// Adds every pair of `pairs`.
    pub fn extend<W: AsRef<[u8]>>(&mut self, pairs: impl IntoIterator<Item = (W, V)>) -> &mut Self {
        for (w, v) in pairs {
            self.insert(w.as_ref(), v);
        }
        self
    }

    /// The table of the words added so far.
    pub fn build(self) -> WordTable<V> {
        WordTable::new(self.short, self.long)
    }
}

/// An immutable map from words to `V`; a word not in it maps to
/// `V::default()`. See the [module docs](self).
#[derive(Clone, Debug)]
pub struct WordTable<V> {
    /// The slots; slot 0 stays empty.
    slots: Box<[Slot<V>]>,
    /// Per bucket: the displacement of its keys, already mixed.
    disp: Box<[u64]>,
    /// The hash seed that made every bucket fit, as mixed into a key
    /// ([`seeds`]): once per table, not per lookup.
    seeds: (u64, u64),
    /// 64 minus log2 of the slot count.
    slot_shift: u32,
    /// 64 minus log2 of the bucket count.
    bucket_shift: u32,
    /// Words longer than [`KEY_BYTES`].
    long: WordMap<Box<[u8]>, V>,
    /// Number of distinct words.
    count: usize,
}

/// The length stored in an empty slot.
const EMPTY: u8 = u8::MAX;

/// One slot of a [`WordTable`]: a key and its value side by side, so a
/// lookup reads one place (one bounds check, one cache line).
#[derive(Clone, Copy, Debug)]
struct Slot<V> {
    /// The key stored there.
    bits: u128,
    /// The value (`V::default()` for an empty slot).
    val: V,
    /// The stored word's length; [`EMPTY`] for an empty slot (no word has
    /// that length).
    len: u8,
}

/// The 128-bit product of `a` and `b`, its halves xored: a mix that
/// depends on the seed non-linearly (foldhash's and wyhash's step).
#[inline]
fn fold(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    p as u64 ^ (p >> 64) as u64
}

/// The hash of a key under `seed`. Two keys of different bytes whose
/// hashes collide under one seed almost never do under the next (the
/// fold's difference depends on the seed), so a failed build retries with
/// another seed; equal bytes with different lengths differ by the length
/// term whatever the seed (`len * K` is one-to-one, K being odd).
#[inline]
fn hash(key: Key, seed: u64) -> u64 {
    hash_parts(key.bits, key.len, seeds(seed))
}

/// The two words a seed is mixed into a key's halves with, computed once
/// per table rather than per lookup.
#[inline]
fn seeds(seed: u64) -> (u64, u64) {
    (
        seed ^ 0x243F_6A88_85A3_08D3,
        seed.rotate_left(32) ^ 0x1319_8A2E_0370_7344,
    )
}

/// [`hash`] of a key given as its parts.
#[inline(always)]
fn hash_parts(k: u128, len: u8, (lo, hi): (u64, u64)) -> u64 {
    let h = fold(k as u64 ^ lo, (k >> 64) as u64 ^ hi);
    h ^ u64::from(len).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// A displacement as stored: spread over all 64 bits.
#[inline]
fn mix(d: u16) -> u64 {
    u64::from(d).wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
}

#[inline]
fn slot(h: u64, disp: u64, shift: u32) -> usize {
    ((h ^ disp).wrapping_mul(0x1656_67B1_9E37_79F9) >> shift) as usize
}

impl<V: Copy + Default> Default for WordTable<V> {
    fn default() -> Self {
        WordTable::new(WordMap::default(), WordMap::default())
    }
}

impl<V: Copy + Default> WordTable<V> {
    /// The table of these short and long entries: tries table sizes and
    /// hash seeds until every bucket finds a displacement (the first try
    /// almost always does: slots are at least twice the words).
    fn new(short: WordMap<Key, V>, long: WordMap<Box<[u8]>, V>) -> WordTable<V> {
        // In the map's order: `place` gives the same table for any order
        // of the same entries (buckets go fullest first, ties by bucket index,
        // and a bucket's displacement depends on its set of keys only).
        let entries: Vec<(Key, V)> = short.into_iter().collect();
        let count = entries.len() + long.len();
        // At most half full (slot 0 kept empty), eight slots a bucket
        // (about four keys each).
        let mut slot_bits = (entries.len() * 2 + 1)
            .next_power_of_two()
            .trailing_zeros()
            .max(4);
        for attempt in 1u64.. {
            let seed = attempt.wrapping_mul(0x9E37_79B9_7F4A_7C15);
            if let Some(mut t) = Self::place(&entries, slot_bits, seed) {
                t.long = long;
                t.count = count;
                return t;
            }
            // Other seeds first (two keys may share a hash), then room,
            // up to eight times the first size.
            if attempt % 8 == 0 {
                assert!(attempt < 32, "no word table fits {} words", entries.len());
                slot_bits += 1;
            }
        }
        unreachable!("the attempts above return or panic")
    }

    /// One try at placing `entries` in `2^slot_bits` slots.
    fn place(entries: &[(Key, V)], slot_bits: u32, seed: u64) -> Option<WordTable<V>> {
        let slots = 1usize << slot_bits;
        let bucket_bits = slot_bits.saturating_sub(3).max(1);
        let (slot_shift, bucket_shift) = (64 - slot_bits, 64 - bucket_bits);
        let nb = 1usize << bucket_bits;
        let hashes: Vec<u64> = entries.iter().map(|&(k, _)| hash(k, seed)).collect();
        // The buckets' members in one array, bucket by bucket, in entry
        // order (a counting sort): bucket `b` is `members[start[b]..start[b + 1]]`.
        let mut start = vec![0u32; nb + 1];
        for &h in &hashes {
            start[(h >> bucket_shift) as usize + 1] += 1;
        }
        for b in 0..nb {
            start[b + 1] += start[b];
        }
        let mut fill: Vec<u32> = start[..nb].to_vec();
        let mut members = vec![0u32; entries.len()];
        for (i, &h) in hashes.iter().enumerate() {
            let f = &mut fill[(h >> bucket_shift) as usize];
            members[*f as usize] = i as u32;
            *f += 1;
        }
        let bucket = |b: usize| &members[start[b] as usize..start[b + 1] as usize];
        let mut order: Vec<u32> = (0..nb as u32).collect();
        // Fullest buckets first, while most slots are free.
        order.sort_unstable_by_key(|&b| (std::cmp::Reverse(bucket(b as usize).len()), b));
        let empty = Slot {
            bits: 0,
            val: V::default(),
            len: EMPTY,
        };
        let mut t = WordTable {
            slots: vec![empty; slots].into(),
            disp: vec![0; nb].into(),
            seeds: seeds(seed),
            slot_shift,
            bucket_shift,
            long: WordMap::default(),
            count: 0,
        };
        let mut used = vec![false; slots];
        // Slot 0 stays empty (the sizes above count it as used).
        used[0] = true;
        let mut taken: Vec<usize> = Vec::new();
        for b in order {
            let b = b as usize;
            let members = bucket(b);
            if members.is_empty() {
                break;
            }
            // The first displacement that puts every key of the bucket in
            // a free slot of its own.
            let d = (0..=u16::MAX).find(|&d| {
                taken.clear();
                members.iter().all(|&i| {
                    let s = slot(hashes[i as usize], mix(d), slot_shift);
                    let free = !used[s] && !taken.contains(&s);
                    taken.push(s);
                    free
                })
            })?;
            t.disp[b] = mix(d);
            for &i in members {
                let s = slot(hashes[i as usize], mix(d), slot_shift);
                used[s] = true;
                let (k, v) = entries[i as usize];
                t.slots[s] = Slot {
                    bits: k.bits,
                    val: v,
                    len: k.len,
                };
            }
        }
        Some(t)
    }

    /// The value of `word`, `V::default()` when it is not in the table.
    #[inline]
    pub fn get(&self, word: &[u8]) -> V {
        self.get_at(word, 0, word.len())
    }

    /// The value of the word `buf[start..end]`, read in place (no copy):
    /// for a short word one 16-byte load and one slot read. A span that is
    /// reversed or not inside `buf` finds nothing.
    #[inline]
    pub fn get_at(&self, buf: &[u8], start: usize, end: usize) -> V {
        self.view().get_at(buf, start, end)
    }

    /// The value of a short word by its key (for a key a stage has
    /// transformed, e.g. [`Key::ascii_lower`]).
    #[inline]
    pub fn get_key(&self, key: Key) -> V {
        self.view().get_key(key)
    }

    /// The table's arrays as plain references, for a loop of lookups to
    /// keep in registers.
    #[inline]
    pub fn view(&self) -> WordView<'_, V> {
        WordView {
            slots: &self.slots,
            disp: &self.disp,
            seeds: self.seeds,
            slot_shift: self.slot_shift,
            bucket_shift: self.bucket_shift,
            long: &self.long,
        }
    }

    /// Number of distinct words.
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether some word is longer than [`KEY_BYTES`] (a stage whose
    /// lookups are all by [`Key`] can refuse such lists).
    pub fn has_long_words(&self) -> bool {
        !self.long.is_empty()
    }
}

/// The arrays of a [`WordTable`], borrowed.
#[derive(Debug)]
pub struct WordView<'t, V> {
    slots: &'t [Slot<V>],
    disp: &'t [u64],
    seeds: (u64, u64),
    slot_shift: u32,
    bucket_shift: u32,
    long: &'t WordMap<Box<[u8]>, V>,
}

impl<V> Clone for WordView<'_, V> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<V> Copy for WordView<'_, V> {}

impl<V: Copy + Default> WordView<'_, V> {
    /// See [`WordTable::get_key`].
    #[inline]
    pub fn get_key(self, key: Key) -> V {
        self.get_parts(key.bits, key.len)
    }

    /// The lookup of a short key given as its parts (bits and length), so
    /// a loop of lookups keeps them in registers (no `Key` built).
    #[inline(always)]
    fn get_parts(self, bits: u128, len: u8) -> V {
        let h = hash_parts(bits, len, self.seeds);
        let b = (h >> self.bucket_shift) as usize;
        debug_assert!(b < self.disp.len());
        // SAFETY: `bucket_shift` is 64 minus log2 of `disp.len()` (a power
        // of two, at least 2: see `WordTable::place`), so `h >>
        // bucket_shift` is below `disp.len()`.
        let d = unsafe { *self.disp.get_unchecked(b) };
        let s = slot(h, d, self.slot_shift);
        debug_assert!(s < self.slots.len());
        // SAFETY: likewise `slot_shift` for `slots.len()`.
        let e = unsafe { self.slots.get_unchecked(s) };
        // One compare of the whole slot (a u128 `==` would compile to two
        // compares and a branch).
        let diff = e.bits ^ bits;
        let miss = diff as u64 | (diff >> 64) as u64 | u64::from(e.len ^ len);
        if miss == 0 {
            e.val
        } else {
            V::default()
        }
    }

    /// See [`WordTable::get_at`].
    #[inline]
    pub fn get_at(self, buf: &[u8], start: usize, end: usize) -> V {
        let len = end.wrapping_sub(start);
        // As in [`Key::at`], without building the `Key`.
        if (len <= KEY_BYTES) & (end <= buf.len()) {
            self.get_parts(load(buf, start) & KEEP[len], len as u8)
        } else {
            self.get_long(buf, start, end)
        }
    }

    /// The value of a word longer than [`KEY_BYTES`] (or of no word, for a
    /// span outside `buf`).
    #[cold]
    fn get_long(self, buf: &[u8], start: usize, end: usize) -> V {
        match buf.get(start..end) {
            Some(w) if !self.long.is_empty() => self.long.get(w).copied().unwrap_or_default(),
            _ => V::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    fn or_table(words: &[(&str, u32)]) -> WordTable<u32> {
        let mut b = WordTableBuilder::new(|a: u32, b: u32| a | b);
        b.extend(words.iter().map(|&(w, v)| (w, v)));
        b.build()
    }

    /// Listed words are found alone and in place; near misses (a prefix,
    /// a longer word, another case, trailing NULs) are not.
    #[test]
    fn finds_exactly_its_words() {
        let t = or_table(&[
            ("said", 1),
            ("said", 2),
            ("Varga", 4),
            ("a", 8),
            ("a\0", 16),
            ("", 32),
            ("sixteen-bytes-ok", 64),
            ("seventeen-bytes-x", 128),
            ("d\u{e9}j\u{e0}", 256),
            (",", 512),
        ]);
        assert_eq!(t.len(), 9);
        assert!(t.has_long_words());
        for (w, v) in [
            ("said", 3),
            ("Varga", 4),
            ("a", 8),
            ("a\0", 16),
            ("", 32),
            ("sixteen-bytes-ok", 64),
            ("seventeen-bytes-x", 128),
            ("d\u{e9}j\u{e0}", 256),
            (",", 512),
        ] {
            assert_eq!(t.get(w.as_bytes()), v, "{w:?}");
        }
        for w in [
            "sai",
            "saids",
            "varga",
            "a\0\0",
            "\0",
            "seventeen-bytes-",
            "b",
            "d\u{e9}j",
        ] {
            assert_eq!(t.get(w.as_bytes()), 0, "{w:?}");
        }
        let text = b"Ines Varga said, a sixteen-bytes-ok seventeen-bytes-x";
        assert_eq!(t.get_at(text, 5, 10), 4);
        assert_eq!(t.get_at(text, 11, 15), 3);
        assert_eq!(t.get_at(text, 15, 16), 512);
        assert_eq!(t.get_at(text, 17, 18), 8);
        assert_eq!(t.get_at(text, 19, 35), 64);
        assert_eq!(t.get_at(text, 36, text.len()), 128);
        assert_eq!(t.get_at(text, 3, 3), 32);
        // Reversed, past the end: nothing, no panic.
        assert_eq!(t.get_at(text, 10, 5), 0);
        assert_eq!(t.get_at(text, text.len() - 2, text.len() + 3), 0);
        assert_eq!(t.get_at(text, 100, 101), 0);
    }

    /// The combine function sees the values in insertion order.
    #[test]
    fn combines_in_order() {
        let mut b = WordTableBuilder::new(|a: u32, b: u32| a * 10 + b);
        b.insert(b"x", 1).insert(b"x", 2).insert(b"x", 3);
        b.insert(b"a-word-of-twenty-bytes", 4)
            .insert(b"a-word-of-twenty-bytes", 5);
        let t = b.build();
        assert_eq!(t.get(b"x"), 123);
        assert_eq!(t.get(b"a-word-of-twenty-bytes"), 45);
    }

    /// An empty table finds nothing; a big one (many buckets, several
    /// sizes tried if need be) finds every word.
    #[test]
    fn empty_and_big_tables() {
        let t: WordTable<u8> = WordTableBuilder::new(|_, b| b).build();
        assert_eq!((t.len(), t.get(b""), t.get(b"a")), (0, 0, 0));
        let words: Vec<String> = (0..20_000u32).map(|i| format!("w{}", i * 7919)).collect();
        let mut b = WordTableBuilder::new(|_, b| b);
        b.extend(words.iter().enumerate().map(|(i, w)| (w, i as u32 + 1)));
        let t = b.build();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(t.get(w.as_bytes()), i as u32 + 1, "{w}");
        }
        assert_eq!(t.get(b"w1"), 0);
    }

    /// Word lists of a stage's size fit at the first size with one of the
    /// first seeds: lookups stay in a table at most half full.
    #[test]
    fn lists_fit_at_the_first_size() {
        for n in [1usize, 10, 100, 800, 3_000] {
            let mut b = WordTableBuilder::new(|_, b| b);
            for i in 0..n {
                b.insert(format!("word{}", i * 7_919 % 100_003).as_bytes(), 1u8);
            }
            let t = b.build();
            let first = (n * 2 + 1).next_power_of_two().max(16);
            assert_eq!(t.slots.len(), first, "{n} words");
            let attempt = (1u64..9)
                .find(|&a| seeds(a.wrapping_mul(0x9E37_79B9_7F4A_7C15)) == t.seeds)
                .unwrap();
            assert!(attempt <= 2, "{n} words: attempt {attempt}");
        }
    }

    /// The table depends on its set of words only, not on the order they
    /// came in (nor on the builder map's order).
    #[test]
    fn same_table_in_any_order() {
        let words: Vec<String> = (0..500u32).map(|i| format!("w{}", i * 31)).collect();
        let build = |ws: &mut dyn Iterator<Item = &String>| {
            let mut b = WordTableBuilder::new(|_, b| b);
            for w in ws {
                b.insert(w.as_bytes(), w.len() as u8);
            }
            b.build()
        };
        let (a, z) = (build(&mut words.iter()), build(&mut words.iter().rev()));
        let parts = |t: &WordTable<u8>| {
            let slots: Vec<_> = t.slots.iter().map(|s| (s.bits, s.len, s.val)).collect();
            (slots, t.disp.clone(), t.seeds)
        };
        assert_eq!(parts(&a), parts(&z));
    }

    /// The key's ASCII lower case is the key of the lower-cased word, for
    /// every ASCII byte in every position.
    #[test]
    fn ascii_lower_keys_agree() {
        let all: Vec<u8> = (0..128u8).collect();
        for chunk in all.chunks(16).chain(all.rchunks(13)) {
            for start in 0..chunk.len() {
                let w = &chunk[start..];
                let k = Key::of(w).unwrap();
                assert!(k.is_ascii());
                assert_eq!(
                    k.ascii_lower(),
                    Key::of(&w.to_ascii_lowercase()).unwrap(),
                    "{w:?}"
                );
            }
        }
        assert!(!Key::of("é".as_bytes()).unwrap().is_ascii());
        assert_eq!(Key::of(&[b'a'; 17]), None);
        assert_eq!(Key::of(b"").map(Key::len), Some(0));
    }

    /// Words from a small alphabet (NUL, ASCII letters of both cases, a
    /// UTF-8 lead and continuation byte), up to 24 bytes.
    fn word() -> impl Strategy<Value = Vec<u8>> {
        proptest::collection::vec(
            proptest::sample::select(vec![0u8, b'a', b'b', b'A', 0xc3, 0xa9]),
            0..24,
        )
    }

    proptest! {
        /// The table agrees with a plain `HashMap` built the same way, for
        /// listed and unlisted words, looked up alone and in place inside a
        /// buffer (at its very end too).
        #[test]
        fn agrees_with_hashmap(
            entries in proptest::collection::vec((word(), any::<u16>()), 0..60),
            probes in proptest::collection::vec(word(), 0..30),
            before in word(),
            after in word(),
        ) {
            let combine = |a: u32, b: u32| a.wrapping_mul(31).wrapping_add(b);
            let mut oracle: HashMap<Vec<u8>, u32> = HashMap::new();
            let mut b = WordTableBuilder::new(combine);
            for (w, v) in &entries {
                let v = u32::from(*v) + 1;
                let o = oracle.entry(w.clone()).or_default();
                *o = combine(*o, v);
                b.insert(w, v);
            }
            let t = b.build();
            prop_assert_eq!(t.len(), oracle.len());
            for w in entries.iter().map(|(w, _)| w).chain(&probes) {
                let want = oracle.get(w).copied().unwrap_or_default();
                prop_assert_eq!(t.get(w), want, "{:?}", w);
                let mut buf = before.clone();
                buf.extend_from_slice(w);
                let (s, e) = (before.len(), before.len() + w.len());
                prop_assert_eq!(t.get_at(&buf, s, e), want, "{:?} at end", w);
                buf.extend_from_slice(&after);
                prop_assert_eq!(t.get_at(&buf, s, e), want, "{:?} inside", w);
                if let Some(k) = Key::at(&buf, s, e) {
                    prop_assert_eq!(t.get_key(k), want);
                    prop_assert_eq!(Some(k), Key::of(w));
                }
            }
        }

        /// Equal keys are equal words: keys read anywhere in a buffer are
        /// equal exactly when the words are.
        #[test]
        fn keys_tell_words_apart(
            buf in word(), a in 0usize..24, la in 0usize..20, b in 0usize..24, lb in 0usize..20,
        ) {
            let (a, b) = (a.min(buf.len()), b.min(buf.len()));
            let (ea, eb) = ((a + la).min(buf.len()), (b + lb).min(buf.len()));
            let (ka, kb) = (Key::at(&buf, a, ea), Key::at(&buf, b, eb));
            prop_assert_eq!(ka.is_some(), ea - a <= KEY_BYTES);
            if let (Some(ka), Some(kb)) = (ka, kb) {
                prop_assert_eq!(ka == kb, buf[a..ea] == buf[b..eb]);
            }
        }
    }
}
