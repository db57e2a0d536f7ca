//! Clusters under construction: their members ([`Members`], chains
//! through one array) and the indexes by name words that find them
//! ([`Clusters`]).

use super::index::{Index, WordIds, NONE};
use crate::mentions::{ActorKind, Gender, Mention};
use crate::words::hash::WordMap;

/// The mentions of each cluster in the order they joined it, kept as
/// chains through one array indexed by mention (a mention joins one
/// cluster at most), so no cluster needs a list of its own.
pub(super) struct Members {
    /// Each cluster's first and last mention.
    pub(super) ends: Vec<(usize, usize)>,
    /// The mention after each mention in its cluster ([`NONE`] at the end).
    pub(super) next: Vec<usize>,
}

impl Members {
    /// Chains for `n` mentions, no cluster yet.
    pub(super) fn new(n: usize) -> Members {
        Members {
            ends: Vec::with_capacity(n),
            next: vec![NONE; n],
        }
    }

    /// Number of clusters.
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// A new cluster without mentions; its index.
    pub(super) fn add_cluster(&mut self) -> usize {
        self.ends.push((NONE, NONE));
        self.ends.len() - 1
    }

    /// Mention `i` joins cluster `c`, last.
    pub(super) fn push(&mut self, c: usize, i: usize) {
        let (first, last) = self.ends[c];
        if first == NONE {
            self.ends[c] = (i, i);
        } else {
            self.next[last] = i;
            self.ends[c].1 = i;
        }
    }

    /// The first mention of cluster `c`.
    pub(super) fn first(&self, c: usize) -> usize {
        self.ends[c].0
    }

    /// The mentions of cluster `c`, in the order they joined.
    pub(super) fn of(&self, c: usize) -> impl Iterator<Item = usize> + Clone + '_ {
        let mut at = self.ends[c].0;
        std::iter::from_fn(move || {
            let i = at;
            (i != NONE).then(|| {
                at = self.next[i];
                i
            })
        })
    }
}

/// Clusters under construction, indexed by their full names' words so that
/// each lookup costs the number of namesakes, not the number of clusters.
pub(super) struct Clusters<'m> {
    /// Mentions of each cluster.
    pub(super) members: Members,
    /// (cluster, span start, sentence) of each full-name mention, sorted
    /// (filled after step 1).
    pub(super) full_at: Vec<(usize, usize, usize)>,
    /// Where each cluster's entries in `full_at` begin, and one past the
    /// last cluster's end (clusters made after step 1 have none).
    pub(super) full_from: Vec<usize>,
    /// Titles (lower case, no periods) the clusters' full names bore, as
    /// (cluster, title) pairs, each once: few names bear a title, so one
    /// short list serves all clusters.
    pub(super) titles: Vec<(usize, String)>,
    /// Gender of each cluster as its full names tell it.
    pub(super) gender: Vec<Gender>,
    /// Word ids -> cluster, one map per kind (person, organization).
    /// Words hold no space (they are tokens), so a list of words stands
    /// for the words joined by spaces.
    /// Names of one word: the cluster under each word id and kind
    /// ([`NONE`] for none), an array so no lookup hashes.
    pub(super) by_word: Vec<[usize; 2]>,
    /// Names of two words, by their first word id and kind: the first of
    /// a chain of entries in `pairs` (`u32::MAX` for none); no hashing,
    /// as few names share a first word.
    pub(super) pair_head: Vec<[u32; 2]>,
    /// (second word id, cluster, next entry of the chain) of each
    /// two-word name.
    pub(super) pairs: Vec<(u32, usize, u32)>,
    /// Longer names (and, should one occur, a name without words).
    pub(super) by_key: [WordMap<&'m [u32], usize>; 2],
    /// Person clusters by the last word of their first full name, indexed
    /// by word id.
    pub(super) by_last: Index,
    /// Person clusters by the first word of their first full name.
    pub(super) by_first: Index,
    /// Organization clusters by each word of their name.
    pub(super) org_by_word: Index,
    /// The word ids of the mentions.
    pub(super) words: &'m WordIds<'m>,
}

