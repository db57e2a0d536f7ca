//! Data files: the one format of every word list of every stage.
//!
//! A data file is UTF-8 text with one entry a line. `#` starts a comment
//! and blank lines are skipped; an entry's fields are separated by white
//! space, and what each field means is said in the file's header and
//! decided by the stage that reads it. A header line
//!
//! ```text
//! # Example: Ines Varga recalls that the vote was close. -> recalls
//! ```
//!
//! is an example of the file: a sentence, `->`, and what the stage must
//! find in it (how that is judged is again the stage's business). The
//! examples of every built-in file are run by one test harness
//! (`tests/data_examples.rs`); a user's own files are checked the same way
//! when an extractor is built with them.
//!
//! A [`DataSet`] holds the built-in files of every stage, each named by its
//! stage and file (`attribution/cues.txt`), and a user's additions: a
//! directory holding files of the same names (`DIR/attribution/cues.txt`,
//! or `DIR/cues.txt` where the bare name is unambiguous), whose lines are
//! added to the built-in ones. A user file no stage reads is an error, so
//! a misspelt file name is not silently ignored.
//!
//! ```
//! use actorgraph::words::DataSet;
//!
//! let mut set = DataSet::new();
//! set.add_builtin("demo/verbs.txt", "# Example: Ana says so. -> says\nsay says said\n").unwrap();
//! let verbs = set.get("demo/verbs.txt").unwrap();
//! assert_eq!(verbs.words().map(|(_, w)| w).collect::<Vec<_>>(), ["say", "says", "said"]);
//! assert_eq!(verbs.examples()[0].expect(), "says");
//! // A word twice is reported with both places.
//! let err = verbs.unique_by(|e| e.fields().map(str::to_owned).collect::<Vec<_>>());
//! assert!(err.is_ok());
//! ```

use super::hash::WordMap;
use std::hash::Hash;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What is wrong with a data file. Each variant names the file and line.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    /// The same entry (or key) stands twice.
    #[error("{second}: {key:?} is already at {first}")]
    Duplicate {
        /// The entry or key, as written.
        key: String,
        /// `file:line` of its first place.
        first: String,
        /// `file:line` of the repeat.
        second: String,
    },
    /// A line a stage cannot read.
    #[error("{origin}:{line}: {reason}")]
    Malformed {
        /// The file.
        origin: String,
        /// Its 1-based line.
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// A user's file that no stage reads.
    #[error("{path}: no word list of that name (known lists: {known})")]
    UnknownFile {
        /// The user's file.
        path: PathBuf,
        /// The names a user file may have, comma-separated.
        known: String,
    },
    /// An example of a user's file does not hold.
    #[error("{location}: the example does not hold: {reason}")]
    Example {
        /// `file:line` of the example.
        location: String,
        /// What the stage found instead.
        reason: String,
    },
    /// A file a stage needs is missing from the set.
    #[error("no data file {name:?}")]
    Missing {
        /// The name looked for.
        name: String,
    },
    /// Two built-in files of one name.
    #[error("data file {name:?} added twice")]
    Twice {
        /// The name.
        name: String,
    },
    /// A user's file or directory could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

/// One entry: a line of a data file with its comment removed.
#[derive(Clone, Debug)]
pub struct Entry {
    origin: Arc<str>,
    line: usize,
    text: String,
}

impl Entry {
    /// The entry's text, trimmed, without its comment.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Its fields, split at white space.
    pub fn fields(&self) -> std::str::SplitWhitespace<'_> {
        self.text.split_whitespace()
    }

    /// The 1-based line it stands on.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The file it comes from: a built-in name or a user's path.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// `file:line`, for messages.
    pub fn location(&self) -> String {
        format!("{}:{}", self.origin, self.line)
    }

    /// An error about this entry.
    pub fn malformed(&self, reason: impl Into<String>) -> DataError {
        DataError::Malformed {
            origin: self.origin.to_string(),
            line: self.line,
            reason: reason.into(),
        }
    }
}

/// An example of a data file: `# Example: SENTENCE -> EXPECTED`.
#[derive(Clone, Debug)]
pub struct Example {
    origin: Arc<str>,
    line: usize,
    input: String,
    expect: String,
}

impl Example {
    /// The sentence to analyse.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// What the stage must find in it.
    pub fn expect(&self) -> &str {
        &self.expect
    }

    /// `file:line`, for messages.
    pub fn location(&self) -> String {
        format!("{}:{}", self.origin, self.line)
    }

    /// Whether it comes from a user's file rather than a built-in one.
    pub fn is_user(&self) -> bool {
        !self.origin.starts_with("builtin:")
    }
}

/// A parsed data file: its entries and examples, built-in lines first and
/// then a user's.
#[derive(Clone, Debug)]
pub struct DataFile {
    name: String,
    entries: Vec<Entry>,
    examples: Vec<Example>,
}

const EXAMPLE: &str = "Example:";

