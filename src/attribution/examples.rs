//! How the examples of the stage's data files are judged.
//!
//! An example line `# Example: SENTENCE -> EXPECTED` of an attribution
//! file holds when the attributions found in SENTENCE match EXPECTED:
//!
//! - `CUE`: an attribution whose cue reads CUE (its spans joined by a
//!   space), or whose speaker holds the word CUE (`sources.txt`:
//!   `Two officials said ... -> officials`);
//! - `RULE CUE`: an attribution with that cue built by the rule named
//!   ([`Rule`]'s spelling);
//! - `not RULE CUE` / `not CUE`: no such attribution.
//!
//! In `blocked.txt` every example is `RULE FORM` and says the opposite:
//! the rule does not fire on that form.

use super::{Attribution, Rule};
use crate::words::Example;

/// Whether `example`, an example line of the attribution file `file`
/// (`attribution/cues.txt`), holds for `found`, the attributions of its
/// sentence: `Err` says what was found instead.
pub fn check_example(file: &str, example: &Example, found: &[Attribution]) -> Result<(), String> {
    let text = example.input();
    let mut want = example.expect();
    let mut negated = file.ends_with("blocked.txt");
    if let Some(rest) = want.strip_prefix("not ") {
        negated = !negated;
        want = rest.trim_start();
    }
    let (rule, cue) = match want.split_once(' ') {
        Some((r, c)) if r.parse::<Rule>().is_ok() => (r.parse::<Rule>().ok(), c.trim()),
        _ => (None, want),
    };
    if rule.is_none() && file.ends_with("blocked.txt") {
        return Err(format!("{}: `RULE FORM` expected", example.location()));
    }
    let cue_of = |a: &Attribution| {
        a.cue
            .iter()
            .map(|c| c.slice(text))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let matches = |a: &Attribution| match rule {
        Some(r) => a.rule == r && cue_of(a) == cue,
        None => {
            cue_of(a) == cue
                || a.speaker
                    .as_ref()
                    .is_some_and(|s| s.span.slice(text).split_whitespace().any(|w| w == cue))
        }
    };
    let hit = found.iter().any(matches);
    if hit != negated {
        return Ok(());
    }
    let seen: Vec<String> = found
        .iter()
        .map(|a| format!("{} {:?}", a.rule, cue_of(a)))
        .collect();
    Err(format!(
        "{}: {text:?} should {}give {want:?}; found [{}]",
        example.location(),
        if negated { "not " } else { "" },
        seen.join(", ")
    ))
}