impl<'m> Clusters<'m> {
    /// Room for the clusters of `n` mentions, `names` of them names, so
    /// the indexes do not grow one step at a time.
    pub(super) fn with_capacity(n: usize, names: usize, words: &'m WordIds<'m>) -> Clusters<'m> {
        fn map<K, V>(n: usize) -> WordMap<K, V> {
            WordMap::with_capacity_and_hasher(n, Default::default())
        }
        let nw = words.count();
        Clusters {
            members: Members::new(n),
            full_at: Vec::new(),
            full_from: Vec::new(),
            titles: Vec::new(),
            gender: Vec::with_capacity(names),
            by_word: vec![[NONE; 2]; nw],
            pair_head: vec![[u32::MAX; 2]; nw],
            pairs: Vec::with_capacity(names),
            by_key: [map(0), map(0)],
            by_last: Index::new(nw),
            by_first: Index::new(nw),
            org_by_word: Index::new(nw),
            words,
        }
    }

    /// A new cluster opened by mention `i`.
    pub(super) fn new_cluster(&mut self, m: &Mention, i: usize) -> usize {
        let c = self.members.add_cluster();
        self.gender.push(Gender::Unknown);
        let w = self.words.of(i);
        if w.len() >= 2 {
            match m.kind {
                ActorKind::Person => {
                    self.by_last.push(w[w.len() - 1], c);
                    self.by_first.push(w[0], c);
                }
                ActorKind::Organization => {
                    for &x in w {
                        self.org_by_word.push(x, c);
                    }
                }
                // No mention is of kind source (graph nodes only).
                ActorKind::Source => {}
            }
        }
        c
    }

    /// The cluster named by the words of mention `i`, for this kind.
    pub(super) fn by_key(&self, kind: ActorKind, i: usize) -> Option<usize> {
        let k = kind as usize;
        match *self.words.of(i) {
            [w] => Some(self.by_word[w as usize][k]).filter(|&c| c != NONE),
            [a, b] => self.pair_at(a, b, k).map(|e| self.pairs[e].1),
            ref key => self.by_key[k].get(key).copied(),
        }
    }

    /// True when a full name of cluster `c` bore title `t`.
    pub(super) fn has_title(&self, c: usize, t: &str) -> bool {
        self.titles.iter().any(|(tc, tt)| *tc == c && tt == t)
    }

    /// The entry in `pairs` of the two-word name `a b` of kind `k`.
    #[inline]
    pub(super) fn pair_at(&self, a: u32, b: u32, k: usize) -> Option<usize> {
        let mut at = self.pair_head[a as usize][k];
        while at != u32::MAX {
            let (second, _, next) = self.pairs[at as usize];
            if second == b {
                return Some(at as usize);
            }
            at = next;
        }
        None
    }

    /// Name a cluster by the words of mention `i`, for this kind.
    pub(super) fn set_key(&mut self, kind: ActorKind, i: usize, c: usize) {
        let k = kind as usize;
        match *self.words.of(i) {
            [w] => self.by_word[w as usize][k] = c,
            [a, b] => match self.pair_at(a, b, k) {
                Some(e) => self.pairs[e].1 = c,
                None => {
                    let head = &mut self.pair_head[a as usize][k];
                    self.pairs.push((b, c, *head));
                    *head = (self.pairs.len() - 1) as u32;
                }
            },
            ref key => {
                self.by_key[k].insert(key, c);
            }
        }
    }

    pub(super) fn head<'a>(&self, c: usize, mentions: &'a [Mention]) -> &'a Mention {
        &mentions[self.members.first(c)]
    }

    /// Sort the full-name mentions found in step 1 and index them by cluster.
    pub(super) fn index_full_at(&mut self) {
        self.full_at.sort_unstable();
        let nc = self.members.len();
        self.full_from = Vec::with_capacity(nc + 1);
        let mut k = 0;
        for c in 0..=nc {
            while k < self.full_at.len() && self.full_at[k].0 < c {
                k += 1;
            }
            self.full_from.push(k);
        }
    }

    /// (span start, sentence) of cluster `c`'s full-name mentions, sorted.
    pub(super) fn full_at(&self, c: usize) -> &[(usize, usize, usize)] {
        match (self.full_from.get(c), self.full_from.get(c + 1)) {
            (Some(&a), Some(&b)) => &self.full_at[a..b],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Chains keep each cluster's mentions in the order they joined.
    #[test]
    fn members_in_joining_order() {
        let mut ms = Members::new(6);
        let (a, b) = (ms.add_cluster(), ms.add_cluster());
        let c = ms.add_cluster();
        for (cl, i) in [(a, 4), (b, 0), (a, 1), (a, 5), (b, 3)] {
            ms.push(cl, i);
        }
        assert_eq!(ms.len(), 3);
        assert_eq!(ms.of(a).collect::<Vec<_>>(), [4, 1, 5]);
        assert_eq!(ms.of(b).collect::<Vec<_>>(), [0, 3]);
        assert_eq!(ms.of(c).count(), 0);
        assert_eq!((ms.first(a), ms.first(b)), (4, 0));
    }
}
