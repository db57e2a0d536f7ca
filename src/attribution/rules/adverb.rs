//! `X reportedly left ...`.

use super::*;

/// `X reportedly left ...`: the adverb is the cue when no reporting verb
/// follows it; the content is its clause, the adverb left out.
pub(in crate::attribution) fn adverb_cue(d: &Doc, si: usize, k: usize) -> Option<Attribution> {
    let (s0, s1) = sentence_range(d.seg, si);
    let ws = words_start(d, s0, s1);
    let we = words_end(d, s0, s1);
    if (k + 1..we.min(k + 3)).any(|j| d.is_word(j) && d.cue_at(j).is_some()) {
        return None;
    }
    // The clause starts after the last comma or clause word before the adverb.
    let mut cs = k;
    while cs > ws && !d.lex.w.clause_start.contains(d.w(cs - 1)) {
        cs -= 1;
    }
    let end = clause_end(d, k, we);
    let mut content = Vec::new();
    content.extend(d.span(cs, k));
    if end > k + 1 {
        content.extend(d.span(k + 1, end));
    }
    if content.is_empty() {
        return None;
    }
    Some(Attribution::found(
        None,
        d.tok(k),
        content,
        Rule::AdverbCue,
        si,
    ))
}
