//! Which found attributions are kept: a blocked cue, a cue inside an
//! earlier content or continuing an earlier cue is dropped.

use super::*;

/// Whether `a` is a one-word cue its rule does not take.
pub(super) fn blocked(d: &Doc, a: &Attribution, k: usize) -> bool {
    match a.cue.as_slice() {
        // The cue is token `k`, a word no rule blocks.
        [c] if *c == d.tok(k) && !d.has(k, T_BLOCKED) => false,
        [c] => d
            .low
            .get(c.start..c.end)
            .is_some_and(|w| d.lex.is_blocked(a.rule, w)),
        _ => false,
    }
}

/// `X said that the mayor thinks ...`: a `cue-content` cue (or a passive,
/// adjective, colon or `in` one) inside the content of one of the last
/// attributions is part of what was reported. A form of "say" is kept.
pub(super) fn inside_content(
    d: &Doc,
    a: &Attribution,
    out: &[Attribution],
    reach: &[(usize, usize)],
) -> bool {
    let Some(c) = a.cue.first() else {
        return false;
    };
    let at = c.start;
    // (The tests in order of cost; each is pure.)
    matches!(
        a.rule,
        Rule::CueContent
            | Rule::PassiveCue
            | Rule::AdjectiveCue
            | Rule::ColonQuote
            | Rule::InSource
            | Rule::NounCue
    ) && (out.len().saturating_sub(16)..out.len()).any(|i| {
        // The reach of its content first: no span of it holds `at` if
        // the reach does not.
        let (lo, hi) = reach[i];
        lo <= at && at < hi && out[i].content.iter().any(|c| c.start <= at && at < c.end)
    })
        // A report of speech within speech ("X said the mayor said ...")
        // is annotated as often as not: kept.
        && !d
            .low
            .as_bytes()
            .get(c.start..c.end)
            .is_some_and(|w| d.lex.w.say_kept.contains(w))
}

/// From the first start to the last end of a content's spans ((MAX, 0)
/// for none): what [`inside_content`] tests first.
pub(super) fn content_reach(content: &[Span]) -> (usize, usize) {
    content.iter().fold((usize::MAX, 0), |(lo, hi), c| {
        (lo.min(c.start), hi.max(c.end))
    })
}

/// `X said he believes ...`: a verb right after a reporting verb and a
/// one-word subject is part of what was reported, not a cue of its own.
pub(super) fn reported_inside(d: &Doc, a: &Attribution, k: usize, s0: usize) -> bool {
    a.rule == Rule::CueContent
        && k >= s0 + 2
        && d.has(k - 2, T_REPORT)
        && d.is_word(k - 2)
        && d.is_word(k - 1)
}

/// A verb that only continues the cue just before it ("is expected to
/// endorse", "tweeted on Friday to say", "ended by saying") is part of that
/// cue, not an attribution of its own.
pub(super) fn continues_cue(d: &Doc, a: &Attribution, k: usize, here: &[Attribution]) -> bool {
    if a.rule != Rule::CoordCue || k == 0 || !matches!(d.w(k - 1), fw::TO | fw::BY) {
        return false;
    }
    let Some(prev) = here.last().and_then(|p| p.cue.last()) else {
        return false;
    };
    let pe = d.seg.token_at_or_after(prev.end);
    pe <= k && k - pe <= 6 && (pe..k).all(|j| !d.has(j, T_COMMA) && !d.quoted(j))
}

/// "X has also written for the Harbour Times": a `verbs.txt` `biography`
/// form right before "for" tells where one worked, not what was said.
pub(super) fn biography(d: &Doc, a: &Attribution, k: usize) -> bool {
    a.cue.len() == 1
        && k + 1 < d.seg.tokens.len()
        && d.w(k + 1) == fw::FOR
        && d.lex.w.biography.contains(d.w(k))
}

/// `"...," said X.` / `..., X said.` after a `cue-content` cue inside its
/// content (`The board is weighing the plan, said two aides.`): the
/// earlier cue is part of what the later one reports; its index in
/// `here`, the attributions of the sentence found so far.
pub(super) fn reported_by_later(a: &Attribution, here: &[Attribution]) -> Option<usize> {
    if !matches!(a.rule, Rule::ContentCue) {
        return None;
    }
    here.iter().position(|e| {
        e.rule == Rule::CueContent
            && e.cue
                .first()
                .is_some_and(|c| a.content.iter().any(|x| x.contains(c)))
    })
}
