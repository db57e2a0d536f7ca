//! Which cluster a name joins: a shorter full name the longer one
//! ([`join_longer`]), a single word the full names whose surname or given
//! name it is ([`single_word_candidates`]), and among namesakes the one
//! that gender, title and nearness pick ([`by_gender`], [`choose`]).

use super::clusters::Clusters;
use super::text::title_phrase;
use crate::mentions::{ActorKind, Gender, Mention};
use std::borrow::Cow;

/// A full name (mention `i`) joining a longer one with the same first and
/// last word.
pub(super) fn join_longer(i: usize, cs: &Clusters<'_>, mentions: &[Mention]) -> Option<usize> {
    let w = cs.words.of(i);
    let (&f, &l) = (w.first()?, w.last()?);
    let mut hits = cs.by_last.get(l).iter().copied().filter(|&c| {
        let h = cs.members.first(c);
        mentions[h].kind == ActorKind::Person
            && cs.words.of(h).len() > w.len()
            && cs.words.of(h).first() == Some(&f)
    });
    let first = hits.next()?;
    hits.next().is_none().then_some(first)
}

/// Clusters whose full name has this word (id `wid`, text `w`) as surname
/// or given name (borrowed from the indexes when no list needs changing,
/// as is usual).
pub(super) fn single_word_candidates<'c>(
    wid: u32,
    w: &str,
    kind: ActorKind,
    cs: &'c Clusters<'_>,
    mentions: &[Mention],
    mention_lexicon: &crate::mentions::Lexicon,
) -> Cow<'c, [usize]> {
    let none: &[usize] = &[];
    match kind {
        ActorKind::Person => {
            let is_person = |c: &usize| cs.head(*c, mentions).kind == ActorKind::Person;
            let stem = w.strip_suffix('s').filter(|_| w.len() > 3);
            let by_last = cs.by_last.get(wid);
            let by_stem = stem
                .and_then(|st| cs.words.get(st))
                .map_or(none, |st| cs.by_last.get(st));
            let surname: Cow<[usize]> = if by_stem.is_empty() && by_last.iter().all(is_person) {
                Cow::Borrowed(by_last)
            } else {
                Cow::Owned(
                    by_last
                        .iter()
                        .chain(by_stem)
                        .copied()
                        .filter(is_person)
                        .collect(),
                )
            };
            if !surname.is_empty() {
                return surname;
            }
            Cow::Borrowed(cs.by_first.get(wid))
        }
        ActorKind::Organization => {
            // A known body ("Senate") names the longer names it ends
            // ("U.S. Senate", "Church of Scientology"), not those it
            // opens or sits in ("Senate Republicans"); "Times" may be "New
            // York Times".
            let all = cs.org_by_word.get(wid);
            if mention_lexicon.orgs.contains(w) {
                let ends = |c: &usize| {
                    let name: Vec<&str> = cs
                        .words
                        .of(cs.members.first(*c))
                        .iter()
                        .map(|&x| cs.words.texts[x as usize])
                        .collect();
                    names_body(&name, w, mention_lexicon)
                };
                return Cow::Owned(all.iter().copied().filter(ends).collect());
            }
            Cow::Borrowed(all)
        }
        // No mention is of kind source (graph nodes only).
        ActorKind::Source => Cow::Borrowed(none),
    }
}

/// True when the organization's name (its words) ends in the known body
/// `w` after a place or "of" ("U.S. Senate", "Church of Scientology"):
/// a longer name of that body. A body's name opening or inside another
/// name is not ("Senate Republicans", "White House" for "House").
pub(super) fn names_body(
    name: &[&str],
    w: &str,
    mention_lexicon: &crate::mentions::Lexicon,
) -> bool {
    match name {
        [before @ .., of, last] if *last == w => {
            *of == "of" || {
                let place = if before.is_empty() {
                    Cow::Borrowed(*of)
                } else {
                    Cow::Owned(format!("{} {of}", before.join(" ")))
                };
                mention_lexicon.places.contains(place.as_ref())
            }
        }
        _ => false,
    }
}

