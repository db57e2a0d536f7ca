//! Headlines in title case, where capitals say nothing about names
//! ([`is_headline`], with its plain oracle for tests).

use super::shape::*;
use crate::segment::Token;

/// Does the sentence end as running text does (a period, question or
/// exclamation mark, or a closing quotation mark, or an abbreviation that
/// holds the sentence's period: "... in Washington, D.C.")? A headline
/// does not.
pub(super) fn ends_closed(text: &str, toks: &[Token]) -> bool {
    toks.last().is_some_and(|t| {
        let w = t.text(text);
        matches!(w, "." | "?" | "!" | "\"" | "\u{201d}") || (w.len() > 1 && w.ends_with('.'))
    })
}

/// True for a headline in title case ("Tavi Renn Wins Big in Harbor
/// Race"): most of its longer words capitalised, and no closing period.
/// Capitals there say nothing about names.
pub(super) fn is_headline(text: &str, toks: &[Token]) -> bool {
    if ends_closed(text, toks) {
        return false;
    }
    let (mut long, mut cap) = (0usize, 0usize);
    for (k, t) in toks.iter().enumerate() {
        let Some(w) = word(text, t) else { continue };
        if more_than_three_chars(w) {
            long += 1;
            if is_cap(w) {
                cap += 1;
            } else if 3 * (long - cap) > cap + (toks.len() - 1 - k) {
                // `cap * 4 >= long * 3` asks for three capitalised long
                // words to each other one: even if every token left were
                // one, there are too few.
                return false;
            }
        }
    }
    long >= 3 && cap * 4 >= long * 3
}

/// A headline on the document's first line that ends with a period ("Tavi Renn
/// Wins Big in Harbor Race Again."): stricter than [`is_headline`], as a
/// short sentence of names looks the same: six longer words or more, all
/// capitalised but one at most.
pub(super) fn is_headline_line(text: &str, toks: &[Token]) -> bool {
    if toks.last().is_none_or(|t| t.text(text) != ".") {
        return false;
    }
    let (mut long, mut cap) = (0usize, 0usize);
    for w in toks.iter().filter_map(|t| word(text, t)) {
        if more_than_three_chars(w) {
            long += 1;
            cap += is_cap(w) as usize;
        }
    }
    long >= 6 && cap + 1 >= long
}

/// [`is_headline`] as first written: the oracle of its early exit.
#[cfg(test)]
pub(super) fn is_headline_slow(text: &str, toks: &[Token]) -> bool {
    if ends_closed(text, toks) {
        return false;
    }
    let (mut long, mut cap) = (0usize, 0usize);
    for w in toks.iter().filter_map(|t| word(text, t)) {
        if w.chars().count() > 3 {
            long += 1;
            if is_cap(w) {
                cap += 1;
            }
        }
    }
    long >= 3 && cap * 4 >= long * 3
}
