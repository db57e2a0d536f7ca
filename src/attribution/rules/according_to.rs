//! `..., according to X.` / `According to X, ...`.

use super::*;

pub(in crate::attribution) fn according_to(d: &Doc, si: usize, k: usize) -> Option<Attribution> {
    let (s0, s1) = sentence_range(d.seg, si);
    let cue = Span::new(d.tok(k).start, d.tok(k + 1).end);
    let (s, e) = np_after(d, k + 2, s1)?;
    let speaker = Speaker {
        span: d.span(s, e)?,
        actor: None,
    };
    let ws = words_start(d, s0, s1);
    let we = words_end(d, s0, s1);
    let content = if k > ws {
        // "..., according to X." / "... according to X, ..."
        let mut ce = k;
        while ce > ws && d.kind(ce - 1) == TokenKind::Punct && !d.is_close_quote_tok(ce - 1) {
            ce -= 1;
        }
        if let Some(q) = d
            .quote_ending_before(d.tok(k).start)
            .filter(|q| q.span.end > d.tok(ws).start || q.span.start >= d.tok(ws).start)
        {
            vec![d.quote_content(&q)]
        } else {
            // Start after an introductory clause that ends in a comma.
            let mut cs = ws;
            if d.has(ws, T_INTRO) {
                if let Some(c) = (ws..ce).find(|&j| d.has(j, T_COMMA)) {
                    cs = c + 1;
                }
            }
            let mut parts = vec![d.span(cs, ce)?];
            // "... according to X, ..." with more words after it.
            let mut after = e;
            while after < we && d.kind(after) == TokenKind::Punct {
                after += 1;
            }
            // "..., according to X, then the board's chief[, ...]": the
            // speaker's apposition is no content; what follows its comma is.
            if after < we
                && after > e
                && d.has(e, T_COMMA)
                && d.lex.w.apposition.contains(d.w(after))
            {
                after = match (after..we).find(|&j| d.has(j, T_COMMA) && !d.quoted(j)) {
                    Some(comma) => comma + 1,
                    None => we,
                };
            }
            if after < we && we - after >= 2 {
                parts.push(d.span(after, we)?);
            }
            parts
        }
    } else {
        let mut cs = e;
        while cs < we && d.kind(cs) == TokenKind::Punct && !d.is_open_quote(cs) {
            cs += 1;
        }
        vec![d.span(cs, we)?]
    };
    Some(Attribution::found(
        Some(speaker),
        cue,
        content,
        Rule::AccordingTo,
        si,
    ))
}
