//! Word ids and the indexes built on them: each name's words as small
//! numbers ([`WordIds`], short words keyed by the shared word
//! [`Key`] without hashing a string), and clusters by word id ([`Index`]).

use crate::mentions::{Mention, Via};
use crate::segment::Token;
use crate::words::hash::WordMap;
use crate::words::Key;

/// No mention or cluster: the end of a chain in
/// [`Members`](super::clusters::Members), an empty slot of an index.
pub(super) const NONE: usize = usize::MAX;

/// In [`Index::one`]: the word has several clusters, listed in
/// [`Index::many`].
pub(super) const MANY: usize = usize::MAX - 1;

/// Clusters by word id: one cluster kept in a flat array (the usual case,
/// no allocation), more in a list.
pub(super) struct Index {
    /// The cluster under each word id, [`NONE`] or [`MANY`].
    pub(super) one: Vec<usize>,
    /// The clusters of the words marked [`MANY`].
    pub(super) many: WordMap<u32, Vec<usize>>,
}

impl Index {
    /// An empty index for `words` word ids.
    pub(super) fn new(words: usize) -> Index {
        Index {
            one: vec![NONE; words],
            many: WordMap::default(),
        }
    }

    /// Add cluster `c` to the list under word id `word` (once).
    pub(super) fn push(&mut self, word: u32, c: usize) {
        let at = &mut self.one[word as usize];
        match *at {
            NONE => *at = c,
            MANY => {
                let v = self.many.entry(word).or_default();
                if v.last() != Some(&c) {
                    v.push(c);
                }
            }
            first if first != c => {
                *at = MANY;
                self.many.insert(word, vec![first, c]);
            }
            _ => {}
        }
    }

    /// The clusters under word id `word`.
    #[inline]
    pub(super) fn get(&self, word: u32) -> &[usize] {
        match self.one.get(word as usize) {
            None | Some(&NONE) => &[],
            Some(&MANY) => self.many.get(&word).map_or(&[], Vec::as_slice),
            Some(c) => std::slice::from_ref(c),
        }
    }
}

/// The name mentions by kind, in text order.
pub(super) struct NameLists {
    /// Full names (two words or more) with support.
    pub(super) full: Vec<usize>,
    /// Single words with a cue.
    pub(super) single: Vec<usize>,
    /// Weak names (no cue).
    pub(super) weak: Vec<usize>,
}

/// The words of the name mentions as small ids (equal words, equal ids),
/// so the indexes below are arrays and their keys short lists of numbers.
pub(super) struct WordIds<'t> {
    /// The ids of every name's words, one name after another.
    pub(super) ids: Vec<u32>,
    /// Each mention's ids in `ids` (empty for pronouns and nominals).
    pub(super) of: Vec<(u32, u32)>,
    /// Id of each short word, by its [`Key`] (no string hashed or compared).
    pub(super) short: WordMap<Key, u32>,
    /// Id of each longer word.
    pub(super) long: WordMap<&'t str, u32>,
    /// Word of each id.
    pub(super) texts: Vec<&'t str>,
}

impl<'t> WordIds<'t> {
    /// The ids of the words of every name mention.
    pub(super) fn new(
        text: &'t str,
        tokens: &'t [Token],
        mentions: &[Mention],
        lists: &mut NameLists,
    ) -> WordIds<'t> {
        let mut w = WordIds {
            ids: Vec::with_capacity(mentions.len() * 2),
            of: Vec::with_capacity(mentions.len()),
            short: WordMap::with_capacity_and_hasher(mentions.len(), Default::default()),
            long: WordMap::default(),
            texts: Vec::with_capacity(mentions.len()),
        };
        let bytes = text.as_bytes();
        for (i, m) in mentions.iter().enumerate() {
            let from = w.ids.len() as u32;
            if m.via == Via::Name {
                if m.weak {
                    lists.weak.push(i);
                } else if m.words.len() >= 2 {
                    lists.full.push(i);
                } else {
                    lists.single.push(i);
                }
                for k in m.words.tokens(tokens) {
                    let span = tokens[k].span;
                    let next = w.texts.len() as u32;
                    let id = match Key::at(bytes, span.start, span.end) {
                        Some(key) => *w.short.entry(key).or_insert(next),
                        None => *w.long.entry(span.slice(text)).or_insert(next),
                    };
                    if id == next {
                        w.texts.push(span.slice(text));
                    }
                    w.ids.push(id);
                }
            }
            w.of.push((from, w.ids.len() as u32));
        }
        w
    }

    /// The word ids of mention `i`.
    #[inline]
    pub(super) fn of(&self, i: usize) -> &[u32] {
        let (a, b) = self.of[i];
        &self.ids[a as usize..b as usize]
    }

    /// The id of a word, if some name holds it.
    pub(super) fn get(&self, word: &str) -> Option<u32> {
        match Key::of(word.as_bytes()) {
            Some(key) => self.short.get(&key).copied(),
            None => self.long.get(word).copied(),
        }
    }

    /// Number of distinct words.
    pub(super) fn count(&self) -> usize {
        self.texts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Two slices get the same key (the shared [`Key`] resolve interns
        /// short words by) exactly when they are the same bytes, wherever
        /// they stand in the buffer (near its end too); words of up to
        /// [`KEY_BYTES`](crate::words::KEY_BYTES) bytes have one.
        #[test]
        fn short_keys_tell_words_apart(
            buf in proptest::collection::vec(proptest::sample::select(vec![0u8, b'a', b'b', 0xc3]), 0..40),
            a in 0usize..40, la in 0usize..20, b in 0usize..40, lb in 0usize..20,
        ) {
            let (a, b) = (a.min(buf.len()), b.min(buf.len()));
            let (ea, eb) = ((a + la).min(buf.len()), (b + lb).min(buf.len()));
            let (ka, kb) = (Key::at(&buf, a, ea), Key::at(&buf, b, eb));
            proptest::prop_assert_eq!(ka.is_some(), ea - a <= crate::words::KEY_BYTES);
            if let (Some(ka), Some(kb)) = (ka, kb) {
                proptest::prop_assert_eq!(ka == kb, buf[a..ea] == buf[b..eb]);
            }
        }
    }
}
