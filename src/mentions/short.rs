//! A map for short words: a word of at most [`SHORT_KEY`] bytes with no NUL
//! byte is packed into one `u128` ([`pack`]), hashed with two multiplies
//! and found by linear probing, so a lookup costs a few dozen instructions
//! and no string compare. Longer words are not in it: callers look them up
//! elsewhere.

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
