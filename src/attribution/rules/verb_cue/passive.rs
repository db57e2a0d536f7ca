//! Passive cues with a source: `X was reported by Y`, `Asked by Y
//! whether ..., X said`.

use super::*;

/// The agent after `by` of a passive cue ("was criticized by Y").
pub(super) fn by_agent(c: &Cand, b: &before::Before) -> Option<(usize, usize)> {
    let Cand {
        d, s1, we, after, ..
    } = *c;
    if b.passive && after < we && d.w(after) == fw::BY {
        np_after(d, after + 1, s1).filter(|&(s, e)| d.can_be_source(s, e))
    } else {
        None
    }
}

/// `X was reported by Y`: Y (tokens `bs..be`) speaks, X is what was said.
pub(super) fn by_agent_attribution(
    c: &Cand,
    b: &before::Before,
    bs: usize,
    be: usize,
) -> Option<Attribution> {
    let Cand {
        d, si, s0, we, cue, ..
    } = *c;
    let j = b.j;
    // "X was reported by Y": Y speaks, X is what was said.
    let mut se = j - 1;
    while se > s0 && (skippable(d, se - 1) || d.has(se - 1, T_BE)) {
        se -= 1;
    }
    let subj = np_ending(d, s0, se)?;
    let mut content = vec![d.span(subj.0, subj.1)?];
    // "... was criticized by Y for failing to ...": the reason goes too.
    let mut r = be;
    while r < we && d.has(r, T_COMMA) {
        r += 1;
    }
    let end = clause_end(d, r, we);
    if end > r + 1 && d.w(r) == fw::FOR {
        content.extend(d.span(r, end));
    }
    Some(Attribution::found(
        Some(Speaker {
            span: d.span(bs, be)?,
            actor: None,
        }),
        cue,
        content,
        Rule::PassiveCue,
        si,
    ))
}

/// `Asked whether ..., X said ...` / `Asked by Y about ..., X said`: the
/// question is the content, up to the comma; its source is the asker after
/// `by`, else none.
pub(super) fn asked_intro(
    d: &Doc,
    si: usize,
    k: usize,
    after: usize,
    we: usize,
) -> Option<Attribution> {
    let mut c = after;
    let mut speaker = None;
    if c < we && d.w(c) == fw::BY {
        let (s, e) = np_after(d, c + 1, we).filter(|&(s, e)| d.can_be_source(s, e))?;
        speaker = Some(Speaker {
            span: d.span(s, e)?,
            actor: None,
        });
        c = e;
    }
    let end = (c..we)
        .find(|&j| d.has(j, T_COMMA) && !d.quoted(j))
        .unwrap_or(we);
    if end < c + 2 {
        return None;
    }
    Some(Attribution::found(
        speaker,
        d.tok(k),
        vec![d.span(c, end)?],
        Rule::PassiveCue,
        si,
    ))
}