impl DataFile {
    /// Parse `text`, the contents of the file called `name`; messages name
    /// it `origin`.
    pub fn parse(name: &str, origin: &str, text: &str) -> Result<DataFile, DataError> {
        let origin: Arc<str> = origin.into();
        let mut entries = Vec::new();
        let mut examples = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let (body, comment) = match raw.split_once('#') {
                Some((b, c)) => (b, Some(c)),
                None => (raw, None),
            };
            if let Some(c) = comment.map(str::trim_start) {
                if let Some(ex) = c.strip_prefix(EXAMPLE) {
                    let Some((input, expect)) = ex.split_once("->") else {
                        return Err(DataError::Malformed {
                            origin: origin.to_string(),
                            line,
                            reason: "an example needs `SENTENCE -> EXPECTED`".into(),
                        });
                    };
                    let (input, expect) = (input.trim(), expect.trim());
                    if input.is_empty() || expect.is_empty() {
                        return Err(DataError::Malformed {
                            origin: origin.to_string(),
                            line,
                            reason: "an example's sentence and expectation cannot be empty".into(),
                        });
                    }
                    examples.push(Example {
                        origin: origin.clone(),
                        line,
                        input: input.to_owned(),
                        expect: expect.to_owned(),
                    });
                }
            }
            let body = body.trim();
            if !body.is_empty() {
                entries.push(Entry {
                    origin: origin.clone(),
                    line,
                    text: body.to_owned(),
                });
            }
        }
        Ok(DataFile {
            name: name.to_owned(),
            entries,
            examples,
        })
    }

    /// The file's name (`attribution/cues.txt`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The entries in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The examples in file order.
    pub fn examples(&self) -> &[Example] {
        &self.examples
    }

    /// Every field of every entry, with its entry.
    pub fn words(&self) -> impl Iterator<Item = (&Entry, &str)> {
        self.entries
            .iter()
            .flat_map(|e| e.fields().map(move |w| (e, w)))
    }

    /// An error unless every key that `keys` gives for the entries is
    /// given once: the error names both places of the first repeat.
    pub fn unique_by<K, I, F>(&self, keys: F) -> Result<(), DataError>
    where
        K: Eq + Hash + std::fmt::Debug,
        I: IntoIterator<Item = K>,
        F: Fn(&Entry) -> I,
    {
        // Looked up only, never iterated: the fast hasher, room made once.
        let mut seen: WordMap<K, &Entry> = WordMap::default();
        seen.reserve(self.entries.len());
        for e in &self.entries {
            for k in keys(e) {
                if let Some(first) = seen.get(&k) {
                    return Err(DataError::Duplicate {
                        key: format!("{k:?}").trim_matches('"').to_owned(),
                        first: first.location(),
                        second: e.location(),
                    });
                }
                seen.insert(k, e);
            }
        }
        Ok(())
    }

    fn extend(&mut self, other: DataFile) {
        self.entries.extend(other.entries);
        self.examples.extend(other.examples);
    }
}

/// The data files of every stage, with any user additions merged in.
#[derive(Clone, Debug, Default)]
pub struct DataSet {
    files: Vec<DataFile>,
}

impl DataSet {
    /// An empty set.
    pub fn new() -> DataSet {
        DataSet::default()
    }

    /// Add a built-in file, `name` being `stage/file.txt`.
    pub fn add_builtin(&mut self, name: &str, text: &str) -> Result<(), DataError> {
        if self.get(name).is_ok() {
            return Err(DataError::Twice { name: name.into() });
        }
        let file = DataFile::parse(name, &format!("builtin:src/{name}"), text)?;
        self.files.push(file);
        self.files.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(())
    }

    /// The file called `name`.
    pub fn get(&self, name: &str) -> Result<&DataFile, DataError> {
        self.files
            .binary_search_by(|f| f.name.as_str().cmp(name))
            .map(|i| &self.files[i])
            .map_err(|_| DataError::Missing { name: name.into() })
    }

    /// Every file, in name order.
    pub fn files(&self) -> &[DataFile] {
        &self.files
    }

    /// Add the lines of a user's file `path`, read as the file `name`.
    pub fn add_user_file(&mut self, name: &str, path: &Path) -> Result<(), DataError> {
        let text = std::fs::read_to_string(path).map_err(|source| DataError::Io {
            path: path.to_owned(),
            source,
        })?;
        let i = self
            .files
            .binary_search_by(|f| f.name.as_str().cmp(name))
            .map_err(|_| self.unknown(path))?;
        let extra = DataFile::parse(name, &path.display().to_string(), &text)?;
        self.files[i].extend(extra);
        Ok(())
    }

