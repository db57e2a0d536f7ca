//! The resolver's own word lists, read from its data files
//! (`src/resolve/data/*.txt`) into a [`Lexicon`].

use crate::words::hash::WordSet;
use crate::words::{DataError, DataSet};

/// The built-in data files of the resolver, by name in a
/// [`DataSet`]: `("resolve/NAME.txt", contents)`.
pub const DATA: &[(&str, &str)] = &[
    (
        "resolve/other_office.txt",
        include_str!("data/other_office.txt"),
    ),
    (
        "resolve/possessive_links.txt",
        include_str!("data/possessive_links.txt"),
    ),
    (
        "resolve/opening_words.txt",
        include_str!("data/opening_words.txt"),
    ),
];

/// The resolver's word lists.
#[derive(Clone, Debug)]
pub struct Lexicon {
    /// Words that, opening a title, make it another office than its head
    /// ("vice" in "vice president").
    other_office: WordSet<String>,
    /// Words joining a name to a possessive right after it ("and").
    possessive_links: WordSet<String>,
    /// Linking words that may open a sentence before its subject ("but").
    opening_words: WordSet<String>,
}

impl Lexicon {
    /// The lists of `data`'s resolver files: each word once, in lower
    /// case without periods.
    pub fn load(data: &DataSet) -> Result<Lexicon, DataError> {
        let words = |name: &str, what: &str| -> Result<WordSet<String>, DataError> {
            let file = data.get(name)?;
            file.unique_by(|e| e.fields().map(str::to_owned).collect::<Vec<_>>())?;
            let mut set = WordSet::default();
            for (e, w) in file.words() {
                if w.chars().any(|c| c.is_uppercase() || c == '.') {
                    return Err(e.malformed(format!(
                        "{w:?}: a {what} is written in lower case without periods"
                    )));
                }
                set.insert(w.to_owned());
            }
            Ok(set)
        };
        Ok(Lexicon {
            other_office: words("resolve/other_office.txt", "qualifier")?,
            possessive_links: words("resolve/possessive_links.txt", "linking word")?,
            opening_words: words("resolve/opening_words.txt", "linking word")?,
        })
    }

    /// The lists of the built-in files ([`DATA`]) alone.
    pub fn builtin() -> Lexicon {
        let mut set = DataSet::new();
        for (name, text) in DATA {
            set.add_builtin(name, text)
                .expect("built-in resolve data parses");
        }
        Lexicon::load(&set).expect("built-in resolve data is valid")
    }

    /// True when `word` (lower case), opening a title, makes it another
    /// office than its bare head.
    pub fn is_other_office(&self, word: &str) -> bool {
        self.other_office.contains(word)
    }
}

impl Lexicon {
    /// True when `word` (as written), between a name and a possessive
    /// right after it, makes the possessive that name's.
    pub fn is_possessive_link(&self, word: &str) -> bool {
        word.len() <= 8 && self.possessive_links.contains(&word.to_ascii_lowercase())
    }

    /// True when `word` (as written) may open a sentence before its subject.
    pub fn is_opening_word(&self, word: &str) -> bool {
        word.len() <= 8 && self.opening_words.contains(&word.to_ascii_lowercase())
    }
}

impl Default for Lexicon {
    /// The built-in lists.
    fn default() -> Lexicon {
        Lexicon::builtin()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lists_load() {
        let lex = Lexicon::builtin();
        assert!(lex.is_other_office("vice") && lex.is_other_office("deputy"));
        assert!(!lex.is_other_office("foreign") && !lex.is_other_office(""));
        assert!(lex.is_possessive_link("and") && !lex.is_possessive_link("by"));
        assert!(lex.is_opening_word("But") && !lex.is_opening_word("The"));
    }

    #[test]
    fn repeats_and_capitals_are_rejected() {
        for (text, want) in [
            ("vice\ndeputy vice\n", "\"vice\" is already at"),
            ("vice\nDeputy\n", "lower case"),
            ("asst.\n", "lower case"),
        ] {
            let mut set = DataSet::new();
            for (name, builtin) in &DATA[1..] {
                set.add_builtin(name, builtin).unwrap();
            }
            set.add_builtin("resolve/other_office.txt", text).unwrap();
            let e = Lexicon::load(&set).unwrap_err().to_string();
            assert!(e.contains(want), "{text:?}: {e}");
        }
    }
}
