//! The user's alias file: canonical names, their aliases, kinds, and names
//! to ignore. It overrides what the resolver finds.
//!
//! TOML:
//!
//! ```toml
//! [[actor]]
//! name = "Dick Cheney"
//! aliases = ["Richard Cheney", "Cheney"]
//! kind = "person"
//!
//! [[actor]]
//! name = "Green Movement"
//! ignore = true
//! ```
//!
//! JSON: `{"actor": [{"name": ..., "aliases": [...], "kind": ..., "ignore": ...}]}`
//! or the bare list.
//!
//! Every name (canonical or alias) answers to one entry: a name repeated
//! in two entries, an alias shared by two entries, or an alias that is
//! another entry's name (`A` with `aliases = ["B"]` beside an entry `B`)
//! is an error naming both lines, as is a table or key the file does not
//! know (`[[actors]]`).

use crate::error::{Error, Result};
use crate::mentions::ActorKind;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

/// One entry of the alias file.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AliasEntry {
    /// The canonical name: the node id the actor gets.
    pub name: String,
    /// Other names of the same actor.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Its kind, when the detector gets it wrong.
    #[serde(default)]
    pub kind: Option<ActorKind>,
    /// Drop this actor (and its aliases) altogether.
    #[serde(default)]
    pub ignore: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AliasFile {
    #[serde(default)]
    actor: Vec<AliasEntry>,
}

/// [`AliasEntry`] as read from TOML, with where each name stands.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlEntry {
    name: toml::Spanned<String>,
    #[serde(default)]
    aliases: Vec<toml::Spanned<String>>,
    #[serde(default)]
    kind: Option<ActorKind>,
    #[serde(default)]
    ignore: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlFile {
    #[serde(default)]
    actor: Vec<TomlEntry>,
}

/// The line (from 1) of byte `at` of `text`.
fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The lines of the `"name"` keys of a JSON alias file, in order: entry
/// `i`'s name is the `i`-th (each entry has exactly one).
fn json_name_lines(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut lines = Vec::new();
    let mut in_string = false;
    let mut k = 0;
    while k < b.len() {
        match b[k] {
            b'\\' if in_string => k += 1,
            b'"' if !in_string && b[k..].starts_with(b"\"name\"") => {
                let after = text[k + 6..].trim_start();
                if after.starts_with(':') {
                    lines.push(line_of(text, k));
                }
                k += 5;
            }
            b'"' => in_string = !in_string,
            _ => {}
        }
        k += 1;
    }
    lines
}

/// Alias entries indexed by every name they answer to (case-blind).
#[derive(Clone, Debug, Default)]
pub struct AliasTable {
    entries: Vec<AliasEntry>,
    by_name: HashMap<String, usize>,
}

