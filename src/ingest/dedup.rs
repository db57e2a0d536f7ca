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
        let mut buf = Vec::with_capacity(text.len());
        collapse(text.as_bytes(), &mut buf);
        Fingerprint {
            hash: xxhash_rust::xxh3::xxh3_128(&buf),
            signature: near.then(|| Signature::of(text)),
        }
    }
}

/// White space for [`collapse`]: space, tab, newline, carriage return.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// `text` with each run of white space as one space, and none at either
/// end, appended to `out`. Runs of text between line breaks, tabs and
/// double spaces (found with SIMD searches) are copied whole, so this
/// costs about a copy of the text.
pub fn collapse(text: &[u8], out: &mut Vec<u8>) {
    let start = text
        .iter()
        .position(|&b| !is_space(b))
        .unwrap_or(text.len());
    let end = text
        .iter()
        .rposition(|&b| !is_space(b))
        .map_or(start, |i| i + 1);
    let t = &text[start..end];
    let double = memchr::memmem::Finder::new(b"  ");
    let mut next_double = double.find(t).unwrap_or(t.len());
    let mut i = 0;
    while i < t.len() {
        if next_double < i {
            next_double = double.find(&t[i..]).map_or(t.len(), |k| i + k);
        }
        let special = memchr::memchr3(b'\n', b'\t', b'\r', &t[i..]).map_or(t.len(), |k| i + k);
        let j = special.min(next_double);
        out.extend_from_slice(&t[i..j]);
        if j == t.len() {
            break;
        }
        let mut k = j;
        while k < t.len() && is_space(t[k]) {
            k += 1;
        }
        if out.last() != Some(&b' ') {
            out.push(b' ');
        }
        i = k;
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

    /// The fast collapse is the plain one.
    #[test]
    fn collapse_is_split_and_join() {
        let plain = |t: &str| {
            t.split([' ', '\t', '\n', '\r'])
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let parts = [
            "a",
            "bc",
            " ",
            "  ",
            "\n",
            "\t",
            "\r\n",
            "\u{e9}t\u{e9}",
            "x y",
            "\u{a0}",
        ];
        let mut seed = 7u64;
        for _ in 0..2000 {
            let mut t = String::new();
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
            for k in 0..(seed >> 60) as usize + 1 {
                t.push_str(parts[((seed >> (k * 4 % 56)) as usize) % parts.len()]);
            }
            let mut out = Vec::new();
            collapse(t.as_bytes(), &mut out);
            assert_eq!(String::from_utf8(out).unwrap(), plain(&t), "{t:?}");
        }
    }

    #[test]
    fn ids_texts_and_near_copies() {
        let story = "Mayor Ines Varga met Paulo Brandt on Tuesday to discuss the toll on barges. \
                     The talks ran late, and Brandt told reporters that he expected a vote by March. \
                     Odile Marsh, who chairs the finance committee, warned that a lower toll would \
                     leave a gap in the harbor budget and asked for an audit of the fund. \
                     Northwind Freight said it would bring back the crews it had sent home once \
                     the vote was taken and the barges could sail again. \
                     Varga said the council would publish its plan for the quay next week.";
        let mut d = Deduper::new();
        let fp = |t: &str| Fingerprint::of(t, true);
        assert_eq!(d.observe("a", fp(story)), Decision::New(0));
        assert_eq!(
            d.observe("a", fp("Another text altogether.")),
            Decision::SameId(0)
        );
        let spaced = format!("\n {}\t\r\n", story.replace(' ', "  \n"));
        assert_eq!(d.observe("b", fp(&spaced)), Decision::SameText(0));
        // One letter changed is another text (a near copy).
        let changed = story.replace("Tuesday", "Monday");
        assert_eq!(d.observe("b2", fp(&changed)), Decision::NearCopy(0));
        let trimmed = format!(
            "HARBOR CITY (Harbor Wire) - {}",
            &story[..story.rfind("Varga said").unwrap()]
        );
        let (a, b) = (
            crate::ingest::minhash::shingles(story),
            crate::ingest::minhash::shingles(&trimmed),
        );
        assert!(crate::ingest::minhash::jaccard(&a, &b) > 0.7);
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
