//! Name runs: from a candidate token, a pronoun, a nominal, or a title
//! and the run of name words after it, classified and pushed
//! ([`detect_sentence`]).

use super::classify::{classify, namesake};
use super::closed::{FOR, OF, PRONOUNS, THE};
use super::evidence::*;
use super::headline::{is_headline, is_headline_line};
use super::nominal::nominal_at;
use super::scan::{may_be_pronoun, start_candidates};
use super::sentence::Cx;
use super::shape::*;
use super::titles::title_at;
use super::{ActorKind, Evidence, Mention, Via, Words};
use crate::segment::TokenKind;
use crate::span::Span;

/// Find the mentions of sentence `si` (its view `cx`) into `out`; `cand`
/// is the candidate scan's scratch.
pub(super) fn detect_sentence(cx: &Cx, si: usize, out: &mut Vec<Mention>, cand: &mut Vec<u32>) {
    let (text, toks) = (cx.text, cx.toks);
    // Asked only when a name is found.
    let headline_once = std::cell::OnceCell::new();
    let headline = || {
        *headline_once
            .get_or_init(|| is_headline(text, toks) || (cx.alone && is_headline_line(text, toks)))
    };
    let n_cand = start_candidates(text.as_bytes(), toks, cand);
    let mut i = 0;
    for &k in &cand[..n_cand] {
        let k = k as usize;
        if k < i {
            continue;
        }
        i = k;
        let w = toks[i].text(text);
        if let Some(m) = pronoun_at(cx, i, si) {
            out.push(m);
            i += 1;
            continue;
        }
        if lower_is(w, THE) {
            if let Some((len, m)) = nominal_at(cx, i + 1) {
                out.push(Mention { sentence: si, ..m });
                i += 1 + len;
                continue;
            }
        }
        if !is_name_word(w) {
            i += 1;
            continue;
        }
        let Some((start, title)) = title_cue(cx, i).map(|c| role_of_place(cx, i).unwrap_or(c))
        else {
            i += 1;
            continue;
        };
        let end = run_end(cx, start);
        if end == start {
            i = start.max(i + 1);
            continue;
        }
        let (s, e) = trim_run(cx, start, end, title.is_some());
        if s < e {
            push_run(cx, si, (s, e, end), title, &headline, out);
        }
        i = end.max(i + 1);
    }
}

/// The pronoun at token `i` of sentence `si`, if it is one.
fn pronoun_at(cx: &Cx, i: usize, si: usize) -> Option<Mention> {
    let t = &cx.toks[i];
    let w = t.text(cx.text);
    if !may_be_pronoun(w) {
        return None;
    }
    let &(_, g) = PRONOUNS.iter().find(|(p, _)| lower_is(w, p))?;
    Some(Mention {
        span: t.span,
        kind: ActorKind::Person,
        via: Via::Pronoun,
        sentence: si,
        title: None,
        gender: g,
        possessive: false,
        words: Words::new(cx.base + i, cx.base + i + 1, 1),
        weak: false,
        verb_after: false,
        evidence: Evidence::Form,
    })
}

/// Where the name at the name word `i` starts, after a title or role cue
/// ("Vice President"), with the cue's span and phrase; `None` for a
/// capitalised common word before a title ("Later Dr. Renn"), which starts
/// nothing.
fn title_cue(cx: &Cx, i: usize) -> Option<(usize, Option<(Span, String)>)> {
    let toks = cx.toks;
    let title_here = title_at(cx, i);
    if cx.info(i).common() && title_here.is_none() && title_at(cx, i + 1).is_some() {
        return None;
    }
    if let Some((len, phrase)) = title_here {
        let n = cx.info(i + len);
        if n.is_word() && n.is_cap() && !n.common() {
            let span = Span::new(toks[i].span.start, toks[i + len - 1].span.end);
            return Some((i + len, Some((span, phrase))));
        }
    }
    Some((i, None))
}

/// A title, "to", "of" or "for" and a place, then the name
/// ("Ambassador to Varnland Ulla Tesk"), the candidate `i` at the place:
/// the name starts after the place, the whole phrase its title.
fn role_of_place(cx: &Cx, i: usize) -> Option<(usize, Option<(Span, String)>)> {
    let toks = cx.toks;
    if i < 2 || !cx.info(i).place() {
        return None;
    }
    let link = cx.word(i - 1)?;
    if !matches!(link, "to" | "of" | "for") {
        return None;
    }
    let t = cx.info(i - 2);
    if !t.is_word() || !t.title() {
        return None;
    }
    let n = cx.info(i + 1);
    if !n.is_word() || !n.is_cap() || n.common() || n.place() {
        return None;
    }
    let span = Span::new(toks[i - 2].span.start, toks[i].span.end);
    Some((i + 1, Some((span, cx.text_of(i - 2).to_lowercase()))))
}

