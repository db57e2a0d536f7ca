//! How an example line of a resolver data file is judged.

use super::Resolution;
use crate::mentions::Mention;
use crate::words::Example;

/// Judge `example` of the resolver file `file`, given the mentions and
/// resolution of its sentence (`example.input()`).
///
/// Every resolver file's examples expect `MENTION = ACTOR`: the first
/// mention whose text is `MENTION` resolves to the actor with id `ACTOR`,
/// or to none when `ACTOR` is `-`.
pub fn check_example(
    file: &str,
    example: &Example,
    mentions: &[Mention],
    resolution: &Resolution,
) -> Result<(), String> {
    let text = example.input();
    let at = example.location();
    let Some((mention, actor)) = example.expect().split_once('=') else {
        return Err(format!(
            "{at}: {file} examples expect `MENTION = ACTOR` (or `MENTION = -`)"
        ));
    };
    let (mention, actor) = (mention.trim(), actor.trim());
    let want = (actor != "-").then_some(actor);
    let Some(i) = mentions.iter().position(|m| m.text(text) == mention) else {
        let found: Vec<&str> = mentions.iter().map(|m| m.text(text)).collect();
        return Err(format!(
            "{at}: no mention {mention:?} in {text:?} (mentions: {found:?})"
        ));
    };
    let got = resolution.actor_of(i).map(|a| a.id.as_str());
    if got == want {
        Ok(())
    } else {
        Err(format!(
            "{at}: {mention:?} resolves to {} in {text:?}, expected {}",
            got.map_or("no actor".into(), |g| format!("{g:?}")),
            want.map_or("no actor".into(), |w| format!("{w:?}")),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions::detect;
    use crate::resolve::{resolve, AliasTable, Lexicon, DATA};
    use crate::segment::segment;
    use crate::words::DataSet;

    /// Every example of `set`'s resolver files, judged on the real stages.
    fn judge(set: &DataSet, flip: bool) -> Vec<Result<(), String>> {
        judge_only(set, flip, None)
    }

    /// [`judge`], of one file's examples only when `only` names it.
    fn judge_only(set: &DataSet, flip: bool, only: Option<&str>) -> Vec<Result<(), String>> {
        let lexicon = Lexicon::load(set).unwrap();
        let mention_lexicon = crate::mentions::Lexicon::builtin();
        let mut out = Vec::new();
        for (name, _) in DATA {
            if only.is_some_and(|o| o != *name) {
                continue;
            }
            let file = set.get(name).unwrap();
            assert!(!file.examples().is_empty(), "{name} has no example");
            for ex in file.examples() {
                let t = ex.input();
                let seg = segment(t);
                let ms = detect(t, &seg, &crate::mentions::Lexicon::builtin());
                let r = resolve(
                    t,
                    &seg,
                    &ms,
                    &AliasTable::default(),
                    &mention_lexicon,
                    &lexicon,
                );
                let ex = if flip {
                    // The same example expecting another outcome.
                    let (m, a) = ex.expect().split_once('=').unwrap();
                    let other = if a.trim() == "-" { "Nobody Else" } else { "-" };
                    let line = format!("# Example: {t} -> {} = {other}\n", m.trim());
                    crate::words::DataFile::parse(name, name, &line)
                        .unwrap()
                        .examples()[0]
                        .clone()
                } else {
                    ex.clone()
                };
                out.push(check_example(name, &ex, &ms, &r));
            }
        }
        out
    }

    fn builtin() -> DataSet {
        let mut set = DataSet::new();
        for (name, text) in DATA {
            set.add_builtin(name, text).unwrap();
        }
        set
    }

    #[test]
    fn every_builtin_example_holds() {
        let results = judge(&builtin(), false);
        assert!(!results.is_empty());
        for r in results {
            r.unwrap();
        }
    }

    #[test]
    fn a_wrong_expectation_fails() {
        for r in judge(&builtin(), true) {
            assert!(r.is_err());
        }
    }

    /// Without its qualifier, the example's other office is the office.
    #[test]
    fn the_examples_need_their_words() {
        let mut set = DataSet::new();
        for (name, text) in &DATA[1..] {
            set.add_builtin(name, text).unwrap();
        }
        set.add_builtin(
            DATA[0].0,
            &DATA[0]
                .1
                .replace("\ndeputy\n", "\n")
                .replace("\nlieutenant\n", "\n"),
        )
        .unwrap();
        let results = judge_only(&set, false, Some(DATA[0].0));
        assert!(results.iter().all(Result::is_err), "{results:?}");
    }

    /// Without its words, each other file's examples fail: they test the
    /// list, not something else.
    #[test]
    fn every_list_is_needed_by_its_examples() {
        for (k, (name, text)) in DATA.iter().enumerate().skip(1) {
            let mut set = DataSet::new();
            for (j, (other, t)) in DATA.iter().enumerate() {
                if j != k {
                    set.add_builtin(other, t).unwrap();
                }
            }
            let comments: String = text
                .lines()
                .filter(|l| l.starts_with('#'))
                .map(|l| format!("{l}\n"))
                .collect();
            set.add_builtin(name, &comments).unwrap();
            let results = judge_only(&set, false, Some(name));
            assert!(!results.is_empty(), "{name}");
            assert!(results.iter().all(Result::is_err), "{name}: {results:?}");
        }
    }
}
