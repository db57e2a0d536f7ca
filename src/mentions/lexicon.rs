//! Word lists, compiled by hand and kept as data in `data/*.txt`.
//!
//! Each file holds one entry a line; `#` starts a comment. The lists are
//! loaded once into an immutable [`Lexicon`].

use crate::words::hash::{WordMap, WordSet};
use std::sync::OnceLock;

/// A person's usual gender, as far as a name or title tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    /// Male.
    Male,
    /// Female.
    Female,
    /// Not known or either.
    Unknown,
}

/// The built-in word lists.
#[derive(Debug)]
pub struct Lexicon {
    /// Title and role phrases, lower case, words joined by one space.
    pub titles: WordSet<String>,
    /// The longest title in words.
    pub title_max_words: usize,
    /// Words that mark an organization, lower case.
    pub org_words: WordSet<String>,
    /// Organizations known by their bare name, exact case.
    pub orgs: WordSet<String>,
    /// Places, exact case.
    pub places: WordSet<String>,
    /// Given names with their usual gender.
    pub first_names: WordMap<String, Gender>,
    /// Capitalised words that are not names, lower case.
    pub common: WordSet<String>,
    /// Words for places and things that no person's name holds ("Bridge",
    /// "Award", "Cyclone"), lower case.
    pub non_person: WordSet<String>,
    /// Adjectives and foreign articles that open titles of works, places
    /// and groups but no person's name ("Silver", "Les"), lower case.
    pub modifiers: WordSet<String>,
    /// People known by one name ("Obama", "Einstein"), exact case.
    pub people: WordSet<String>,
    /// Words that no person's name holds: `common`, `titles`, `org_words`
    /// and `non_person` together, lower case.
    pub splitters: WordSet<String>,
    /// The first word of every title, lower case without periods.
    pub title_first: WordSet<String>,
}

/// Lines of a data file with comments and blanks removed.
pub fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

impl Lexicon {
    /// The built-in lexicon, loaded on first use.
    pub fn builtin() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            let titles: WordSet<String> = entries(include_str!("data/titles.txt"))
                .map(|t| t.to_lowercase().replace('.', ""))
                .collect();
            let title_max_words = titles
                .iter()
                .map(|t| t.split(' ').count())
                .max()
                .unwrap_or(1);
            let first_names = entries(include_str!("data/first_names.txt"))
                .map(|l| {
                    let mut it = l.split_whitespace();
                    let name = it.next().unwrap_or("").to_owned();
                    let g = match it.next() {
                        Some("m") => Gender::Male,
                        Some("f") => Gender::Female,
                        _ => Gender::Unknown,
                    };
                    (name, g)
                })
                .collect();
            let mut lex = Lexicon {
                titles,
                title_max_words,
                org_words: entries(include_str!("data/org_words.txt"))
                    .map(|w| w.to_lowercase())
                    .collect(),
                orgs: entries(include_str!("data/orgs.txt"))
                    .map(str::to_owned)
                    .collect(),
                places: entries(include_str!("data/places.txt"))
                    .map(str::to_owned)
                    .collect(),
                first_names,
                common: entries(include_str!("data/common.txt"))
                    .map(|w| w.to_lowercase())
                    .collect(),
                non_person: entries(include_str!("data/non_person.txt"))
                    .map(|w| w.to_lowercase())
                    .collect(),
                modifiers: entries(include_str!("data/modifiers.txt"))
                    .map(|w| w.to_lowercase())
                    .collect(),
                people: entries(include_str!("data/people.txt"))
                    .map(str::to_owned)
                    .collect(),
                splitters: WordSet::default(),
                title_first: WordSet::default(),
            };
            lex.splitters = lex
                .common
                .iter()
                .chain(&lex.titles)
                .chain(&lex.org_words)
                .chain(&lex.non_person)
                .cloned()
                .collect();
            lex.title_first = lex
                .titles
                .iter()
                .map(|t| t.split(' ').next().unwrap_or("").to_owned())
                .collect();
            lex
        })
    }

    /// True for a title or role phrase (lower case, periods dropped).
    pub fn is_title(&self, phrase: &str) -> bool {
        self.titles.contains(phrase)
    }

    /// The gender a title implies.
    pub fn title_gender(&self, title: &str) -> Gender {
        let first = title.split(' ').next().unwrap_or("");
        match first {
            "mr" | "sir" | "lord" | "king" | "prince" | "duke" | "father" | "brother" | "herr"
            | "monsieur" | "emperor" | "sultan" | "baron" | "count" | "congressman"
            | "spokesman" | "chairman" => Gender::Male,
            "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" | "duchess"
            | "sister" | "madam" | "madame" | "empress" | "baroness" | "countess"
            | "congresswoman" | "spokeswoman" | "chairwoman" => Gender::Female,
            _ => Gender::Unknown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list loads, and the examples in the files' headers hold.
    #[test]
    fn lists_load_with_their_examples() {
        let l = Lexicon::builtin();
        assert!(l.is_title("vice president"));
        assert!(l.is_title("secretary of state"));
        assert!(l.org_words.contains("ministry"));
        assert!(l.orgs.contains("Hamas"));
        assert!(l.places.contains("Tehran"));
        assert_eq!(l.first_names.get("Flynt"), Some(&Gender::Male));
        assert!(l.common.contains("monday"));
        assert!(l.non_person.contains("bridge"));
        assert!(l.modifiers.contains("silver"));
        assert!(l.people.contains("Einstein"));
        // The merged lists hold exactly their parts.
        for w in ["monday", "vice president", "ministry", "bridge"] {
            assert!(l.splitters.contains(w), "{w}");
        }
        assert!(!l.splitters.contains("varga"));
        let parts = [&l.common, &l.titles, &l.org_words, &l.non_person];
        assert!(l
            .splitters
            .iter()
            .all(|w| parts.iter().any(|p| p.contains(w))));
        assert!(l.title_first.contains("vice") && l.title_first.contains("secretary"));
        assert!(l
            .titles
            .iter()
            .all(|t| l.title_first.contains(t.split(' ').next().unwrap())));
        for list in [
            &l.titles,
            &l.org_words,
            &l.common,
            &l.non_person,
            &l.modifiers,
        ] {
            assert!(list.iter().all(|e| e == &e.to_lowercase()));
        }
    }
}