/// The end of the run of name words from `start`: capitalised and
/// prefixed words, initials with their periods, particles before a
/// capital ("van der"), and "of" after an organization word.
fn run_end(cx: &Cx, start: usize) -> usize {
    let (text, toks) = (cx.text, cx.toks);
    let mut end = start;
    // An organization word and "of" are in the run.
    let mut of_org = false;
    while end < toks.len() && end - start < MAX_NAME_TOKENS {
        let tk = &toks[end];
        match word(text, tk) {
            Some(w) if is_name_word(w) => {
                end += 1;
                // An initial's period: "W." in "George W. Bush".
                if one_char(w)
                    && toks
                        .get(end)
                        .is_some_and(|p| p.text(text) == "." && p.span.start == tk.span.end)
                    && cx.word(end + 1).is_some_and(is_cap)
                {
                    end += 1;
                }
            }
            Some(w) if end > start && w.len() <= 5 && cx.info(end).particle() => {
                // Particles, possibly chained ("van der"), then a capital.
                let mut j = end;
                while cx.info(j).particle() {
                    j += 1;
                }
                if j - end <= 2 && cx.word(j).is_some_and(is_cap) {
                    end = j;
                } else {
                    break;
                }
            }
            // "for" too ("Center for Coastal Studies"), though not before
            // a person's name ("Acme Company for Ines Varga").
            // Inside such a name, "of" after any capital ("Centre for
            // Control of Soil Erosion").
            Some(OF) if of_org && end > start && cx.word(end + 1).is_some_and(is_cap) => end += 1,
            Some(w)
                if (w == OF
                    || (w == FOR
                        && !cx.info(end + 1).first_name()
                        && !cx.info(end + 1).title()))
                    && end > start
                    && cx.info(end - 1).org_word()
                    && cx.word(end + 1).is_some_and(is_cap) =>
            {
                of_org = true;
                end += 1
            }
            // "and" in what an organization is "of" ("Academy of Painting
            // and Sculpture"), before a capital that opens no person's name.
            Some("and")
                if of_org
                    && cx.word(end + 1).is_some_and(is_cap)
                    && !cx.word(end + 2).is_some_and(is_cap)
                    && !cx.info(end + 1).first_name()
                    && !cx.info(end + 1).title()
                    && !cx.info(end + 1).all_caps()
                    && !cx.lex.orgs.contains(cx.text_of(end + 1)) =>
            {
                end += 1
            }
            _ => break,
        }
    }
    end
}

/// The run `start..end` without trailing periods and, with no title,
/// without leading common words ("The", "But"), though an organization
/// keeps its "New" or "National".
fn trim_run(cx: &Cx, start: usize, end: usize, titled: bool) -> (usize, usize) {
    let toks = cx.toks;
    let mut e = end;
    // Trailing periods of initials never end a name.
    while e > start && toks[e - 1].kind == TokenKind::Punct {
        e -= 1;
    }
    let mut s = start;
    while s < e && !titled {
        let f = cx.info(s);
        if f.common() && !(f.first_name() && s + 1 < e) {
            if f.org_modifier()
                && s + 1 < e
                && (ends_org(cx, s, e) || starts_place(cx, &toks[s..e]) || {
                    // A known organization keeps its first word ("Islamic
                    // Jihad").
                    let name = &cx.text[toks[s].span.start..toks[e - 1].span.end];
                    cx.table.orgs.may_hold(name) && cx.lex.orgs.contains(name)
                })
            {
                break;
            }
            s += 1;
        } else {
            break;
        }
    }
    (s, e)
}

