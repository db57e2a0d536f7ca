//! `Tavi Renn's criticism of ...` / `the allegation that ...`: a noun cue.

use super::*;

/// Possessive determiners that name the speaker of a noun cue (a closed set).
const POSSESSIVES: &[&[u8]] = &[b"his", b"her", b"their", b"its", b"our", b"my", b"your"];

/// The attribution of the noun cue at token `k` of sentence `si`: a noun
/// of `nouns.txt` followed by a word of its `after` list; the content is
/// the clause after `that`, else the object after the word; the speaker
/// the possessive before the noun (over one modifier: "her sharp
/// criticism"), else none.
pub(in crate::attribution) fn noun_cue(d: &Doc, si: usize, k: usize) -> Option<Attribution> {
    if !d.has(k, T_NOUN_CUE) || d.quoted(k) {
        return None;
    }
    let (s0, s1) = sentence_range(d.seg, si);
    let we = words_end(d, s0, s1);
    let p = k + 1;
    if p + 1 >= we || !d.is_word(p) || !d.lex.w.noun_after.contains(d.w(p)) {
        return None;
    }
    // "that" and "to" open a clause, kept in the content; another word an
    // object, up to a verb or the object's end.
    let clausal = matches!(d.w(p), fw::THAT | fw::TO);
    let cs = if clausal { p } else { p + 1 };
    let clause = clause_end(d, p + 1, we);
    let end = if clausal {
        clause
    } else {
        let e = object_end(d, cs, clause);
        (cs + 1..e)
            .find(|&j| !d.quoted(j) && (d.cue_at(j).is_some() || d.has(j, T_AUX | T_BE)))
            .unwrap_or(e)
    };
    if end <= cs || (clausal && end - cs < 3) {
        return None;
    }
    let content = d.span(cs, end)?;
    let speaker = possessor(d, s0, k).and_then(|(s, e)| d.span(s, e));
    // With no possessor, only a clause ("the allegation that ...") is sure
    // to be a statement ("support for the bill" may be anyone's).
    if speaker.is_none() && d.w(p) != fw::THAT {
        return None;
    }
    Some(Attribution::found(
        speaker.map(|span| Speaker { span, actor: None }),
        d.tok(k).cover(&d.tok(p)),
        vec![content],
        Rule::NounCue,
        si,
    ))
}

/// The possessor before the noun at `k`: a possessive determiner, or the
/// name before `'s`, right before it or before one modifier.
fn possessor(d: &Doc, s0: usize, k: usize) -> Option<(usize, usize)> {
    for at in [k, k.saturating_sub(1)] {
        if at <= s0 || (at < k && (d.is_cap(at) || !d.is_word(at))) {
            continue;
        }
        let j = at - 1;
        if d.is_word(j) && one_of(POSSESSIVES, d.w(j)) {
            return Some((j, j + 1));
        }
        if d.kind(j) == TokenKind::Possessive {
            // The name before "'s": its capitalised words (and a title's
            // abbreviation, "Sen.").
            let mut s = j;
            while s > s0
                && j - s < 5
                && (d.is_cap(s - 1) || d.has(s - 1, T_PERIOD) && s >= s0 + 2 && d.is_cap(s - 2))
            {
                s -= 1;
            }
            if s < j {
                return Some((s, j));
            }
            // Else a short noun phrase ("the union's").
            return np_ending(d, s0, j)
                .filter(|&(s, _)| j - s <= 3)
                .map(|(s, _)| (s, j));
        }
    }
    None
}
