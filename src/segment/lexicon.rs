//! The sentence splitter's word lists (`data/*.txt`): abbreviations whose
//! period does not end a sentence, the ones that usually do close one, and
//! the words that confirm such a break. Each is a [`WordList`]: sorted
//! packed keys with a letter filter, so a word is tested without
//! lower-casing it.

use crate::words::{DataError, DataSet};

/// The built-in data files of this stage: (name, contents).
pub const DATA: &[(&str, &str)] = &[
    (
        "segment/abbreviations.txt",
        include_str!("data/abbreviations.txt"),
    ),
    (
        "segment/final_abbreviations.txt",
        include_str!("data/final_abbreviations.txt"),
    ),
    (
        "segment/sentence_openers.txt",
        include_str!("data/sentence_openers.txt"),
    ),
];

/// The longest word a [`WordList`] key holds.
const KEY_BYTES: usize = 15;

/// A list of lower-case ASCII words of at most [`KEY_BYTES`] bytes, with
/// their keys sorted for a binary search.
#[derive(Clone, Debug)]
pub(super) struct WordList {
    pub(super) words: Vec<String>,
    pub(super) keys: Vec<u128>,
    /// For each length and first letter, the last letters of the words of
    /// that length opening with it (bit 0 for `a`): most words are told
    /// apart by these alone, without a search.
    ends: [[u32; 26]; KEY_BYTES + 1],
}

/// A word of at most [`KEY_BYTES`] ASCII bytes in ASCII lower case, as a
/// number: its bytes from the lowest up, its length in the top byte. Two
/// words have the same key when they are equal ignoring ASCII case.
fn key(w: &[u8]) -> u128 {
    let mut k = (w.len() as u128) << 120;
    for (i, b) in w.iter().enumerate() {
        k |= (b.to_ascii_lowercase() as u128) << (8 * i);
    }
    k
}

impl WordList {
    /// The list of the entries of data file `name`: one word each, lower
    /// case ASCII, opening and ending with a letter, at most 15 bytes.
    fn load(data: &DataSet, name: &str) -> Result<WordList, DataError> {
        let file = data.get(name)?;
        file.unique_by(|e| [e.text().to_owned()])?;
        let mut words = Vec::with_capacity(file.entries().len());
        let mut ends = [[0u32; 26]; KEY_BYTES + 1];
        for e in file.entries() {
            let w = e.text().as_bytes();
            let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
                continue;
            };
            if w.len() > KEY_BYTES
                || !first.is_ascii_lowercase()
                || !last.is_ascii_lowercase()
                || w.iter()
                    .any(|b| !b.is_ascii() || b.is_ascii_uppercase() || b.is_ascii_whitespace())
            {
                return Err(e.malformed(
                    "one lower-case ASCII word of at most 15 bytes, opening and ending with a letter",
                ));
            }
            ends[w.len()][usize::from(first - b'a')] |= 1 << (last - b'a');
            words.push(e.text().to_owned());
        }
        let mut keys: Vec<u128> = words.iter().map(|w| key(w.as_bytes())).collect();
        keys.sort_unstable();
        Ok(WordList { words, keys, ends })
    }

    /// True when `w` in lower case (`str::to_lowercase`) is in the list:
    /// an ASCII word by its key, without lower-casing it.
    pub(super) fn contains_lower(&self, w: &str) -> bool {
        if w.is_ascii() {
            let b = w.as_bytes();
            let Some(&c) = b.first() else {
                return false;
            };
            let (c, l) = (c.to_ascii_lowercase(), b[b.len() - 1].to_ascii_lowercase());
            b.len() <= KEY_BYTES
                && c.is_ascii_lowercase()
                && l.is_ascii_lowercase()
                && self.ends[b.len()][usize::from(c - b'a')] >> (l - b'a') & 1 != 0
                && self.keys.binary_search(&key(b)).is_ok()
        } else {
            let lower = w.to_lowercase();
            self.words.contains(&lower)
        }
    }
}

/// The sentence splitter's word lists.
#[derive(Clone, Debug)]
pub struct Lexicon {
    /// Abbreviations after which a period does not end a sentence.
    pub(super) abbreviations: WordList,
    /// Abbreviations that close a sentence when an opener follows.
    pub(super) final_abbreviations: WordList,
    /// Words that confirm a break after a final abbreviation.
    pub(super) openers: WordList,
}

