//! `X is eager to ...`: an adjective of attitude after "be".

use super::*;

/// `X is eager to ...` / `X was skeptical of ...`: an adjective of attitude
/// after a form of "be"; the subject speaks, the rest of the clause is
/// the content.
pub(in crate::attribution) fn adjective_cue(d: &Doc, si: usize, k: usize) -> Option<Attribution> {
    let (s0, s1) = sentence_range(d.seg, si);
    let we = words_end(d, s0, s1);
    let mut j = k;
    while j > s0 && d.has(j - 1, T_DEGREE) {
        j -= 1;
    }
    if j == s0 || !d.has(j - 1, T_BE) {
        return None;
    }
    j -= 1;
    while j > s0 && (skippable(d, j - 1) || d.has(j - 1, T_BE)) {
        j -= 1;
    }
    let (s, e) = np_before(d, s0, j).filter(|&(s, e)| d.can_be_source(s, e))?;
    let mut c = k + 1;
    if c < we && d.w(c) == fw::THAT {
        c += 1;
    }
    let end = clause_end(d, k, we);
    if end < c + 2 {
        return None;
    }
    Some(Attribution::found(
        Some(Speaker {
            span: d.span(s, e)?,
            actor: None,
        }),
        d.tok(k),
        vec![d.span(c, end)?],
        Rule::AdjectiveCue,
        si,
    ))
}
