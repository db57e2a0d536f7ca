//! The lexicon: every word list of the stage, read from its data files
//! ([`super::DATA`], or a user's [`DataSet`]) by [`Lexicon::load`], with
//! the word table built from them ([`super::table`]).
//!
//! Each file holds one entry a line; `#` starts a comment; what an entry
//! means is said in the file's header. A word given twice in one file is
//! an error naming both lines.

use super::table::WordTable;
use crate::words::hash::{WordMap, WordSet};
use crate::words::{DataError, DataFile, DataSet, Entry};

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

/// The word lists of mention detection, and the word table built from
/// them. Owned: build one with [`Lexicon::load`] (or
/// [`Lexicon::builtin`]) and pass it to [`super::detect`].
pub struct Lexicon {
    /// Title and role phrases, lower case, words joined by one space.
    pub titles: WordSet<String>,
    /// The gender each gendered title implies (`titles.txt`, second
    /// column).
    pub title_genders: WordMap<String, Gender>,
    /// The longest title in words.
    pub title_max_words: usize,
    /// Words that mark an organization, lower case.
    pub org_words: WordSet<String>,
    /// Organization words that also end towns' names (`town_words.txt`).
    pub town_words: WordSet<String>,
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
    /// Family names written before the given name ("Wong Kwok-kin").
    pub family_first: WordSet<String>,
    /// Words that no person's name holds: `common`, `titles`, `org_words`
    /// and `non_person` together, lower case.
    pub splitters: WordSet<String>,
    /// The first word of every title, lower case without periods.
    pub title_first: WordSet<String>,
    /// Name particles that may stand, lower case, inside a name ("van").
    pub particles: Vec<String>,
    /// Words after a name that only people do ("said").
    pub person_verbs: Vec<String>,
    /// Irregular past tenses that follow a person's name as subject.
    pub past_verbs: Vec<String>,
    /// Leading words an organization's name keeps ("National").
    pub org_modifiers: Vec<String>,
    /// Roles that, after "the", point back at one known person.
    pub nominal_heads: Vec<String>,
    /// Adjective and gerund endings with the least length in characters
    /// of a word they mark ("ical" 6).
    pub adjective_suffixes: Vec<(String, usize)>,
    /// Every list merged for one lookup a word.
    pub(super) table: WordTable,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("titles", &self.titles.len())
            .field("first_names", &self.first_names.len())
            .field("places", &self.places.len())
            .finish_non_exhaustive()
    }
}

impl Default for Lexicon {
    fn default() -> Lexicon {
        Lexicon::builtin()
    }
}

/// The file `mentions/NAME` of the set.
fn file<'d>(data: &'d DataSet, name: &str) -> Result<&'d DataFile, DataError> {
    data.get(&format!("mentions/{name}"))
}

/// The entries of a file of one phrase a line, each its whole line
/// normalized by `norm`; an error for a repeat.
fn phrases(
    data: &DataSet,
    name: &str,
    norm: impl Fn(&str) -> String,
) -> Result<Vec<String>, DataError> {
    let f = file(data, name)?;
    f.unique_by(|e| [norm(e.text())])?;
    Ok(f.entries().iter().map(|e| norm(e.text())).collect())
}

/// [`phrases`] of a file of one word a line (words are looked up token by
/// token, so a phrase there would never be found): an error for a line of
/// several.
fn words(
    data: &DataSet,
    name: &str,
    norm: impl Fn(&str) -> String,
) -> Result<Vec<String>, DataError> {
    if let Some(e) = file(data, name)?
        .entries()
        .iter()
        .find(|e| e.fields().count() != 1)
    {
        return Err(e.malformed("one word a line"));
    }
    phrases(data, name, norm)
}

/// A title as kept: lower case, periods dropped.
pub(super) fn title_key(t: &str) -> String {
    t.to_lowercase().replace('.', "")
}

