//! The evidence tests rule code asks about a run's surroundings: a verb
//! after it, an organization word ending it, a place opening it, a
//! pronoun later in the sentence.

use super::sentence::Cx;
use super::Gender;
use crate::segment::{Token, TokenKind};

/// True when token `at` is a past-tense verb: a lower-case word ending in
/// "-ed" or an irregular form.
pub(super) fn past_verb_at(cx: &Cx, at: usize) -> bool {
    let Some(w) = cx.word(at) else {
        return false;
    };
    let f = cx.info(at);
    // `common` and `past_verbs.txt` hold lower-case words: the word matches
    // one only when it is in lower case itself.
    if f.is_cap() || (f.common() && f.is_lower()) {
        return false;
    }
    (w.len() > 4 && w.ends_with("ed")) || (f.past_verb() && f.is_lower())
}

/// True when the last word of the run `s..e` is an organization word.
pub(super) fn ends_org(cx: &Cx, s: usize, e: usize) -> bool {
    (s..e)
        .rev()
        .find(|&k| cx.toks[k].kind == TokenKind::Word)
        .is_some_and(|k| cx.info(k).org_word())
}

/// True when the run's first two words name a place ("New York ...").
pub(super) fn starts_place(cx: &Cx, run: &[Token]) -> bool {
    run.len() >= 2 && {
        let two = &cx.text[run[0].span.start..run[1].span.end];
        cx.table.places.may_hold(two) && cx.lex.places.contains(two)
    }
}

/// True when only punctuation comes before token `start` in its sentence.
#[inline]
pub(super) fn opens_sentence(cx: &Cx, start: usize) -> bool {
    cx.toks[..start].iter().all(|t| t.kind == TokenKind::Punct)
}

/// After a single unknown word, a personal pronoun later in the sentence
/// with no other capitalised word between ("Tavi received his ...") says it
/// is a person; returns the pronoun's gender.
pub(super) fn pronoun_follows(cx: &Cx, start: usize, from: usize) -> Option<Gender> {
    let toks = cx.toks;
    // Only the subject opening the sentence, with a verb after it.
    if !opens_sentence(cx, start) {
        return None;
    }
    let verb = cx.word(from).is_some() && {
        let f = cx.info(from);
        !f.is_cap() && !f.common()
    };
    if !verb {
        return None;
    }
    for k in (from..toks.len()).take(12) {
        if cx.word(k).is_none() {
            continue;
        }
        let f = cx.info(k);
        if f.pronoun() {
            return Some(f.pron);
        }
        if f.is_cap() && !f.common() {
            return None;
        }
    }
    None
}
