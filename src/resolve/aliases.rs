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
    #[serde(default, alias = "actors")]
    actor: Vec<AliasEntry>,
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
        let entries = if json {
            let parsed = if t.starts_with('[') {
                serde_json::from_str::<Vec<AliasEntry>>(text)
            } else {
                serde_json::from_str::<AliasFile>(text).map(|f| f.actor)
            };
            parsed.map_err(|e| bad(e.line(), e.to_string()))?
        } else {
            match toml::from_str::<AliasFile>(text) {
                Ok(f) => f.actor,
                Err(e) => {
                    let line = e.span().map_or(0, |s| {
                        text[..s.start.min(text.len())].matches('\n').count() + 1
                    });
                    return Err(bad(line, e.message().to_owned()));
                }
            }
        };
        for e in &entries {
            if e.name.trim().is_empty() {
                return Err(bad(0, "an entry has an empty name".into()));
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