/// A title line: the phrase, and its gender when the last field is `m`
/// or `f`.
fn title_entry(e: &Entry) -> (String, Gender) {
    let t = e.text();
    let (phrase, g) = match t.rsplit_once(char::is_whitespace) {
        Some((p, "m")) => (p, Gender::Male),
        Some((p, "f")) => (p, Gender::Female),
        _ => (t, Gender::Unknown),
    };
    let phrase = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
    (title_key(&phrase), g)
}

/// A given-name line: the name and an optional gender letter.
fn first_name_entry(e: &Entry) -> Result<(String, Gender), DataError> {
    let mut it = e.fields();
    let name = it.next().unwrap_or("").to_owned();
    let g = match it.next() {
        Some("m") => Gender::Male,
        Some("f") => Gender::Female,
        Some("-") | None => Gender::Unknown,
        Some(x) => return Err(e.malformed(format!("gender {x:?} is none of m, f, -"))),
    };
    if it.next().is_some() {
        return Err(e.malformed("a given name and a gender letter, nothing more"));
    }
    Ok((name, g))
}

impl Lexicon {
    /// The built-in lexicon ([`super::DATA`]): built anew at each call, so
    /// build it once and keep it.
    pub fn builtin() -> Lexicon {
        let mut set = DataSet::new();
        for (name, text) in super::DATA {
            set.add_builtin(name, text)
                .expect("built-in mention data parses");
        }
        Lexicon::load(&set).expect("built-in mention data is valid")
    }

    /// The lexicon of the `mentions/*.txt` files of `data`.
    pub fn load(data: &DataSet) -> Result<Lexicon, DataError> {
        let tf = file(data, "titles.txt")?;
        tf.unique_by(|e| [title_entry(e).0])?;
        let mut titles = WordSet::default();
        let mut title_genders = WordMap::default();
        for e in tf.entries() {
            let (t, g) = title_entry(e);
            if g != Gender::Unknown {
                title_genders.insert(t.clone(), g);
            }
            titles.insert(t);
        }
        let title_max_words = titles
            .iter()
            .map(|t: &String| t.split(' ').count())
            .max()
            .unwrap_or(1);
        let nf = file(data, "first_names.txt")?;
        nf.unique_by(|e| [e.fields().next().unwrap_or("").to_owned()])?;
        let mut first_names: WordMap<String, Gender> = nf
            .entries()
            .iter()
            .map(first_name_entry)
            .collect::<Result<_, _>>()?;
        // The names compiled from open data (`given_names.txt`, same
        // format): the curated list wins where both hold a name.
        let gf = file(data, "given_names.txt")?;
        gf.unique_by(|e| [e.fields().next().unwrap_or("").to_owned()])?;
        for e in gf.entries() {
            let (n, g) = first_name_entry(e)?;
            first_names.entry(n).or_insert(g);
        }
        let lower = |w: &str| w.to_lowercase();
        let same = |w: &str| w.to_owned();
        let set = |v: Vec<String>| v.into_iter().collect::<WordSet<String>>();
        let sf = file(data, "adjective_suffixes.txt")?;
        sf.unique_by(|e| [e.fields().next().unwrap_or("").to_owned()])?;
        let adjective_suffixes = sf
            .entries()
            .iter()
            .map(|e| {
                let f: Vec<&str> = e.fields().collect();
                match f[..] {
                    [s, n] => n
                        .parse()
                        .map(|n| (s.to_lowercase(), n))
                        .map_err(|_| e.malformed("the least length is a number")),
                    _ => Err(e.malformed("an ending and a least length")),
                }
            })
            .collect::<Result<_, _>>()?;
        let mut lex = Lexicon {
            titles,
            title_genders,
            title_max_words,
            org_words: set(words(data, "org_words.txt", lower)?),
            town_words: set(words(data, "town_words.txt", lower)?),
            orgs: set(phrases(data, "orgs.txt", same)?),
            places: set(phrases(data, "places.txt", same)?),
            first_names,
            common: set(words(data, "common.txt", lower)?),
            non_person: set(words(data, "non_person.txt", lower)?),
            modifiers: set(words(data, "modifiers.txt", lower)?),
            people: set(phrases(data, "people.txt", same)?),
            family_first: set(words(data, "family_first.txt", same)?),
            splitters: WordSet::default(),
            title_first: WordSet::default(),
            particles: words(data, "particles.txt", lower)?,
            person_verbs: words(data, "person_verbs.txt", lower)?,
            past_verbs: words(data, "past_verbs.txt", lower)?,
            org_modifiers: words(data, "org_modifiers.txt", lower)?,
            nominal_heads: words(data, "nominal_heads.txt", lower)?,
            adjective_suffixes,
            table: WordTable::empty(),
        };
        for h in &lex.nominal_heads {
            if h.len() >= 32 || !h.as_bytes()[0].is_ascii_lowercase() {
                let e = file(data, "nominal_heads.txt")?
                    .entries()
                    .iter()
                    .find(|e| e.text().to_lowercase() == *h)
                    .expect("an entry of the file");
                return Err(e.malformed("a role word opens with a letter a-z, under 32 bytes"));
            }
        }
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
        lex.table = WordTable::new(&lex);
        Ok(lex)
    }