    /// Add every `.txt` file under `dir`: `dir/stage/file.txt` adds to
    /// `stage/file.txt`, and `dir/file.txt` to the one built-in file of
    /// that bare name. Files are taken in name order.
    pub fn add_dir(&mut self, dir: &Path) -> Result<(), DataError> {
        let io = |path: &Path| {
            let path = path.to_owned();
            move |source| DataError::Io { path, source }
        };
        let mut found = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(io(dir))? {
            let entry = entry.map_err(io(dir))?;
            let path = entry.path();
            if path.is_dir() {
                let stage = entry.file_name().to_string_lossy().into_owned();
                for inner in std::fs::read_dir(&path).map_err(io(&path))? {
                    let inner = inner.map_err(io(&path))?;
                    let file = inner.file_name().to_string_lossy().into_owned();
                    if file.ends_with(".txt") {
                        found.push((format!("{stage}/{file}"), inner.path()));
                    }
                }
            } else if let Some(file) = path.file_name().map(|f| f.to_string_lossy().into_owned()) {
                if file.ends_with(".txt") {
                    let mut owners = self
                        .files
                        .iter()
                        .filter(|f| f.name.rsplit('/').next() == Some(file.as_str()));
                    match (owners.next(), owners.next()) {
                        (Some(f), None) => found.push((f.name.clone(), path)),
                        _ => return Err(self.unknown(&path)),
                    }
                }
            }
        }
        found.sort();
        for (name, path) in found {
            self.add_user_file(&name, &path)?;
        }
        Ok(())
    }

    /// The examples of a user's files, with the file each belongs to.
    pub fn user_examples(&self) -> impl Iterator<Item = (&DataFile, &Example)> {
        self.files.iter().flat_map(|f| {
            f.examples
                .iter()
                .filter(|e| e.is_user())
                .map(move |e| (f, e))
        })
    }

    fn unknown(&self, path: &Path) -> DataError {
        DataError::UnknownFile {
            path: path.to_owned(),
            known: self
                .files
                .iter()
                .map(|f| f.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set() -> DataSet {
        let mut s = DataSet::new();
        s.add_builtin(
            "attribution/cues.txt",
            "# Reporting verbs.\n# Example: Ana Pell says so. -> says\nsay says said\nwarn warned  # a comment\n\n",
        )
        .unwrap();
        s.add_builtin("mentions/titles.txt", "mr\nminister\n")
            .unwrap();
        s
    }

    #[test]
    fn entries_fields_and_examples_keep_their_lines() {
        let s = set();
        let f = s.get("attribution/cues.txt").unwrap();
        let lines: Vec<(usize, &str)> = f.entries().iter().map(|e| (e.line(), e.text())).collect();
        assert_eq!(lines, [(3, "say says said"), (4, "warn warned")]);
        assert_eq!(f.words().count(), 5);
        let ex = &f.examples()[0];
        assert_eq!((ex.input(), ex.expect()), ("Ana Pell says so.", "says"));
        assert_eq!(ex.location(), "builtin:src/attribution/cues.txt:2");
        assert!(!ex.is_user());
    }

    #[test]
    fn a_repeat_names_both_places() {
        let f = DataFile::parse("x.txt", "x.txt", "say says\nsaid says\n").unwrap();
        let e = f
            .unique_by(|e| e.fields().map(str::to_owned).collect::<Vec<_>>())
            .unwrap_err();
        assert_eq!(e.to_string(), "x.txt:2: \"says\" is already at x.txt:1");
        assert!(f.unique_by(|e| [e.line()]).is_ok());
    }

    #[test]
    fn malformed_examples_and_twice_added_files_are_errors() {
        let e = DataFile::parse("x.txt", "x.txt", "# Example: no arrow here\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.txt:1: an example needs `SENTENCE -> EXPECTED`"
        );
        let e = DataFile::parse("x.txt", "x.txt", "# Example: -> said\n").unwrap_err();
        assert!(e.to_string().starts_with("x.txt:1: "), "{e}");
        let mut s = set();
        let e = s.add_builtin("mentions/titles.txt", "").unwrap_err();
        assert_eq!(
            e.to_string(),
            "data file \"mentions/titles.txt\" added twice"
        );
        assert!(matches!(s.get("nope.txt"), Err(DataError::Missing { .. })));
    }

    #[test]
    fn a_users_directory_adds_lines_by_stage_or_bare_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("attribution")).unwrap();
        std::fs::write(
            dir.path().join("attribution/cues.txt"),
            "# Example: Ana Pell quips that it rained. -> quips\nquip quips quipped\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("titles.txt"), "archdeacon\n").unwrap();
        std::fs::write(dir.path().join("README.md"), "not a list").unwrap();
        let mut s = set();
        s.add_dir(dir.path()).unwrap();
        let cues = s.get("attribution/cues.txt").unwrap();
        assert_eq!(cues.entries().len(), 3);
        assert!(cues.entries()[2].origin().ends_with("cues.txt"));
        assert!(!cues.entries()[2].origin().starts_with("builtin:"));
        let titles: Vec<&str> = s
            .get("mentions/titles.txt")
            .unwrap()
            .words()
            .map(|(_, w)| w)
            .collect();
        assert_eq!(titles, ["mr", "minister", "archdeacon"]);
        let user: Vec<&str> = s.user_examples().map(|(_, e)| e.expect()).collect();
        assert_eq!(user, ["quips"]);
    }

    #[test]
    fn a_users_file_no_stage_reads_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("tittles.txt"), "archdeacon\n").unwrap();
        let e = set().add_dir(dir.path()).unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.contains("tittles.txt: no word list of that name"),
            "{msg}"
        );
        assert!(msg.contains("mentions/titles.txt"), "{msg}");
        let e = set().add_dir(&dir.path().join("missing")).unwrap_err();
        assert!(matches!(e, DataError::Io { .. }), "{e}");
    }
}
