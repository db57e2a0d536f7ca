//! Duplicate documents in a run: the same id, the same text under another
//! id, or (when asked) nearly the same text.
//!
//! Documents are shown to a [`Deduper`] in input order; the first of each
//! kind is kept, later ones are told apart from it. The work that depends
//! on one text alone ([`Fingerprint::of`]: a hash of the text with its
//! white space collapsed, and for near copies a MinHash signature) can be
//! done in parallel beforehand.

use super::minhash::{NearIndex, Signature};
use rustc_hash::FxHashMap;

/// What the deduplication needs of one text.
#[derive(Clone, Debug)]
pub struct Fingerprint {
    /// A 128-bit hash of the text, its white space collapsed.
    hash: u128,
    /// Its MinHash signature, when near copies are looked for.
    signature: Option<Signature>,
}

impl Fingerprint {
    /// The fingerprint of a text; with `near`, its signature as well.
    pub fn of(text: &str, near: bool) -> Fingerprint {
        let mut collapsed = String::with_capacity(text.len());
        for w in text.split_whitespace() {
            if !collapsed.is_empty() {
                collapsed.push(' ');
            }
            collapsed.push_str(w);
        }
        Fingerprint {
            hash: xxhash_rust::xxh3::xxh3_128(collapsed.as_bytes()),
            signature: near.then(|| Signature::of(&collapsed)),
        }
    }
}

/// What a document is, against those shown before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// New: kept, as kept document number `n` (0, 1, ...).
    New(usize),
    /// Its id is kept document `n`'s.
    SameId(usize),
    /// Its text is kept document `n`'s (white space aside).
    SameText(usize),
    /// Its text nearly copies kept document `n`'s.
    NearCopy(usize),
}

/// The documents kept so far.
#[derive(Default)]
pub struct Deduper {
    ids: FxHashMap<String, usize>,
    texts: FxHashMap<u128, usize>,
    near: NearIndex,
    /// Kept document number -> its number in the near index.
    kept: usize,
    /// Near index number -> kept document number.
    near_kept: Vec<usize>,
}

impl Deduper {
    /// A deduper with nothing kept.
    pub fn new() -> Deduper {
        Deduper::default()
    }

    /// Show the next document, by its id and its text's fingerprint.
    pub fn observe(&mut self, id: &str, fp: Fingerprint) -> Decision {
        if let Some(&n) = self.ids.get(id) {
            return Decision::SameId(n);
        }
        if let Some(&n) = self.texts.get(&fp.hash) {
            return Decision::SameText(n);
        }
        if let Some(sig) = &fp.signature {
            if let Some(k) = self.near.find(sig) {
                return Decision::NearCopy(self.near_kept[k]);
            }
        }
        let n = self.kept;
        self.kept += 1;
        self.ids.insert(id.to_owned(), n);
        self.texts.insert(fp.hash, n);
        if let Some(sig) = fp.signature {
            self.near.add(sig);
            self.near_kept.push(n);
        }
        Decision::New(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_texts_and_near_copies() {
        let story = "Mayor Ines Varga met Paulo Brandt on Tuesday to discuss the toll on barges. \
                     The talks ran late, and Brandt told reporters that he expected a vote by March. \
                     Varga said the council would publish its plan for the quay next week.";
        let mut d = Deduper::new();
        let fp = |t: &str| Fingerprint::of(t, true);
        assert_eq!(d.observe("a", fp(story)), Decision::New(0));
        assert_eq!(
            d.observe("a", fp("Another text altogether.")),
            Decision::SameId(0)
        );
        let spaced = story.replace(' ', "  \n");
        assert_eq!(d.observe("b", fp(&spaced)), Decision::SameText(0));
        let trimmed = format!(
            "HARBOR CITY (Harbor Wire) - {}",
            &story[..story.rfind("Varga said").unwrap()]
        );
        assert_eq!(d.observe("c", fp(&trimmed)), Decision::NearCopy(0));
        assert_eq!(
            d.observe("d", fp("Idris Hale opened the bridge.")),
            Decision::New(1)
        );
        // Without signatures near copies are new documents.
        let mut d = Deduper::new();
        d.observe("a", Fingerprint::of(story, false));
        assert_eq!(
            d.observe("c", Fingerprint::of(&trimmed, false)),
            Decision::New(1)
        );
    }
}
