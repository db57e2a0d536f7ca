//! Impressions with no speaker: `It seems (that) ...`, `The issue seems
//! to linger`.

use super::*;

/// "It seems (that) ...": an impression with no one behind it.
pub(super) fn it_seems(c: &Cand) -> Option<Attribution> {
    let Cand {
        d,
        si,
        k,
        we,
        cue,
        after,
        ..
    } = *c;
    let c = skip_adjuncts(d, after, we);
    let end = clause_end(d, k, we);
    if end < c + 2 {
        return None;
    }
    Some(Attribution::found(
        None,
        cue,
        vec![d.span(c, end)?],
        Rule::Impersonal,
        si,
    ))
}

/// "the issue seems to linger": a verb of seeming after a subject (from
/// token `s`) that names no source is an impression, no speaker.
pub(super) fn seems_to(c: &Cand, s: usize) -> Option<Attribution> {
    let Cand {
        d,
        si,
        k,
        we,
        cue,
        after,
        ..
    } = *c;
    let end = clause_end(d, k, we);
    (end > after + 2).then(|| {
        let content = vec![Span::new(d.tok(s).start, d.tok(end - 1).end)];
        Attribution::found(None, cue, content, Rule::Impersonal, si)
    })
}
