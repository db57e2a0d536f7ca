//! The evidence tests rule code asks about a run's surroundings: a verb
//! after it, an organization word ending it, a place opening it, a
//! pronoun later in the sentence.

use super::closed::{FOR, OF};
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

/// True when the last word of the run `s..e` is an organization word, or
/// one heads it before "of" or "for" ("National Council for Law").
pub(super) fn ends_org(cx: &Cx, s: usize, e: usize) -> bool {
    (s..e)
        .rev()
        .find(|&k| cx.toks[k].kind == TokenKind::Word)
        .is_some_and(|k| cx.info(k).org_word())
        || (s + 1..e)
            .any(|k| matches!(cx.toks[k].text(cx.text), OF | FOR) && cx.info(k - 1).org_word())
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
        // A pronoun right after is an object ("Declares himself
        // emperor"): the capital is a verb opening the sentence.
        !f.is_cap() && !f.common() && !f.pronoun()
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

/// A year as a reference list writes it: four digits from 1500 to 2099,
/// with an optional letter ("2014a").
pub(super) fn is_year(w: &str) -> bool {
    let b = w.as_bytes();
    let digits = match b.len() {
        4 => b,
        5 if b[4].is_ascii_lowercase() => &b[..4],
        _ => return false,
    };
    digits.iter().all(u8::is_ascii_digit)
        && std::str::from_utf8(digits)
            .ok()
            .and_then(|d| d.parse::<u16>().ok())
            .is_some_and(|y| (1500..=2099).contains(&y))
}

/// True when the run before token `after`, which starts at token `start`,
/// is an author cited in the academic way, the citation being the
/// evidence that the capitalised word is a person's name:
///
/// * a year in brackets after it: "Quilis (1964)", "Navarro's (2016)";
/// * "et al." after it: "Makel et al., 2014";
/// * inside brackets, in a list of authors ending in a year before a
///   closing bracket, a semicolon or "p.": "(Li, Polat, & Bavelier,
///   2010; ...)", "(Brieber 2014; ...)";
/// * outside brackets, a pair ending in a year: "Polio and Gass 1997".
pub(super) fn cited(cx: &Cx, start: usize, after: usize) -> bool {
    let text = |k: usize| cx.toks.get(k).map(|t| t.text(cx.text));
    let mut k = after;
    // A possessive ending written as its own token.
    if matches!(text(k), Some("'s" | "’s" | "'" | "’")) {
        k += 1;
    }
    if text(k) == Some("(") && text(k + 1).is_some_and(is_year) {
        // Not a work and its year: "The Lookout (2007)", a list of films
        // "Stoker (2013), Belle (2013)", a caption "Hydrodynamica (1738)".
        let work = start > 0
            && cx
                .word(start - 1)
                .is_some_and(|w| matches!(w, "The" | "the" | "A" | "a" | "An" | "an"));
        return !work
            && match text(k + 2) {
                Some(")") => cx.word(k + 3).is_some() && !cx.info(k + 3).is_cap(),
                Some("," | ";" | ":") => true,
                _ => false,
            };
    }
    if text(k) == Some("et") && matches!(text(k + 1), Some("al" | "al.")) {
        return true;
    }
    // Inside brackets: read only once a year is found after the run.
    let bracketed = || {
        let mut depth = 0i32;
        for t in &cx.toks[..start] {
            match t.text(cx.text) {
                "(" | "[" => depth += 1,
                ")" | "]" => depth -= 1,
                _ => {}
            }
        }
        depth > 0
    };
    // The authors' list after the run, up to its year.
    let mut names = 0;
    let mut joined = false;
    for j in k..cx.toks.len().min(k + 24) {
        let Some(w) = text(j) else {
            return false;
        };
        if is_year(w) {
            let closes = text(j + 1).is_none_or(|n| matches!(n, ")" | ";" | "," | ":" | "]"));
            return if bracketed() {
                closes
            } else {
                // "Polio and Gass 1997": a pair joined by "and" or "&".
                (joined && names == 1 && j == k + 2) || (j == k && joined_before(cx, start))
            };
        }
        match w {
            "," | "." => {}
            "&" | "and" => joined = true,
            _ if cx.word(j).is_some() && cx.info(j).is_cap() && !cx.info(j).common() => names += 1,
            _ => return false,
        }
    }
    false
}

/// "and" or "&" before token `start`, a capitalised word before that.
fn joined_before(cx: &Cx, start: usize) -> bool {
    start >= 2
        && matches!(cx.toks[start - 1].text(cx.text), "and" | "&")
        && cx.word(start - 2).is_some()
        && cx.info(start - 2).is_cap()
}

/// An ordinal such as "2nd" or "14th".
fn is_ordinal(w: &str) -> bool {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&w[digits..], "st" | "nd" | "rd" | "th")
}

/// A rank of nobility, not a name: "2nd Earl of Clare" holds no person
/// called Earl nor one called Clare (the run `start..after` being either).
pub(super) fn nobility(cx: &Cx, start: usize, after: usize) -> bool {
    let text = |k: usize| cx.toks.get(k).map(|t| t.text(cx.text));
    let ordinal_before = |k: usize| k >= 1 && text(k - 1).is_some_and(is_ordinal);
    (text(after) == Some("of") && ordinal_before(start))
        || (start >= 3 && text(start - 1) == Some("of") && ordinal_before(start - 2))
}