    /// True for a title or role phrase (lower case, periods dropped).
    pub fn is_title(&self, phrase: &str) -> bool {
        self.titles.contains(phrase)
    }

    /// The gender a title implies (lower case, periods dropped): the
    /// gender listed for it, or failing that for its first word
    /// ("lord chancellor" as "lord").
    pub fn title_gender(&self, title: &str) -> Gender {
        if let Some(&g) = self.title_genders.get(title) {
            return g;
        }
        let first = title.split(' ').next().unwrap_or("");
        self.title_genders
            .get(first)
            .copied()
            .unwrap_or(Gender::Unknown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list loads, and the merged lists hold exactly their parts.
    #[test]
    fn lists_load() {
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
        assert_eq!(l.title_gender("mrs"), Gender::Female);
        assert_eq!(l.title_gender("lord chancellor"), Gender::Male);
        assert_eq!(l.title_gender("vice president"), Gender::Unknown);
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

    /// A title is one line of `titles.txt`: the name after it is found
    /// without the title, with the title's gender.
    #[test]
    fn a_title_is_one_line() {
        let t = "Harbourmistress Quill Averoy waved.";
        let found = |extra: &str| {
            let mut set = DataSet::new();
            for (n, text) in super::super::DATA {
                let text = if *n == "mentions/titles.txt" {
                    format!("{text}\n{extra}\n")
                } else {
                    text.to_string()
                };
                set.add_builtin(n, &text).unwrap();
            }
            let lex = Lexicon::load(&set).unwrap();
            let seg = crate::segment::segment(t);
            super::super::detect(t, &seg, &lex)
                .into_iter()
                .map(|m| (m.text(t).to_owned(), m.gender))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found(""),
            [("Harbourmistress Quill Averoy".to_owned(), Gender::Unknown)]
        );
        assert_eq!(
            found("harbourmistress f"),
            [("Quill Averoy".to_owned(), Gender::Female)]
        );
    }

    /// A word twice in one file is refused with both lines; so is a bad
    /// gender letter.
    #[test]
    fn repeats_and_bad_lines_are_refused() {
        let with = |name: &str, extra: &str| {
            let mut set = DataSet::new();
            for (n, text) in super::super::DATA {
                let text = if *n == name {
                    format!("{text}\n{extra}\n")
                } else {
                    text.to_string()
                };
                set.add_builtin(n, &text).unwrap();
            }
            Lexicon::load(&set).map(|_| ()).unwrap_err().to_string()
        };
        let e = with("mentions/titles.txt", "Vice President.");
        assert!(e.contains("\"vice president\" is already at"), "{e}");
        let e = with("mentions/first_names.txt", "Flynt f");
        assert!(e.contains("\"Flynt\" is already at"), "{e}");
        let e = with("mentions/first_names.txt", "Ozra q");
        assert!(e.contains("gender \"q\""), "{e}");
        let e = with("mentions/common.txt", "Monday");
        assert!(e.contains("\"monday\" is already at"), "{e}");
        let e = with("mentions/common.txt", "good morning");
        assert!(e.contains("one word a line"), "{e}");
    }
}