impl Lexicon {
    /// The lists of `data`'s `segment/*.txt` files.
    pub fn load(data: &DataSet) -> Result<Lexicon, DataError> {
        let abbreviations = WordList::load(data, "segment/abbreviations.txt")?;
        let final_abbreviations = WordList::load(data, "segment/final_abbreviations.txt")?;
        let file = data.get("segment/final_abbreviations.txt")?;
        if let Some(e) = file
            .entries()
            .iter()
            .find(|e| !abbreviations.contains_lower(e.text()))
        {
            return Err(e.malformed("a final abbreviation must be in abbreviations.txt too"));
        }
        Ok(Lexicon {
            abbreviations,
            final_abbreviations,
            openers: WordList::load(data, "segment/sentence_openers.txt")?,
        })
    }

    /// The built-in lists ([`DATA`]).
    pub fn builtin() -> Lexicon {
        let mut set = DataSet::new();
        for (name, text) in DATA {
            set.add_builtin(name, text)
                .expect("the built-in data files are checked by the tests");
        }
        Lexicon::load(&set).expect("the built-in data files are checked by the tests")
    }

    /// The built-in lists, loaded once, for [`super::segment`].
    pub(super) fn shared() -> &'static Lexicon {
        static BUILTIN: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(Lexicon::builtin)
    }
}

impl Default for Lexicon {
    fn default() -> Lexicon {
        Lexicon::shared().clone()
    }
}

/// Whether `example`, an example line of the data file `file`, holds:
/// its expectation is `1 sentence` or `N sentences`, the count of
/// sentences `seg` cut its text into.
pub fn check_example(
    file: &str,
    example: &crate::words::Example,
    seg: &super::Segmentation,
) -> Result<(), String> {
    let want = example.expect();
    let n: usize = want
        .strip_suffix(" sentences")
        .or_else(|| want.strip_suffix(" sentence"))
        .and_then(|n| n.trim().parse().ok())
        .ok_or_else(|| format!("{file}: expected `N sentences`, not {want:?}"))?;
    let got = seg.sentences.len();
    if got == n {
        Ok(())
    } else {
        let cut: Vec<&str> = seg
            .sentences
            .iter()
            .map(|s| s.span.slice(example.input()))
            .collect();
        Err(format!("{got} sentence(s), not {n}: {cut:?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(abbr: &str, fin: &str, open: &str) -> DataSet {
        let mut s = DataSet::new();
        s.add_builtin("segment/abbreviations.txt", abbr).unwrap();
        s.add_builtin("segment/final_abbreviations.txt", fin)
            .unwrap();
        s.add_builtin("segment/sentence_openers.txt", open).unwrap();
        s
    }

    #[test]
    fn every_builtin_example_holds() {
        let lex = Lexicon::builtin();
        for (name, text) in DATA {
            let file = crate::words::DataFile::parse(name, name, text).unwrap();
            assert!(!file.examples().is_empty(), "{name}");
            for ex in file.examples() {
                let seg = super::super::segment_with(ex.input(), &lex);
                check_example(name, ex, &seg).unwrap_or_else(|e| panic!("{}: {e}", ex.location()));
            }
        }
    }

    #[test]
    fn bad_lines_are_refused() {
        for (abbr, fin, why) in [
            ("Gen\n", "", "lower-case"),
            ("gen\ngen\n", "", "already"),
            ("two words\n", "", "lower-case"),
            ("gen\n", "inc\n", "abbreviations.txt too"),
        ] {
            let e = Lexicon::load(&set(abbr, fin, "the\n"))
                .unwrap_err()
                .to_string();
            assert!(e.contains(why), "{abbr:?}: {e}");
        }
    }

    #[test]
    fn a_wrong_count_is_reported() {
        let lex = Lexicon::builtin();
        let f = crate::words::DataFile::parse("x", "x", "# Example: One. Two. -> 1 sentence\n")
            .unwrap();
        let ex = &f.examples()[0];
        let seg = super::super::segment_with(ex.input(), &lex);
        let e = check_example("x", ex, &seg).unwrap_err();
        assert!(e.starts_with("2 sentence(s), not 1"), "{e}");
    }
}
