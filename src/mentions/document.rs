//! The document's say on each name: a capitalised run with no evidence of
//! its own ([`Evidence::None`]) is a person when another mention of the
//! same name in the document has evidence: the same words ("Tavi Renn
//! said" elsewhere), or its surname or given name alone with a title or
//! cue ("Dr. Renn", "Renn said"); or it stands in a list with people
//! who have evidence ("Ines Varga, Tavi Renn and Ole Sand"). Runs only
//! when a document has such a run; one set of the strong names a
//! document.

use super::{ActorKind, Evidence, Lexicon, Mention, Via};
use crate::segment::{Segmentation, Token, TokenKind};
use crate::words::hash::WordSet;

/// Promote the weak name runs of `mentions` that another mention of the
/// same name vouches for.
pub(super) fn promote(
    text: &str,
    low: &str,
    seg: &Segmentation,
    lex: &Lexicon,
    mentions: &mut [Mention],
) {
    let tokens = &seg.tokens[..];
    acronyms(text, tokens, mentions);
    if mentions.iter().any(unsupported) {
        same_names(text, low, seg, mentions);
    }
    // Lists: forward, then back, so that evidence spreads along a list.
    for i in 1..mentions.len() {
        coordinate(text, seg, lex, mentions, i - 1, i);
    }
    for i in (1..mentions.len()).rev() {
        coordinate(text, seg, lex, mentions, i, i - 1);
    }
}

/// A name with no evidence typed a person only weakly: what the
/// document's other mentions may vouch for.
fn without_evidence(m: &Mention) -> bool {
    m.via == Via::Name && m.kind == ActorKind::Person && m.weak && m.evidence == Evidence::None
}

/// A run of two words or more [`without_evidence`].
fn unsupported(m: &Mention) -> bool {
    without_evidence(m) && m.words.len() >= 2
}

/// The weak name runs another mention of the same name vouches for.
fn same_names(text: &str, low: &str, seg: &Segmentation, mentions: &mut [Mention]) {
    let tokens = &seg.tokens[..];
    // The strong people's names, whole, and the single words that name a
    // person on their own evidence (a title, a cue, a pronoun).
    let mut whole: WordSet<&str> = WordSet::default();
    let mut single: WordSet<&str> = WordSet::default();
    for m in mentions.iter() {
        if m.via != Via::Name || m.kind != ActorKind::Person || m.weak {
            continue;
        }
        if m.words.len() >= 2 {
            whole.insert(m.text(text));
        } else if matches!(
            m.evidence,
            Evidence::Title | Evidence::Cue | Evidence::Pronoun | Evidence::Citation
        ) {
            single.insert(m.text(text));
        }
    }
    let mut searches = 0;
    for m in mentions.iter_mut() {
        if !unsupported(m) {
            continue;
        }
        let words = m.words.texts(text, tokens);
        let first = words.clone().next().unwrap_or("");
        let last = words.last().unwrap_or("");
        // A capital opening a sentence says little: there "Notice Renn"
        // is no fuller name of Renn when the document writes "notice" in
        // lower case elsewhere.
        let part = (single.contains(last) || single.contains(first)) && {
            let opens = seg.sentences.get(m.sentence).is_some_and(|s| {
                seg.tokens[s.tokens.start..m.words.start as usize]
                    .iter()
                    .all(|t| t.kind == TokenKind::Punct)
            });
            !opens || {
                searches += 1;
                searches <= MAX_SEARCHES && !written_lower(text, low, first)
            }
        };
        if whole.contains(m.text(text)) || part {
            m.weak = false;
            m.evidence = Evidence::SameName;
        }
    }
}

/// When mention `to` has no evidence and stands in a list beside mention
/// `from`, a person with evidence, only commas and "and" or "or" between
/// them: `to` is a person too. A single word only in a list with commas
/// ("Ines Varga, Renn and Tesk": one beside it) and no place ("Ines
/// Varga, Porto and Lisbon").
fn coordinate(
    text: &str,
    seg: &Segmentation,
    lex: &Lexicon,
    mentions: &mut [Mention],
    from: usize,
    to: usize,
) {
    let tokens = &seg.tokens[..];
    let (f, t) = (&mentions[from], &mentions[to]);
    let strong = f.via == Via::Name && f.kind == ActorKind::Person && !f.weak;
    let weak_run = without_evidence(t) && !t.words.is_empty();
    if !strong || !weak_run || f.sentence != t.sentence {
        return;
    }
    // A single word takes evidence only from a full name ("Uh, Tavi
    // Renn" or a list of towns ending in a given name gives none), never
    // opening its sentence (an interjection, a call: "Stay, Ines").
    let single = t.words.len() == 1;
    if single
        && (f.words.len() < 2
            || lex.places.contains(t.text(text))
            || seg.sentences.get(t.sentence).is_some_and(|s| {
                tokens[s.tokens.start..t.words.start as usize]
                    .iter()
                    .all(|k| k.kind == TokenKind::Punct)
            }))
    {
        return;
    }
    // A single word needs a list: a comma on one side and a conjunction
    // on the other ("Tavi Renn, Tesk and Orlow"), not an apposition ("One
    // islander, Tavi Renn") or a suffix ("Tavi Renn, Jr.").
    let at = |k: usize| tokens.get(k).map(|x| x.text(text));
    let (before, after) = (
        (t.words.start as usize).checked_sub(1).and_then(at),
        at(t.words.end as usize),
    );
    let and = |w: Option<&str>| matches!(w, Some("and" | "or" | "&"));
    if single && !((before == Some(",") && and(after)) || (and(before) && after == Some(","))) {
        return;
    }
    let (a, b) = if from < to {
        (f.words.end, t.words.start)
    } else {
        (t.words.end, f.words.start)
    };
    let (a, b) = (a as usize, b as usize);
    if a >= b || b - a > 2 {
        return;
    }
    let joined = tokens[a..b].iter().all(|k| {
        let w = k.text(text);
        w == "," || w == "and" || w == "or" || w == "&"
    });
    if joined {
        let t = &mut mentions[to];
        t.weak = false;
        t.evidence = Evidence::Coordinated;
    }
}