/// The least length of a surname [`misspelled`] compares: shorter
/// names differ by two letters too often ("Hale", "Hall").
const MISSPELT_MIN_CHARS: usize = 7;

/// The one person cluster (of `surnames`: each full name's cluster and
/// last word) whose surname the unknown single word `w` misspells: the
/// same first letter, both at least [`MISSPELT_MIN_CHARS`] long, at most
/// two edits apart ("Bauchtman" for "Buchtmann"). `None` when no
/// surname or several clusters' are that close.
pub(super) fn misspelled<'a>(
    w: &str,
    surnames: impl Iterator<Item = (usize, &'a str)>,
) -> Option<usize> {
    let first = w.chars().next()?;
    if w.chars().count() < MISSPELT_MIN_CHARS {
        return None;
    }
    let mut found = None;
    for (c, s) in surnames {
        let n = s.chars().count();
        if s.starts_with(first) && n >= MISSPELT_MIN_CHARS && strsim::levenshtein(w, s) <= 2 {
            match found {
                None => found = Some(c),
                Some(f) if f == c => {}
                Some(_) => return None,
            }
        }
    }
    found
}

/// True for a plural surname ("Leveretts") shared by several people.
pub(super) fn is_plural(w: &str, cs: &Clusters<'_>) -> bool {
    let Some(stem) = w.strip_suffix('s') else {
        return false;
    };
    cs.words
        .get(stem)
        .is_some_and(|st| cs.by_last.get(st).len() >= 2)
}

/// Among namesakes, those whose gender (from a given name or title) is
/// the mention's ("Ms. Quell" with Tobin and Mrs. Mara Quell in play);
/// failing that, those of unknown gender; failing that, all.
pub(super) fn by_gender(g: Gender, candidates: Vec<usize>, cs: &Clusters<'_>) -> Vec<usize> {
    if g == Gender::Unknown {
        return candidates;
    }
    let gender_of = |c: usize| cs.gender[c];
    let same: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&c| gender_of(c) == g)
        .collect();
    if !same.is_empty() {
        return same;
    }
    let open: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&c| gender_of(c) == Gender::Unknown)
        .collect();
    if open.is_empty() {
        candidates
    } else {
        open
    }
}

/// Among namesakes: those named with the same title ("Dr. Nelson" after
/// "Dr. Alondra Nelson" and "Senator Bill Nelson"); then the one named
/// nearest before `m` if that was at most two sentences back; else the
/// one named most often (a life story's subject over a relative named
/// once); else the nearest before, then after.
pub(super) fn choose(
    text: &str,
    m: &Mention,
    candidates: &[usize],
    cs: &Clusters<'_>,
) -> Option<usize> {
    let titled: Vec<usize> = match m.title {
        Some(t) => {
            let t = title_phrase(text, t);
            candidates
                .iter()
                .copied()
                .filter(|&c| cs.has_title(c, &t))
                .collect()
        }
        None => Vec::new(),
    };
    let candidates = if titled.is_empty() {
        candidates
    } else {
        &titled[..]
    };
    let at = m.span.start;
    let mut best_before: Option<((usize, usize), usize)> = None;
    let mut best_after: Option<((usize, usize), usize)> = None;
    for &c in candidates {
        let pos = cs.full_at(c);
        let k = pos.partition_point(|&(_, s, _)| s < at);
        if k > 0 && best_before.is_none_or(|(b, _)| pos[k - 1].1 > b.0) {
            best_before = Some(((pos[k - 1].1, pos[k - 1].2), c));
        }
        if k < pos.len() && best_after.is_none_or(|(b, _)| pos[k].1 < b.0) {
            best_after = Some(((pos[k].1, pos[k].2), c));
        }
    }
    if let Some(((_, sent), c)) = best_before {
        if m.sentence.saturating_sub(sent) <= 2 {
            return Some(c);
        }
    }
    let most = candidates
        .iter()
        .map(|&c| cs.full_at(c).len())
        .max()
        .unwrap_or(0);
    let top: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&c| cs.full_at(c).len() == most)
        .collect();
    if top.len() == 1 && most >= 2 {
        return Some(top[0]);
    }
    best_before.or(best_after).map(|(_, c)| c)
}
