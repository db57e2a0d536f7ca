//! Nominals: a role after "the" ("the minister") that the resolver ties to
//! the person last named with that title ([`nominal_at`]).

use super::closed::{AND, OF};
use super::sentence::Cx;
use super::shape::*;
use super::{ActorKind, Evidence, Mention, Via, Words};
use crate::segment::TokenKind;
use crate::span::Span;

/// A role in lower case after "the" ("the minister", "the vice
/// president"), not followed by a name: a nominal mention the resolver may
/// tie to the person last named with that title. Returns its length in
/// tokens.
pub(super) fn nominal_at(cx: &Cx, at: usize) -> Option<(usize, Mention)> {
    let (toks, lex) = (cx.toks, cx.lex);
    // Only a role word (exactly as listed, so in lower case) ends one:
    // without one in reach there is nothing to build.
    let head_at = |k: usize| cx.info(k).nominal_head() && cx.info(k).is_lower();
    let mut any_head = false;
    for len in 1..=3 {
        let Some(w) = cx.word(at + len - 1) else {
            break;
        };
        if w.chars().any(char::is_uppercase) {
            break;
        }
        if cx.table.may_be_head(w) && head_at(at + len - 1) {
            any_head = true;
            break;
        }
    }
    if !any_head {
        return None;
    }
    let mut best = None;
    let mut phrase = String::new();
    for len in 1..=3 {
        let Some(w) = cx.word(at + len - 1) else {
            break;
        };
        if w.chars().any(char::is_uppercase) {
            break;
        }
        if len > 1 {
            phrase.push(' ');
        }
        phrase.push_str(w);
        if head_at(at + len - 1) && lex.is_title(&phrase) {
            best = Some((len, phrase.clone()));
        }
    }
    let (len, phrase) = best?;
    // "the minister Tavi Renn": the name itself is the mention; "the
    // minister of": a definition, not a reference; "the minister's": fine.
    let next = toks.get(at + len);
    if let Some(n) = cx.word(at + len) {
        // The phrase must end here: a verb or function word follows, not
        // more of a noun phrase ("the president said", not "the president
        // elect" or "the minister Tavi Renn").
        let f = cx.info(at + len);
        let l: &str = &n.lower();
        let ends = !f.is_cap()
            && l != OF
            && l != AND
            && ((f.common() || f.person_verb() || f.past_verb())
                || l.ends_with("ed")
                || l.ends_with('s'));
        if !ends {
            return None;
        }
    }
    let span = Span::new(toks[at].span.start, toks[at + len - 1].span.end);
    Some((
        len,
        Mention {
            span,
            kind: ActorKind::Person,
            via: Via::Nominal,
            sentence: 0,
            title: Some(span),
            gender: lex.title_gender(&phrase),
            possessive: next.is_some_and(|p| p.kind == TokenKind::Possessive),
            words: Words::new(cx.base + at, cx.base + at + len, len),
            weak: false,
            verb_after: false,
            evidence: Evidence::Form,
        },
    ))
}