/// Where the run `s..e` is cut around a known name in it: before the
/// name when other words come first ("Sees Ines Varga"), else after the
/// name when the run goes on past it: after a given name, its initials and
/// one more word, or after a one-name figure; `None` when the run is no
/// longer than the name.
fn headline_cut(cx: &Cx, s: usize, e: usize) -> Option<usize> {
    let known = |k: usize| {
        let f = cx.info(k);
        cx.toks[k].kind == TokenKind::Word && (f.first_name() || f.one_name())
    };
    if !known(s) {
        return (s + 1..e).find(|&k| known(k));
    }
    let f = cx.info(s);
    let mut k = s + 1;
    if f.first_name() {
        // Initials ("J.") and their periods, then the surname.
        while k < e && (cx.toks[k].kind == TokenKind::Punct || one_char(cx.text_of(k))) {
            k += 1;
        }
        k += 1;
    }
    // A surname's particles and the word after them are in the name
    // ("Tavi Wolfgang von Renn Wins").
    if k < e && cx.info(k).particle() {
        while k < e && cx.info(k).particle() {
            k += 1;
        }
        k += 1;
    }
    // What follows the name must be a word for a cut to matter.
    (k < e && cx.word(k).is_some()).then_some(k)
}

/// Classify the trimmed run `s..e` (`end` past its last token) and push
/// its mention, weakened in a headline or strengthened by a pronoun after
/// it, with the person an organization is named after.
fn push_run(
    cx: &Cx,
    si: usize,
    (s, e, end): (usize, usize, usize),
    title: Option<(Span, String)>,
    headline: &impl Fn() -> bool,
    out: &mut Vec<Mention>,
) {
    // In a title-case headline a known name ends where its words do
    // ("Ines Varga Wins Again", "Obama Sees ..."): the rest is read on its
    // own. The headline test only for runs that could need it.
    if title.is_none() {
        if let Some(cut) = headline_cut(cx, s, e) {
            if headline() {
                push_run(cx, si, (s, cut, cut), None, headline, out);
                let (s2, e2) = trim_run(cx, cut, e, false);
                if s2 < e2 {
                    push_run(cx, si, (s2, e2, end), None, headline, out);
                }
                return;
            }
        }
    }
    let possessive = cx
        .toks
        .get(end)
        .is_some_and(|p| p.kind == TokenKind::Possessive);
    let Some((mut m, first)) = classify(cx, s, e, end, title.as_ref()) else {
        if title.is_none() && !headline() {
            // A law, prize or place named after a person ("the Ines
            // Renn Memorial Prize") still mentions that person.
            if let Some(p) = namesake(cx, s, e) {
                out.push(Mention { sentence: si, ..p });
            }
        }
        return;
    };
    // A name that modifies an organization word in lower case ("the
    // Renn administration", "the Varga campaign") names the body, not the
    // person.
    if m.kind == ActorKind::Person
        && m.title.is_none()
        && !possessive
        && cx.word(end).is_some()
        && {
            let f = cx.info(end);
            f.is_lower() && f.org_word()
        }
    {
        return;
    }
    // In a headline only a title or a known given name vouches for a
    // person. The headline test last: it reads the whole sentence.
    if m.kind == ActorKind::Person
        && m.title.is_none()
        && !(m.words.start as usize..m.words.end as usize)
            .any(|k| cx.info(k - cx.base).first_name())
        && headline()
    {
        m.weak = true;
        m.evidence = Evidence::Headline;
    }
    // In a headline an adjective and an organization word vouch for
    // nothing ("Bad News for ..."): the name counts where the body names
    // it too.
    if m.kind == ActorKind::Organization
        && m.evidence == Evidence::OrgWord
        && cx.info(first).modifier()
        && headline()
    {
        m.weak = true;
    }
    // The opening test of [`pronoun_follows`] first: most weak words do
    // not open their sentence, and the other tests cost more.
    if m.weak
        && opens_sentence(cx, s)
        && !headline()
        && !cx.info(first).place()
        && !cx.adjective_like_at(first)
    {
        if let Some(g) = pronoun_follows(cx, s, end) {
            m.weak = false;
            m.evidence = Evidence::Pronoun;
            m.gender = g;
        }
    }
    let verb_after = !possessive && !cx.info(first).place() && past_verb_at(cx, end);
    // An organization named after a person ("the Tavi Renn Foundation")
    // also mentions that person.
    let namesake = (m.kind == ActorKind::Organization)
        .then(|| namesake(cx, s, e))
        .flatten();
    out.push(Mention {
        sentence: si,
        possessive,
        verb_after,
        ..m
    });
    if let Some(p) = namesake {
        out.push(Mention { sentence: si, ..p });
    }
}
