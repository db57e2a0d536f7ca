//! Titles and roles before a name ("Vice President", "Lt. Col."): the
//! longest title phrase at a token ([`title_at`]).

use super::sentence::Cx;
use super::shape::*;
use super::table::{TITLE_PHRASE, TITLE_PREFIX};
use crate::segment::TokenKind;

/// Push `w` in lower case without periods, as titles are kept.
pub(super) fn push_title_word(phrase: &mut String, w: &str) {
    if !w.contains('.') {
        phrase.push_str(&w.lower());
    } else if w.is_ascii() {
        phrase.extend(
            w.bytes()
                .filter(|&b| b != b'.')
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
    } else {
        phrase.push_str(&w.to_lowercase().replace('.', ""));
    }
}

/// Length in tokens of the longest title starting at `i` (periods after
/// abbreviations included), and its normalized phrase.
pub(super) fn title_at(cx: &Cx, i: usize) -> Option<(usize, String)> {
    let (text, toks, lex) = (cx.text, cx.toks, cx.lex);
    // Most capitalised words open no title: look at the first word alone.
    // A small ASCII letter or other ASCII byte opening it: no capital.
    let t = toks.get(i)?;
    if t.kind != TokenKind::Word {
        return None;
    }
    let b = text.as_bytes()[t.span.start];
    if b < 0x80 && !b.is_ascii_uppercase() {
        return None;
    }
    let f = cx.info(i);
    if !f.is_cap() {
        return None;
    }
    let opens = if f.has_dot() {
        let mut p = String::new();
        push_title_word(&mut p, t.text(text));
        lex.title_first.contains(&p)
    } else {
        f.title_first()
    };
    if !opens {
        return None;
    }
    let mut phrase = String::new();
    let mut best = None;
    let mut words = 0;
    let mut j = i;
    while j < toks.len() && words < lex.title_max_words {
        let Some(w) = word(text, &toks[j]) else { break };
        if words == 0 && !is_cap(w) {
            break;
        }
        if words > 0 {
            phrase.push(' ');
        }
        push_title_word(&mut phrase, w);
        words += 1;
        j += 1;
        // An abbreviation's period belongs to the title ("Gen.", "Lt. Col.").
        let mut k = j;
        if k < toks.len() && toks[k].text(text) == "." && toks[k].span.start == toks[k - 1].span.end
        {
            k += 1;
        }
        let found = cx
            .table
            .title_phrases
            .get(phrase.as_str())
            .copied()
            .unwrap_or(0);
        if found & TITLE_PHRASE != 0 {
            best = Some((k - i, phrase.clone()));
        }
        if found & TITLE_PREFIX == 0 {
            // No longer title opens with these words.
            break;
        }
        j = k;
    }
    best
}
