//! The speaker after the cue: `"...," said X.` / `..., said X.` /
//! `Said X, "..."`.

use super::*;

/// The source after an inverted cue, where the cue can be inverted (a
/// reporting verb after a comma, a quotation or at the sentence's start):
/// its first token, the end of the source and the end of its phrase.
pub(super) fn speaker_after(c: &Cand) -> Option<(usize, usize, usize)> {
    let Cand {
        d,
        k,
        class,
        s0,
        s1,
        ws,
        we,
        after,
        ..
    } = *c;
    let sep_before =
        k > s0 && (matches!(d.w(k - 1), b"," | b"\xe2\x80\x94") || d.is_close_quote_tok(k - 1));
    // "X, then head of Y, says ...": the aside belongs to a speaker before.
    let aside_speaker = k > s0
        && d.has(k - 1, T_COMMA)
        && np_before(d, s0, k).is_some_and(|(s, e)| d.can_be_source(s, e));
    if class != CueClass::Report || !(sep_before || k == ws) || aside_speaker {
        return None;
    }
    let (s, src_end, e) = np_after(d, after, s1)
        .and_then(|(s, e)| inverted_source(d, s, e).map(|(a, b)| (a, b, e)))?;
    let at_end = e >= we || d.has(e, T_INVERTED_END) || (k > 0 && d.is_close_quote_tok(k - 1));
    at_end.then_some((s, src_end, e))
}

/// The attribution of an inverted cue whose source runs `s..src_end` in
/// a phrase ending at `e`.
pub(super) fn attribution(c: &Cand, s: usize, src_end: usize, e: usize) -> Option<Attribution> {
    let Cand {
        d,
        si,
        k,
        s0,
        s1,
        ws,
        we,
        cue,
        ..
    } = *c;
    let speaker = Speaker {
        span: d.span(s, src_end)?,
        actor: None,
    };
    let content_end = if k == ws { None } else { Some(k - 1) };
    let mut content = Vec::new();
    let mut rule = Rule::ContentCue;
    match content_end {
        Some(ce) => {
            let c = content_before(d, s0, s1, ce + usize::from(d.is_close_quote_tok(ce)))?;
            if d.quote_at(c.start).is_some() {
                rule = Rule::QuoteCue;
            }
            content.push(c);
            let tail = if e < we {
                skip_to_quote(d, e, we)
            } else {
                None
            };
            match tail {
                Some(q) => {
                    content.extend(std::iter::once(q.span).chain(continuation(d, q.span.end, 2)))
                }
                None => content.extend(continuation(d, d.tok(s1 - 1).end, 2)),
            }
        }
        None => {
            // 'Said X, "..."'
            let mut c = e;
            while c < we && matches!(d.w(c), b"," | b":") {
                c += 1;
            }
            if let Some(q) = d.quote_at(d.tok(c.min(s1 - 1)).start) {
                content.push(q.span);
                rule = Rule::CueQuote;
            } else {
                content.push(d.span(c, we)?);
                rule = Rule::CueContent;
            }
        }
    }
    Some(Attribution::found(Some(speaker), cue, content, rule, si))
}
