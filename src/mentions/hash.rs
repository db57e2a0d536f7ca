//! A fast, deterministic hasher for word lists and per-document indexes.
//!
//! The standard library's SipHash resists crafted collisions, which word
//! lookups do not need; this multiply-rotate hash costs a few instructions
//! per eight bytes. Results never depend on it: only lookups use it.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A multiply-rotate hasher over machine words.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordHasher(u64);

/// An odd constant with well-spread bits.
const SEED: u64 = 0xf135_7aea_2e62_a9c5;

impl WordHasher {
    #[inline]
    fn add(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(SEED);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // The table takes its bucket from the low bits and its tag from the
        // high ones: move the well-mixed high bits down.
        self.0.rotate_left(26)
    }
}

/// Builds [`WordHasher`]s.
pub type WordBuildHasher = BuildHasherDefault<WordHasher>;
/// A set hashed with [`WordHasher`].
pub type WordSet<T> = HashSet<T, WordBuildHasher>;
/// A map hashed with [`WordHasher`].
pub type WordMap<K, V> = HashMap<K, V, WordBuildHasher>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    /// Equal keys hash alike; keys differing in one byte or in length
    /// (trailing zero bytes) hash apart.
    #[test]
    fn hashes_tell_keys_apart() {
        let b = WordBuildHasher::default();
        let cases: &[(&str, &str, bool)] = &[
            ("Varga", "Varga", true),
            ("Varga", "varga", false),
            ("a", "a\0", false),
            ("minister", "ministers", false),
            ("", "", true),
        ];
        for (x, y, same) in cases {
            assert_eq!(b.hash_one(x) == b.hash_one(y), *same, "{x:?} {y:?}");
        }
        let mut s: WordSet<String> = WordSet::default();
        s.insert("Tavi".into());
        assert!(s.contains("Tavi") && !s.contains("Renn"));
    }
}
