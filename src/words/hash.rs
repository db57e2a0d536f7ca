//! Hash maps and sets for word lists and per-document indexes.
//!
//! The standard library's SipHash resists crafted collisions, which word
//! lookups do not need; rustc-hash's Fx hasher costs a few instructions per
//! word. Results never depend on it: these maps are looked up, never
//! iterated for output.

use std::collections::{HashMap, HashSet};

/// Builds the hashers of [`WordSet`] and [`WordMap`].
pub type WordBuildHasher = rustc_hash::FxBuildHasher;
/// A set with the fast hasher.
pub type WordSet<T> = HashSet<T, WordBuildHasher>;
/// A map with the fast hasher.
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
