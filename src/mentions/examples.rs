//! How the `# Example: SENTENCE -> EXPECTED` lines of the stage's data
//! files are judged ([`check_example`]). EXPECTED is one of
//!
//! * `person NAME`: a person is named NAME, and not weakly (a known given
//!   name, title, one-name figure or cue vouches for it); in `titles.txt`
//!   the name must also come after a title;
//! * `organization NAME`: an organization is named NAME;
//! * `nominal ROLE`: a role after "the" refers back to a person;
//! * `verb after NAME`: the mention NAME is followed by a past-tense verb;
//! * `no person`: no person is named, but weakly;
//! * `no name WORD`: no name holds the word WORD.

use super::{ActorKind, Mention, Via};
use crate::words::Example;

/// Judge `example` of the data file `file` (`mentions/titles.txt`) by the
/// mentions found in its sentence `text`: `Ok` when they hold what it
/// expects, else a message naming the example's place.
pub fn check_example(
    file: &str,
    example: &Example,
    text: &str,
    mentions: &[Mention],
) -> Result<(), String> {
    let want = example.expect();
    let named = |m: &&Mention| m.via == Via::Name;
    let ok = if let Some(name) = want.strip_prefix("person ") {
        mentions.iter().filter(named).any(|m| {
            m.kind == ActorKind::Person
                && !m.weak
                && m.text(text) == name
                && (!file.ends_with("/titles.txt") || m.title.is_some())
        })
    } else if let Some(name) = want.strip_prefix("organization ") {
        mentions
            .iter()
            .filter(named)
            .any(|m| m.kind == ActorKind::Organization && m.text(text) == name)
    } else if let Some(role) = want.strip_prefix("nominal ") {
        mentions
            .iter()
            .any(|m| m.via == Via::Nominal && m.text(text) == role)
    } else if let Some(name) = want.strip_prefix("verb after ") {
        mentions
            .iter()
            .filter(named)
            .any(|m| m.verb_after && m.text(text) == name)
    } else if want == "no person" {
        !mentions
            .iter()
            .filter(named)
            .any(|m| m.kind == ActorKind::Person && !m.weak)
    } else if let Some(word) = want.strip_prefix("no name ") {
        !mentions
            .iter()
            .filter(named)
            .any(|m| m.text(text).split_whitespace().any(|w| w == word))
    } else {
        return Err(format!(
            "{}: cannot read {want:?}: expected `person NAME`, `organization NAME`, \
             `nominal ROLE`, `verb after NAME`, `no person` or `no name WORD`",
            example.location()
        ));
    };
    if ok {
        return Ok(());
    }
    let found: Vec<String> = mentions
        .iter()
        .map(|m| {
            format!(
                "{} {:?}{}",
                m.kind.as_str(),
                m.text(text),
                if m.weak { " (weak)" } else { "" }
            )
        })
        .collect();
    Err(format!(
        "{}: {:?} -> {want}: found {}",
        example.location(),
        example.input(),
        if found.is_empty() {
            "nothing".to_owned()
        } else {
            found.join(", ")
        }
    ))
}

#[cfg(test)]
mod tests {
    use super::super::{detect, Lexicon, DATA};
    use super::*;
    use crate::segment::segment;
    use crate::words::DataSet;

    /// Every example of every built-in file holds, and every file has one.
    #[test]
    fn every_example_holds() {
        let lex = Lexicon::builtin();
        let mut set = DataSet::new();
        for (name, text) in DATA {
            set.add_builtin(name, text).unwrap();
        }
        let mut failures = Vec::new();
        for f in set.files() {
            assert!(!f.examples().is_empty(), "{} has no example", f.name());
            for ex in f.examples() {
                let t = ex.input();
                let ms = detect(t, &segment(t), &lex);
                if let Err(e) = check_example(f.name(), ex, t, &ms) {
                    failures.push(e);
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// Each file's examples show what its entries do: with the file
    /// emptied of entries (its comments kept), one of them fails.
    #[test]
    fn examples_need_their_file() {
        for (name, _) in DATA {
            let mut set = DataSet::new();
            for (n, text) in DATA {
                let text = if n == name {
                    text.lines()
                        .filter(|l| l.trim_start().starts_with('#'))
                        .collect::<Vec<_>>()
                        .join("\n")
                } else {
                    text.to_string()
                };
                set.add_builtin(n, &text).unwrap();
            }
            let lex = Lexicon::load(&set).unwrap();
            let f = set.get(name).unwrap();
            let fails = f.examples().iter().any(|ex| {
                let t = ex.input();
                check_example(f.name(), ex, t, &detect(t, &segment(t), &lex)).is_err()
            });
            assert!(fails, "{name}: its examples hold without its entries");
        }
    }

    /// An example that does not hold, or cannot be read, says so.
    #[test]
    fn a_wrong_example_is_reported() {
        let lex = Lexicon::builtin();
        let ex = |line: &str| {
            let f = crate::words::DataFile::parse("mentions/titles.txt", "t.txt", line).unwrap();
            f.examples()[0].clone()
        };
        let t = "Tavi Renn waved.";
        let ms = detect(t, &segment(t), &lex);
        let e = check_example(
            "mentions/orgs.txt",
            &ex(&format!("# Example: {t} -> organization Tavi Renn")),
            t,
            &ms,
        )
        .unwrap_err();
        assert!(
            e.contains("t.txt:1") && e.contains("person \"Tavi Renn\""),
            "{e}"
        );
        // In titles.txt a person needs a title.
        let e = check_example(
            "mentions/titles.txt",
            &ex(&format!("# Example: {t} -> person Tavi Renn")),
            t,
            &ms,
        );
        assert!(e.is_err());
        let e = check_example(
            "mentions/orgs.txt",
            &ex(&format!("# Example: {t} -> somebody")),
            t,
            &ms,
        )
        .unwrap_err();
        assert!(e.contains("cannot read"), "{e}");
    }
}