impl AliasTable {
    /// A table from entries. Later entries win where names collide.
    pub fn new(entries: Vec<AliasEntry>) -> AliasTable {
        let mut by_name = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                by_name.insert(n.trim().to_lowercase(), i);
            }
        }
        AliasTable { entries, by_name }
    }

    /// Read an alias file: JSON when it ends in `.json` (or, with another
    /// extension, looks like JSON), TOML otherwise. Errors give the line and the reason.
    pub fn from_path(path: &Path) -> Result<AliasTable> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.into(),
            source,
        })?;
        Self::parse(&text, path)
    }

    /// Parse alias file text; `path` names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<AliasTable> {
        let t = text.trim_start();
        let json = match path.extension().and_then(|e| e.to_str()) {
            Some("json") => true,
            Some("toml") => false,
            _ => {
                t.starts_with('{')
                    || (t.starts_with('[') && t[1..].trim_start().starts_with(['{', ']']))
            }
        };
        let bad = |line: usize, reason: String| Error::Aliases {
            path: path.into(),
            line,
            reason,
        };
        // Each entry with the line of its name and of each alias.
        let (entries, lines): (Vec<AliasEntry>, Vec<(usize, Vec<usize>)>) = if json {
            let parsed = if t.starts_with('[') {
                serde_json::from_str::<Vec<AliasEntry>>(text)
            } else {
                serde_json::from_str::<AliasFile>(text).map(|f| f.actor)
            };
            let entries = parsed.map_err(|e| bad(e.line(), e.to_string()))?;
            let names = json_name_lines(text);
            let lines = (0..entries.len())
                .map(|i| {
                    let l = names.get(i).copied().unwrap_or(0);
                    (l, vec![l; entries[i].aliases.len()])
                })
                .collect();
            (entries, lines)
        } else {
            match toml::from_str::<TomlFile>(text) {
                Ok(f) => f
                    .actor
                    .into_iter()
                    .map(|e| {
                        let lines = (
                            line_of(text, e.name.span().start),
                            e.aliases
                                .iter()
                                .map(|a| line_of(text, a.span().start))
                                .collect(),
                        );
                        let entry = AliasEntry {
                            name: e.name.into_inner(),
                            aliases: e.aliases.into_iter().map(|a| a.into_inner()).collect(),
                            kind: e.kind,
                            ignore: e.ignore,
                        };
                        (entry, lines)
                    })
                    .unzip(),
                Err(e) => {
                    let line = e.span().map_or(0, |s| line_of(text, s.start));
                    return Err(bad(line, e.message().trim().to_owned()));
                }
            }
        };
        for (e, (line, _)) in entries.iter().zip(&lines) {
            if e.name.trim().is_empty() {
                return Err(bad(*line, "an entry has an empty name".into()));
            }
        }
        // Every name answers to one entry.
        let mut owner: HashMap<String, (usize, bool, usize)> = HashMap::new();
        for (i, (e, (name_line, alias_lines))) in entries.iter().zip(&lines).enumerate() {
            let names = std::iter::once((&e.name, true, *name_line)).chain(
                e.aliases
                    .iter()
                    .zip(alias_lines)
                    .map(|(a, &l)| (a, false, l)),
            );
            for (n, is_name, line) in names {
                let key = n.trim().to_lowercase();
                match owner.get(&key) {
                    Some(&(j, _, _)) if j == i => {}
                    Some(&(j, was_name, was_line)) => {
                        let what = |name: bool, entry: &AliasEntry| {
                            if name {
                                "the name of an entry".to_owned()
                            } else {
                                format!("an alias of {:?}", entry.name)
                            }
                        };
                        let why = if was_name && is_name {
                            format!("{:?} is named twice (also on line {was_line})", e.name)
                        } else {
                            format!(
                                "{n:?} is {} here and {} on line {was_line}: a name must \
                                 answer to one actor",
                                what(is_name, e),
                                what(was_name, &entries[j])
                            )
                        };
                        return Err(bad(line, why));
                    }
                    None => {
                        owner.insert(key, (i, is_name, line));
                    }
                }
            }
        }
        Ok(AliasTable::new(entries))
    }

    /// The entry a name answers to.
    pub fn lookup(&self, name: &str) -> Option<&AliasEntry> {
        self.by_name
            .get(&name.trim().to_lowercase())
            .map(|&i| &self.entries[i])
    }

    /// True when the table has no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_and_json_agree() {
        let t = "[[actor]]\nname = \"Dick Cheney\"\naliases = [\"Cheney\"]\nkind = \"person\"\n\n[[actor]]\nname = \"Acme\"\nignore = true\n";
        let j = r#"[{"name": "Dick Cheney", "aliases": ["Cheney"], "kind": "person"}, {"name": "Acme", "ignore": true}]"#;
        for table in [
            AliasTable::parse(t, Path::new("a.toml")).unwrap(),
            AliasTable::parse(j, Path::new("a.json")).unwrap(),
        ] {
            assert_eq!(table.lookup("cheney").unwrap().name, "Dick Cheney");
            assert!(table.lookup("ACME").unwrap().ignore);
            assert!(table.lookup("Powell").is_none());
        }
    }

    /// Conflicting names are errors naming both lines; an unknown table
    /// is refused with its line.
    #[test]
    fn conflicts_name_both_lines() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "[[actor]]\nname = \"Ines Varga\"\naliases = [\"Paulo Brandt\"]\n\n[[actor]]\nname = \"Paulo Brandt\"\naliases = [\"Ines Varga\"]\n",
                "a.toml",
                "a.toml:6: \"Paulo Brandt\" is the name of an entry here and an alias of \"Ines Varga\" on line 3: a name must answer to one actor",
            ),
            (
                "[[actor]]\nname = \"Ines Varga\"\naliases = [\"Varga\"]\n[[actor]]\nname = \"Dana Varga\"\naliases = [\"varga\"]\n",
                "a.toml",
                "a.toml:6: \"varga\" is an alias of \"Dana Varga\" here and an alias of \"Ines Varga\" on line 3: a name must answer to one actor",
            ),
            (
                "[[actor]]\nname = \"Ines Varga\"\n[[actor]]\nname = \"Tavi Renn\"\n[[actor]]\nname = \"Ines Varga\"\nkind = \"person\"\n",
                "a.toml",
                "a.toml:6: \"Ines Varga\" is named twice (also on line 2)",
            ),
            (
                "[[actors]]\nname = \"Ines Varga\"\n",
                "a.toml",
                "a.toml:1: unknown field `actors`, expected `actor`",
            ),
            (
                "[\n {\"name\": \"Ines Varga\", \"aliases\": [\"I. Varga\"]},\n {\"name\": \"I. Varga\"}\n]",
                "a.json",
                "a.json:3: \"I. Varga\" is the name of an entry here and an alias of \"Ines Varga\" on line 2: a name must answer to one actor",
            ),
        ];
        for (text, file, want) in cases {
            let got = AliasTable::parse(text, Path::new(file))
                .unwrap_err()
                .to_string();
            assert_eq!(&got, want);
        }
        // An entry may repeat its own name among its aliases.
        let t =
            "[[actor]]\nname = \"Ines Varga\"\naliases = [\"ines varga\", \"Varga\", \"Varga\"]\n";
        assert!(AliasTable::parse(t, Path::new("a.toml")).is_ok());
    }

    #[test]
    fn errors_name_file_and_line() {
        let t = "[[actor]]\nname = \"X\"\nalias = [\"Y\"]\n";
        let e = AliasTable::parse(t, Path::new("my.toml"))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("my.toml:"), "{e}");
        assert!(e.contains("alias"), "{e}");
        let e = AliasTable::parse("{\"actor\": [ {\"name\": 3} ]}", Path::new("a.json"))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("a.json:1:"), "{e}");
    }
}