/// An acronym a document defines after an organization's name ("Varn
/// Relief Council (VRC)"), or that owns or speaks somewhere in it ("the
/// VRC's offices", "VRC said"), names that organization wherever it
/// stands; an acronym the document does neither with stays weak.
fn acronyms(text: &str, tokens: &[Token], mentions: &mut [Mention]) {
    let weak_org = |m: &Mention| {
        m.via == Via::Name
            && m.kind == ActorKind::Organization
            && m.weak
            && m.evidence == Evidence::None
    };
    if !mentions.iter().any(weak_org) {
        return;
    }
    let mut defined: WordSet<&str> = WordSet::default();
    for m in mentions.iter() {
        if m.kind != ActorKind::Organization || m.weak {
            continue;
        }
        // An acronym that owns or speaks somewhere ("ORVA's", "ORVA said").
        if m.evidence == Evidence::Cue {
            defined.insert(m.text(text));
        }
        let at = |k: usize| tokens.get(m.words.end as usize + k).map(|t| t.text(text));
        if at(0) == Some("(") && at(2) == Some(")") {
            if let Some(a) = at(1) {
                defined.insert(a);
            }
        }
    }
    for m in mentions.iter_mut() {
        if weak_org(m) && defined.contains(m.text(text)) {
            m.weak = false;
            m.evidence = Evidence::Acronym;
        }
    }
}

/// The most lower-case searches of [`written_lower`] a document makes
/// (each reads the document).
const MAX_SEARCHES: usize = 32;

/// True when the document writes `word` in lower case as a word of its
/// own somewhere ("notice" for "Notice"); `low` is the document in ASCII
/// lower case.
fn written_lower(text: &str, low: &str, word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    let (t, l) = (text.as_bytes(), low.as_bytes());
    let edge = |i: usize| i >= t.len() || !t[i].is_ascii_alphanumeric();
    low.match_indices(w.as_str()).any(|(i, _)| {
        let end = i + w.len();
        (i == 0 || !l[i - 1].is_ascii_alphanumeric()) && edge(end) && t[i..end] == l[i..end]
    })
}

/// A name a title-case headline cut in two ("Bad News for Ines Varga
/// Renn" read as "Ines Varga" and "Renn", as "Ines Varga Wins" must be)
/// is one name again where the document writes the whole of it as a
/// person elsewhere: two person mentions side by side, one space apart,
/// whose joined words another mention, with evidence, has.
pub(super) fn rejoin_cut_names(text: &str, mentions: &mut Vec<Mention>) {
    let person = |m: &Mention| m.via == Via::Name && m.kind == ActorKind::Person;
    let side_by_side = |a: &Mention, b: &Mention| {
        person(a)
            && person(b)
            && a.sentence == b.sentence
            && a.words.end == b.words.start
            && a.span.end + 1 == b.span.start
            && text.as_bytes()[a.span.end] == b' '
    };
    if !mentions.windows(2).any(|w| side_by_side(&w[0], &w[1])) {
        return;
    }
    let whole: WordSet<&str> = mentions
        .iter()
        .filter(|m| person(m) && !m.weak && m.words.len() >= 3)
        .map(|m| m.text(text))
        .collect();
    let mut i = 0;
    while i + 1 < mentions.len() {
        let (a, b) = (&mentions[i], &mentions[i + 1]);
        if side_by_side(a, b) && whole.contains(&text[a.span.start..b.span.end]) {
            let b = mentions.remove(i + 1);
            let a = &mut mentions[i];
            a.span.end = b.span.end;
            a.words.end = b.words.end;
            a.words.len += b.words.len;
            a.possessive = b.possessive;
            a.verb_after = b.verb_after;
            a.weak = false;
            if matches!(a.evidence, Evidence::None | Evidence::Headline) {
                a.evidence = Evidence::SameName;
            }
        }
        i += 1;
    }
}
