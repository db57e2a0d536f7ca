//! Classification of a run of name words: person, organization, weak
//! candidate or nothing ([`classify`]), and the person an organization is
//! named after ([`namesake`]).

use super::evidence::*;
use super::sentence::Cx;
use super::shape::*;
use super::{ActorKind, Gender, Mention, Via, Words};
use crate::segment::TokenKind;
use crate::span::Span;

/// Classify the run of tokens `s..e`; `after` is the token after the run.
/// Returns the mention and the index of its first word's token.
pub(super) fn classify(
    cx: &Cx,
    s: usize,
    e: usize,
    after: usize,
    title: Option<&(Span, String)>,
) -> Option<(Mention, usize)> {
    let (text, toks, lex) = (cx.text, cx.toks, cx.lex);
    let span = Span::new(toks[s].span.start, toks[e - 1].span.end);
    let name = span.slice(text);
    // The run's word tokens, on the stack (a run holds at most
    // `MAX_NAME_TOKENS` and a few more; most hold one to three): a small
    // buffer, zeroed at little cost, for short runs.
    let fill = |buf: &mut [usize]| {
        let mut n = 0;
        for (k, t) in toks[s..e].iter().enumerate() {
            if t.kind == TokenKind::Word {
                buf[n] = s + k;
                n += 1;
            }
        }
        n
    };
    let mut small = [0usize; 8];
    let mut big;
    let heap: Vec<usize>;
    let wt: &[usize] = if e - s <= small.len() {
        let n = fill(&mut small);
        &small[..n]
    } else if e - s <= 64 {
        big = [0usize; 64];
        let n = fill(&mut big);
        &big[..n]
    } else {
        heap = (s..e)
            .filter(|&k| toks[k].kind == TokenKind::Word)
            .collect();
        &heap
    };
    let n = wt.len();
    let &last = wt.last()?;
    let first_tok = wt[0];
    let w = |j: usize| cx.text_of(wt[j]);
    let f = |j: usize| cx.info(wt[j]);
    let base = || Mention {
        span,
        kind: ActorKind::Person,
        via: Via::Name,
        sentence: 0,
        title: title.map(|t| t.0),
        gender: Gender::Unknown,
        possessive: false,
        words: Words::new(cx.base + s, cx.base + e, wt.len()),
        weak: false,
        verb_after: false,
    };
    let org = || {
        Some((
            Mention {
                kind: ActorKind::Organization,
                gender: Gender::Unknown,
                ..base()
            },
            first_tok,
        ))
    };
    if cx.table.orgs.may_hold(name) && lex.orgs.contains(name) {
        return org();
    }
    if title.is_none()
        && (cx.info(last).org_word() || (n >= 3 && (0..n).any(|j| w(j) == "of") && f(0).org_word()))
    {
        if n >= 2 || !cx.info(last).common() {
            return org();
        }
        return None;
    }
    if n > 1
        && title.is_none()
        && ((cx.table.places.may_hold(name) && lex.places.contains(name))
            || starts_place(cx, &toks[s..e]))
    {
        return None;
    }
    // Runs of bare initials ("L. D.") and titles alone ("Madam Speaker")
    // name no one.
    if (0..n).all(|j| one_char(w(j))) {
        return None;
    }
    if (0..n).all(|j| {
        let x = f(j);
        x.title() || x.common()
    }) || (n > 1
        && n <= lex.title_max_words
        && f(0).title_first()
        && lex.is_title(&(0..n).map(w).collect::<Vec<_>>().join(" ").lower()))
    {
        return None;
    }
    // A role, common word or thing inside the run: the name, if any, is
    // what follows it ("Policy Douglas Feith", "U.S. Ambassador").
    if title.is_none() {
        let split = (0..n).rev().find(|&k| cx.is_splitter_at(wt[k], k + 1 < n));
        if let Some(k) = split {
            if k + 1 < n {
                // After a thing's word the rest names the thing ("Cyclone
                // Orvetta", "Operation Varn"), unless a given name follows.
                let sf = f(k);
                let thing = sf.non_person() && !sf.common() && !sf.title();
                if thing && !f(k + 1).first_name() {
                    return None;
                }
                return classify(cx, wt[k + 1], e, after, None);
            }
            // A trailing common word or thing: the name, if any, is the
            // last stretch before it ("Tavi Renn Sunday").
            let mut k = k;
            while k > 0 && cx.is_splitter_at(wt[k - 1], true) {
                k -= 1;
            }
            if k == 0 || !(k..n).all(|j| f(j).common()) {
                return None;
            }
            let mut end = wt[k - 1] + 1;
            while end > s + 1 && toks[end - 1].kind == TokenKind::Punct {
                end -= 1;
            }
            return classify(cx, s, end, end, None);
        }
        // An unknown word before a known given name in a longer run is a
        // role or a greeting ("Biologist Tavi Renn", "Hey Ines Varga").
        if n >= 3 && !f(0).first_name() && f(1).first_name() && !f(0).one_name() {
            return classify(cx, wt[1], e, after, None);
        }
    }
    let f0 = f(0);
    let given = if f0.first_name() {
        Some(f0.gender)
    } else {
        f0.one_name().then_some(Gender::Unknown)
    };
    let gender = title
        .map(|t| lex.title_gender(&t.1))
        .filter(|g| *g != Gender::Unknown)
        .or(given)
        .unwrap_or(Gender::Unknown);
    let person = || Some((Mention { gender, ..base() }, first_tok));
    let weak = || {
        Some((
            Mention {
                weak: true,
                ..base()
            },
            first_tok,
        ))
    };
    if title.is_some() {
        // "Major League ...", "General Assembly": the title word opened an
        // organization's or a thing's name, not a person's.
        if (0..n).any(|j| {
            let x = f(j);
            x.org_word() || x.non_person()
        }) {
            return None;
        }
        return person();
    }
    if given.is_none() && (0..n).all(|j| f(j).all_caps()) {
        return None;
    }
    // The next two tokens, compared in lower case.
    let next = |k: usize| toks.get(after + k).map(|t| t.text(text));
    let cue_after = cx.info(after).person_verb()
        || (next(0) == Some(",")
            && next(1)
                .is_some_and(|w| lower_is(w, "who") || w.chars().all(|c| c.is_ascii_digit())));
    if n == 1 {
        if f0.common() {
            return None;
        }
        if f0.place() {
            // A place, unless the resolver finds a person of that surname.
            return weak();
        }
        if given.is_some() || cue_after {
            return person();
        }
        // An unknown single word: a candidate surname, which the resolver
        // drops unless it can tie it to a fuller name.
        return weak();
    }
    if given.is_some() {
        return person();
    }
    // A place inside the run makes it no person ("Tehran Varn"), save a
    // place-named surname after an unknown given name ("Valeska Paris").
    let place_surname = n == 2 && !f0.place() && f(1).place();
    if !place_surname && (0..n).any(|j| f(j).place()) && !cue_after {
        return None;
    }
    if !cue_after && cx.adjective_like_at(first_tok) {
        return None;
    }
    // A plural at the end names a group or a work ("Harbour Galleries",
    // "Varn Collections"), unless a given name or a cue says person.
    if !cue_after && plural_like(w(n - 1)) {
        return None;
    }
    if n <= 4 {
        return person();
    }
    None
}

/// The person an organization, law or prize is named after: a known given
/// name opening it, then capitalised words up to the first organization,
/// thing, role or adjective word. Weak: it only counts if the person is
/// named elsewhere.
pub(super) fn namesake(cx: &Cx, s: usize, e: usize) -> Option<Mention> {
    let toks = cx.toks;
    cx.word(s)?;
    let fi = cx.info(s);
    if !fi.first_name() {
        return None;
    }
    let mut k = s + 1;
    while k < e {
        cx.word(k)?;
        let f = cx.info(k);
        if !f.is_cap()
            || f.common()
            || f.org_word()
            || f.non_person()
            || f.title()
            || (k > s + 1 && cx.adjective_like_at(k))
        {
            break;
        }
        k += 1;
    }
    if k - s < 2 || k == e {
        return None;
    }
    Some(Mention {
        span: Span::new(toks[s].span.start, toks[k - 1].span.end),
        kind: ActorKind::Person,
        via: Via::Name,
        sentence: 0,
        title: None,
        gender: fi.gender,
        possessive: false,
        words: Words::new(cx.base + s, cx.base + k, k - s),
        weak: true,
        verb_after: false,
    })
}
